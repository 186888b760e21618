package org.truce.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.truce.store.EmbeddedCompaction;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code truce compact}: give the embedded database's unused space back to the disk. */
@Command(name = "compact", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Give the embedded database file's unused space back.",
            "Rewrites the database in --data without its unused space; the file only grows while Truce runs",
            "(docs/storage.md); run this while no 'truce serve' or 'truce demo' has it open. Nothing in the database",
            "changes: 'truce verify' answers the same before and after."
        })
final class CompactCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Override
    public Integer call() {
        if (database.jdbcUrl != null) {
            throw new UserError("--jdbc-url: only the embedded database is compacted by Truce; PostgreSQL reclaims"
                    + " space itself (autovacuum, or VACUUM FULL in a pause)");
        }
        EmbeddedCompaction.Result result;
        try {
            result = EmbeddedCompaction.run(database.config());
        } catch (IllegalArgumentException e) {
            throw new UserError("--data " + database.dataDir + ": " + e.getMessage());
        }
        var out = spec.commandLine().getOut();
        out.println(String.format(Locale.ROOT, "truce compact: %s from %,d to %,d bytes", database.dataDir.resolve(
                result.file().getFileName()), result.before_bytes(), result.after_bytes()));
        out.flush();
        return 0;
    }
}
