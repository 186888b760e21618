package org.truce.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small record for bundle tests: ten entries, checkpoints at sizes 4, 7 and 10, signed with a
 * key made for the test.
 *
 * <pre>
 * entries   0 1 2 3 | 4 5 6 | 7 8 9
 * checkpoint      4 ^     7 ^    10 ^
 * </pre>
 */
public final class RecordFixture {

    public static final String ORIGIN = "truce.example/record";

    public final SigningKey key = SigningKey.generate(ORIGIN);
    public final MerkleLog log = MerkleLog.inMemory();
    public final List<String> entries = new ArrayList<>();
    public final List<SignedCheckpoint> checkpoints = new ArrayList<>();

    public RecordFixture() {
        Instant day = Instant.parse("2025-03-18T00:00:00Z");
        for (int i = 0; i < 10; i++) {
            String entry = EntryJson.canonical(Map.of("kind", "report", "report_id", "UKR" + i, "version", 1,
                    "notes", "Strike near substation " + i));
            entries.add(entry);
            log.appendEntry(entry.getBytes(StandardCharsets.UTF_8));
            if (i == 3 || i == 6 || i == 9) {
                checkpoints.add(key.sign(Checkpoint.of(ORIGIN, log.head(), day.plusSeconds(86_400L * i))));
            }
        }
    }

    /** Everything since the beginning of the log. */
    public RecordBundle bundle() {
        return RecordBundle.export(log, i -> entries.get((int) i), checkpoints, 0, key.verifierKey());
    }
}
