package org.truce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.truce.format.record.BundleJson;
import org.truce.record.RecordBundle;
import org.truce.record.SignedCheckpoint;
import org.truce.record.VerifierKey;
import org.truce.store.Database;
import org.truce.store.record.StoredCheckpoint;

/**
 * {@code truce export --since CHECKPOINT}: the record as a bundle a party checks offline. The
 * bundle starts at the checkpoint the party already holds, so its consistency proofs show that the
 * newer checkpoints extend it, and carries the entries appended after it.
 */
final class RecordBundleExport {

    private RecordBundleExport() {
    }

    static int write(PrintWriter out, DatabaseOptions database, String since, Path keyFile, Path outFile)
            throws IOException {
        VerifierKey key = key(database, keyFile);
        RecordBundle bundle;
        try (Database db = Database.open(ReportCommand.PublishedRecord.existing(database))) {
            List<StoredCheckpoint> all = db.record().checkpoints();
            if (all.isEmpty()) {
                throw new UserError("the record has no checkpoint yet: start the service with --record-key, or wait"
                        + " for the first one (every N entries, and each UTC day)");
            }
            long first = firstCheckpoint(since, all.size());
            List<SignedCheckpoint> checkpoints = all.subList((int) first, all.size()).stream()
                    .map(StoredCheckpoint::signed).toList();
            long firstIndex = since.equals("all") ? 0 : checkpoints.get(0).checkpoint().size();
            bundle = db.record().withLog(log -> RecordBundle.export(log,
                    i -> db.record().entry(i).orElseThrow(() -> new UserError("entry " + i
                            + " is missing from the database: run 'truce verify'")).entryText(),
                    checkpoints, firstIndex, key));
        }
        ReportCommand.PublishedRecord.writeAtomically(outFile, BundleJson.write(bundle).getBytes(StandardCharsets.UTF_8));
        out.println("truce: exported " + bundle.entries().size() + " entries and " + bundle.checkpoints().size()
                + " checkpoint(s) (latest: size " + bundle.latest().checkpoint().size() + ") to " + outFile);
        out.flush();
        return 0;
    }

    private static long firstCheckpoint(String since, int count) {
        if (since.equals("all")) {
            return 0;
        }
        if (!since.matches("0|[1-9][0-9]{0,9}")) {
            throw new UserError("--since: a checkpoint number (0 for the first) or 'all', got '" + since + "'");
        }
        long seq = Long.parseLong(since);
        if (seq >= count) {
            throw new UserError("--since " + seq + ": the record has checkpoints 0.." + (count - 1));
        }
        return seq;
    }

    private static VerifierKey key(DatabaseOptions database, Path keyFile) {
        if (keyFile != null) {
            return RecordKeyOptions.verifierKey(keyFile);
        }
        Path demoKey = database.dataDir.resolve(DemoCommand.RECORD_KEYS).resolve(KeygenCommand.VKEY);
        if (database.jdbcUrl == null && Files.isRegularFile(demoKey)) {
            return RecordKeyOptions.verifierKey(demoKey);
        }
        throw new UserError("--key: name the log's verifier key (record-verifier.vkey from 'truce keygen')");
    }
}
