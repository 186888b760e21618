package org.truce.record;

/**
 * Where a {@link MerkleLog} keeps its hashes. The contract, so that a database table can back the
 * log later (columns {@code level, idx, hash}, primary key {@code (level, idx)}):
 *
 * <ul>
 *   <li>A node is the hash of a perfect subtree: at {@code level} L and index i it covers the
 *       leaves {@code [i * 2^L, (i + 1) * 2^L)}. Level 0 holds the leaf hashes themselves.</li>
 *   <li>With n leaves, the store holds exactly the nodes with {@code (i + 1) * 2^L <= n}: about
 *       2n hashes. Nodes are written once, in order ({@code put} at level L always has the next
 *       index of that level), and never changed or removed.</li>
 *   <li>With those nodes the root of any prefix size, and any inclusion or consistency proof, is
 *       computed from O(log n) stored hashes.</li>
 *   <li>{@code put} must belong to the same transaction as the entry it records, so the log
 *       and what it records cannot drift apart.</li>
 * </ul>
 */
public interface SubtreeHashStore {

    /** How many leaves (level-0 nodes) are stored. */
    long leafCount();

    /**
     * The stored hash of the perfect subtree at {@code level}, {@code index}; throws
     * IllegalArgumentException for a node that is not complete yet.
     */
    MerkleHash subtree(int level, long index);

    /** Stores a node; it must be the next index of its level (see the contract above). */
    void put(int level, long index, MerkleHash hash);
}
