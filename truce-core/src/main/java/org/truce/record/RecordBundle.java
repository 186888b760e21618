package org.truce.record;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;

/**
 * What a party takes home to check the record without the database: the log entries from
 * {@code firstIndex} up to the latest checkpoint, each with its inclusion proof against that
 * checkpoint; the signed checkpoints in order of size, with a consistency proof between each pair
 * of neighbours; and the log's verifier key. Checked by {@link BundleVerifier}.
 */
public record RecordBundle(VerifierKey key, List<SignedCheckpoint> checkpoints, long firstIndex,
        List<BundleEntry> entries, List<ConsistencyProof> consistency) {

    public RecordBundle {
        if (key == null) {
            throw new IllegalArgumentException("a bundle carries the log's verifier key");
        }
        checkpoints = List.copyOf(checkpoints);
        entries = List.copyOf(entries);
        consistency = List.copyOf(consistency);
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("a bundle has at least one checkpoint");
        }
        if (firstIndex < 0) {
            throw new IllegalArgumentException("the first entry index cannot be negative");
        }
    }

    public SignedCheckpoint latest() {
        return checkpoints.get(checkpoints.size() - 1);
    }

    /**
     * The bundle for entries {@code firstIndex} up to the last checkpoint's size, with every proof
     * computed from {@code log}. {@code entryAt} gives the canonical text of an entry by index.
     */
    public static RecordBundle export(MerkleLog log, LongFunction<String> entryAt, List<SignedCheckpoint> checkpoints,
            long firstIndex, VerifierKey key) {
        if (checkpoints.isEmpty()) {
            throw new IllegalArgumentException("a bundle has at least one checkpoint");
        }
        long latestSize = checkpoints.get(checkpoints.size() - 1).checkpoint().size();
        if (firstIndex > latestSize) {
            throw new IllegalArgumentException("first entry " + firstIndex + " is past the latest checkpoint (size "
                    + latestSize + ")");
        }
        List<BundleEntry> entries = new ArrayList<>();
        for (long i = firstIndex; i < latestSize; i++) {
            entries.add(new BundleEntry(i, entryAt.apply(i), log.inclusionProof(i, latestSize)));
        }
        List<ConsistencyProof> consistency = new ArrayList<>();
        for (int k = 1; k < checkpoints.size(); k++) {
            consistency.add(log.consistencyProof(checkpoints.get(k - 1).checkpoint().size(),
                    checkpoints.get(k).checkpoint().size()));
        }
        return new RecordBundle(key, checkpoints, firstIndex, entries, consistency);
    }
}
