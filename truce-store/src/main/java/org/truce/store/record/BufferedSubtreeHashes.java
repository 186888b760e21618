package org.truce.store.record;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.truce.record.MerkleHash;
import org.truce.record.SubtreeHashStore;

/**
 * The log's subtree hashes while a batch of entries is appended: nodes put are kept in memory and
 * written by {@link #flush} as one batched insert; a node not put here is read from the table. Why:
 * each append reads the node it has just put as a left sibling, and one statement per node was
 * most of an intake's round trips to PostgreSQL. Same handle, same transaction as the entries.
 */
final class BufferedSubtreeHashes implements SubtreeHashStore {

    private record Node(int level, long index) {
    }

    private final TableSubtreeHashes table;
    private final Map<Node, MerkleHash> added = new HashMap<>();
    private final List<Node> order = new ArrayList<>();
    private long leafCount;

    BufferedSubtreeHashes(Handle h, long leafCount) {
        this.table = new TableSubtreeHashes(h, leafCount);
        this.leafCount = leafCount;
    }

    @Override
    public long leafCount() {
        return leafCount;
    }

    @Override
    public MerkleHash subtree(int level, long index) {
        MerkleHash hash = added.get(new Node(level, index));
        return hash != null ? hash : table.subtree(level, index);
    }

    @Override
    public void put(int level, long index, MerkleHash hash) {
        Node n = new Node(level, index);
        added.put(n, hash);
        order.add(n);
        if (level == 0) {
            leafCount++;
        }
    }

    /** Inserts the nodes put since this store was made, in the order put. */
    void flush(Handle h) {
        if (order.isEmpty()) {
            return;
        }
        PreparedBatch insert = h.prepareBatch("INSERT INTO record_nodes (node_level, node_index, hash) "
                + "VALUES (:level, :idx, :hash)");
        for (Node n : order) {
            insert.bind("level", n.level()).bind("idx", n.index()).bind("hash", added.get(n).hex()).add();
        }
        insert.execute();
    }
}
