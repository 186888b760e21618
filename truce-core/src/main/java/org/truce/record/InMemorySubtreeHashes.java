package org.truce.record;

import java.util.ArrayList;
import java.util.List;

/** A {@link SubtreeHashStore} in memory: one growing list per level. Not thread-safe. */
public final class InMemorySubtreeHashes implements SubtreeHashStore {

    private final List<List<MerkleHash>> levels = new ArrayList<>();

    @Override
    public long leafCount() {
        return levels.isEmpty() ? 0 : levels.get(0).size();
    }

    @Override
    public MerkleHash subtree(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("no complete subtree at level " + level + ", index " + index);
        }
        return levels.get(level).get((int) index);
    }

    @Override
    public void put(int level, long index, MerkleHash hash) {
        while (levels.size() <= level) {
            levels.add(new ArrayList<>());
        }
        List<MerkleHash> nodes = levels.get(level);
        if (index != nodes.size()) {
            throw new IllegalStateException("level " + level + " is append-only: next index is " + nodes.size()
                    + ", got " + index);
        }
        nodes.add(hash);
    }
}
