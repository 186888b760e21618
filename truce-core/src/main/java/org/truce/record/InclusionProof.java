package org.truce.record;

import java.util.List;

/**
 * Proof that leaf {@code leafIndex} is in the tree of size {@code treeSize}: the audit path of
 * RFC 9162 §2.1.3, sibling hashes from the leaf up.
 */
public record InclusionProof(long leafIndex, long treeSize, List<MerkleHash> path) {

    public InclusionProof {
        if (leafIndex < 0 || treeSize < 0) {
            throw new IllegalArgumentException("leaf index and tree size cannot be negative");
        }
        path = List.copyOf(path);
    }

    /** Checks the proof with the algorithm of RFC 9162 §2.1.3.2, never from the tree itself. */
    public ProofCheck verify(LeafHash leaf, TreeHead head) {
        if (head.size() != treeSize) {
            return ProofCheck.failed("the proof is for tree size " + treeSize + ", the tree head has size " + head.size());
        }
        if (leafIndex >= treeSize) {
            return ProofCheck.failed("leaf index " + leafIndex + " is not below tree size " + treeSize);
        }
        long fn = leafIndex;
        long sn = treeSize - 1;
        MerkleHash r = leaf.value();
        for (MerkleHash p : path) {
            if (sn == 0) {
                return ProofCheck.failed("the path has more hashes than a tree of size " + treeSize + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.ofNode(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                r = MerkleHash.ofNode(r, p);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return ProofCheck.failed("the path has fewer hashes than a tree of size " + treeSize + " needs");
        }
        if (!r.equals(head.root())) {
            return ProofCheck.failed("the path leads to root " + r.hex() + ", the tree head has " + head.root().hex());
        }
        return ProofCheck.ok();
    }
}
