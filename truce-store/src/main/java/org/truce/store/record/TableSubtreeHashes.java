package org.truce.store.record;

import org.jdbi.v3.core.Handle;
import org.truce.record.MerkleHash;
import org.truce.record.SubtreeHashStore;

/**
 * The log's subtree hashes in the record_nodes table, read and written on one handle, so that the
 * nodes an append writes belong to the caller's transaction. The leaf count is the head's size as
 * read (under lock, for an append) when this store was made, plus the leaves put since.
 */
final class TableSubtreeHashes implements SubtreeHashStore {

    private final Handle h;
    private long leafCount;

    TableSubtreeHashes(Handle h, long leafCount) {
        this.h = h;
        this.leafCount = leafCount;
    }

    @Override
    public long leafCount() {
        return leafCount;
    }

    @Override
    public MerkleHash subtree(int level, long index) {
        return h.createQuery("SELECT hash FROM record_nodes WHERE node_level = :level AND node_index = :idx")
                .bind("level", level)
                .bind("idx", index)
                .mapTo(String.class)
                .findOne()
                .map(MerkleHash::ofHex)
                .orElseThrow(() -> new IllegalStateException("the record has no node at level " + level + ", index "
                        + index + ": record_nodes is incomplete (run truce verify)"));
    }

    @Override
    public void put(int level, long index, MerkleHash hash) {
        h.createUpdate("INSERT INTO record_nodes (node_level, node_index, hash) VALUES (:level, :idx, :hash)")
                .bind("level", level)
                .bind("idx", index)
                .bind("hash", hash.hex())
                .execute();
        if (level == 0) {
            leafCount++;
        }
    }
}
