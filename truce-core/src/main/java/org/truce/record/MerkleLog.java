package org.truce.record;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The append-only Merkle tree of RFC 9162 §2.1 over the record's entries. Appending stores the
 * leaf and every subtree it completes; the root of any earlier size and the proofs are then read
 * from O(log n) stored subtree hashes (see {@link SubtreeHashStore} for the storage contract).
 * One writer at a time: the caller serialises appends (in the service, the database transaction).
 */
public final class MerkleLog {

    private final SubtreeHashStore store;

    public MerkleLog(SubtreeHashStore store) {
        this.store = store;
    }

    /** A log kept in memory only. */
    public static MerkleLog inMemory() {
        return new MerkleLog(new InMemorySubtreeHashes());
    }

    public long size() {
        return store.leafCount();
    }

    /** Appends an entry's bytes; returns its leaf index. */
    public long appendEntry(byte[] entry) {
        return append(LeafHash.ofEntry(entry));
    }

    /** Appends a leaf; returns its index. */
    public long append(LeafHash leaf) {
        long index = store.leafCount();
        store.put(0, index, leaf.value());
        MerkleHash hash = leaf.value();
        long node = index;
        int level = 0;
        // Each odd index closes a pair: its parent is complete and is stored as well.
        while ((node & 1) == 1) {
            hash = MerkleHash.ofNode(store.subtree(level, node - 1), hash);
            node >>= 1;
            level++;
            store.put(level, node, hash);
        }
        return index;
    }

    public LeafHash leaf(long index) {
        requireSize(index + 1);
        return new LeafHash(store.subtree(0, index));
    }

    /** The tree head of the whole log. */
    public TreeHead head() {
        return head(size());
    }

    /** The tree head the log had when it held {@code size} entries. */
    public TreeHead head(long size) {
        requireSize(size);
        return new TreeHead(size, size == 0 ? MerkleHash.EMPTY_TREE : rangeHash(0, size));
    }

    /** The audit path of RFC 9162 §2.1.3.1 from leaf {@code index} to the root of {@code treeSize}. */
    public InclusionProof inclusionProof(long index, long treeSize) {
        requireSize(treeSize);
        if (index < 0 || index >= treeSize) {
            throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + treeSize);
        }
        List<MerkleHash> rootToLeaf = new ArrayList<>();
        long start = 0;
        long n = treeSize;
        long m = index;
        while (n > 1) {
            long k = largestPowerOfTwoBelow(n);
            if (m < k) {
                rootToLeaf.add(rangeHash(start + k, n - k));
                n = k;
            } else {
                rootToLeaf.add(rangeHash(start, k));
                start += k;
                m -= k;
                n -= k;
            }
        }
        Collections.reverse(rootToLeaf);
        return new InclusionProof(index, treeSize, rootToLeaf);
    }

    /** The consistency proof of RFC 9162 §2.1.4.1 that size {@code oldSize} is a prefix of {@code newSize}. */
    public ConsistencyProof consistencyProof(long oldSize, long newSize) {
        requireSize(newSize);
        if (oldSize < 0 || oldSize > newSize) {
            throw new IllegalArgumentException("no consistency proof from size " + oldSize + " to " + newSize);
        }
        if (oldSize == 0 || oldSize == newSize) {
            return new ConsistencyProof(oldSize, newSize, List.of());
        }
        List<MerkleHash> rootToLeaf = new ArrayList<>();
        long start = 0;
        long n = newSize;
        long m = oldSize;
        boolean wholeOldTree = true;
        while (m != n) {
            long k = largestPowerOfTwoBelow(n);
            if (m <= k) {
                rootToLeaf.add(rangeHash(start + k, n - k));
                n = k;
            } else {
                rootToLeaf.add(rangeHash(start, k));
                start += k;
                m -= k;
                n -= k;
                wholeOldTree = false;
            }
        }
        if (!wholeOldTree) {
            // SUBPROOF(m, D[m], false): the verifier cannot know this subtree's hash, so it is sent.
            rootToLeaf.add(rangeHash(start, m));
        }
        Collections.reverse(rootToLeaf);
        return new ConsistencyProof(oldSize, newSize, rootToLeaf);
    }

    /**
     * MTH of the leaves {@code [start, start + n)}. Every range asked for here starts at a multiple
     * of the smallest power of two not below n, so its left part is always a stored subtree.
     */
    private MerkleHash rangeHash(long start, long n) {
        if (Long.bitCount(n) == 1) {
            int level = Long.numberOfTrailingZeros(n);
            return store.subtree(level, start >> level);
        }
        long k = largestPowerOfTwoBelow(n);
        return MerkleHash.ofNode(rangeHash(start, k), rangeHash(start + k, n - k));
    }

    /** The largest power of two strictly below n (n >= 2), the split point of RFC 9162 §2.1.1. */
    static long largestPowerOfTwoBelow(long n) {
        return Long.highestOneBit(n - 1);
    }

    private void requireSize(long size) {
        if (size < 0 || size > size()) {
            throw new IllegalArgumentException("the log has " + size() + " entries, not " + size);
        }
    }
}
