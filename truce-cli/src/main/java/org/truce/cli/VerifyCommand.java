package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.truce.record.Checkpoint;
import org.truce.record.VerifierKey;
import org.truce.store.Database;
import org.truce.store.record.RecordAudit;
import org.truce.store.record.RecordProblem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce verify}: the whole database against its tamper-evident record. */
@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Check the whole database against its tamper-evident record.",
            "Every entry against the row it records, every recorded row against its entry, the Merkle tree against the entries, and every checkpoint against the tree and the key.",
            "Names every mismatch. Exit code 0: all checks; 3: a mismatch was found; 2: bad input."
        })
final class VerifyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--key", paramLabel = "FILE",
            description = "The log's verifier key (.vkey) to check checkpoint signatures with. Default: the demo's"
                    + " key in DIR/record-keys when there is one; without a key, signatures are not checked.")
    Path keyFile;

    @Override
    public Integer call() {
        Optional<VerifierKey> key = key();
        RecordAudit.Result result;
        try (Database db = Database.open(ReportCommand.PublishedRecord.existing(database))) {
            result = new RecordAudit(db.jdbi()).run(key);
        }
        var out = spec.commandLine().getOut();
        out.println("truce verify: " + result.entries() + " entries, " + result.checkpoints() + " checkpoint(s)"
                + result.latest().map(c -> describe(c.checkpoint())).orElse(""));
        out.println(key.map(k -> "key: " + k.vkey()).orElse("key: none given; checkpoint signatures not checked"));
        if (result.ok()) {
            out.println("OK: every entry, row, node and checkpoint checks");
            out.flush();
            return 0;
        }
        out.println("FAILED: " + result.problems().size() + " problem(s)");
        for (RecordProblem p : result.problems()) {
            out.println("  " + p);
        }
        out.flush();
        return VerifyBundleCommand.EXIT_NOT_VERIFIED;
    }

    private static String describe(Checkpoint c) {
        return " (latest: size " + c.size() + ", " + c.time() + ", root " + c.root().base64() + ")";
    }

    private Optional<VerifierKey> key() {
        if (keyFile != null) {
            return Optional.of(RecordKeyOptions.verifierKey(keyFile));
        }
        Path demoKey = database.dataDir.resolve(DemoCommand.RECORD_KEYS).resolve(KeygenCommand.VKEY);
        return database.jdbcUrl == null && Files.isRegularFile(demoKey)
                ? Optional.of(RecordKeyOptions.verifierKey(demoKey)) : Optional.empty();
    }
}
