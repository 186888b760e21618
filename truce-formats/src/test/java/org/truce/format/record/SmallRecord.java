package org.truce.format.record;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.truce.record.Checkpoint;
import org.truce.record.EntryJson;
import org.truce.record.MerkleLog;
import org.truce.record.RecordBundle;
import org.truce.record.SignedCheckpoint;
import org.truce.record.SigningKey;

/** Six entries, checkpoints at sizes 2 and 6, signed with a key made for the test. */
final class SmallRecord {

    final SigningKey key = SigningKey.generate("truce.example/record");
    final MerkleLog log = MerkleLog.inMemory();
    final List<String> entries = new ArrayList<>();
    final List<SignedCheckpoint> checkpoints = new ArrayList<>();

    SmallRecord() {
        for (int i = 0; i < 6; i++) {
            String entry = EntryJson.canonical(Map.of("kind", "finding", "report_id", "RUS" + i,
                    "outcome", "possible_violation", "distance_m", 812.5 + i));
            entries.add(entry);
            log.appendEntry(entry.getBytes(StandardCharsets.UTF_8));
            if (i == 1 || i == 5) {
                checkpoints.add(key.sign(Checkpoint.of("truce.example/record", log.head(),
                        Instant.parse("2025-03-20T00:00:00Z").plusSeconds(3600L * i))));
            }
        }
    }

    RecordBundle bundle() {
        return RecordBundle.export(log, i -> entries.get((int) i), checkpoints, 0, key.verifierKey());
    }
}
