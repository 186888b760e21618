package org.truce.record;

import java.util.ArrayList;
import java.util.List;

/**
 * Proof that the tree of size {@code oldSize} is a prefix of the tree of size {@code newSize}:
 * nothing was removed or rewritten in between (RFC 9162 §2.1.4).
 */
public record ConsistencyProof(long oldSize, long newSize, List<MerkleHash> path) {

    public ConsistencyProof {
        if (oldSize < 0 || newSize < 0) {
            throw new IllegalArgumentException("tree sizes cannot be negative");
        }
        path = List.copyOf(path);
    }

    /** Checks the proof with the algorithm of RFC 9162 §2.1.4.2. */
    public ProofCheck verify(TreeHead older, TreeHead newer) {
        if (older.size() != oldSize || newer.size() != newSize) {
            return ProofCheck.failed("the proof is for sizes " + oldSize + " and " + newSize
                    + ", the tree heads have " + older.size() + " and " + newer.size());
        }
        if (oldSize > newSize) {
            return ProofCheck.failed("the older tree (size " + oldSize + ") is larger than the newer (size " + newSize + ")");
        }
        if (oldSize == newSize) {
            if (!path.isEmpty()) {
                return ProofCheck.failed("two trees of the same size need an empty proof");
            }
            return older.root().equals(newer.root())
                    ? ProofCheck.ok()
                    : ProofCheck.failed("two trees of size " + oldSize + " have different roots");
        }
        if (oldSize == 0) {
            return path.isEmpty() ? ProofCheck.ok() : ProofCheck.failed("the empty tree needs an empty proof");
        }
        if (path.isEmpty()) {
            return ProofCheck.failed("the proof is empty");
        }
        List<MerkleHash> cp = new ArrayList<>(path.size() + 1);
        if (Long.bitCount(oldSize) == 1) {
            cp.add(older.root());
        }
        cp.addAll(path);
        long fn = oldSize - 1;
        long sn = newSize - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        MerkleHash fr = cp.get(0);
        MerkleHash sr = cp.get(0);
        for (MerkleHash c : cp.subList(1, cp.size())) {
            if (sn == 0) {
                return ProofCheck.failed("the proof has more hashes than sizes " + oldSize + " and " + newSize + " need");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.ofNode(c, fr);
                sr = MerkleHash.ofNode(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                sr = MerkleHash.ofNode(sr, c);
            }
            fn >>= 1;
            sn >>= 1;
        }
        if (sn != 0) {
            return ProofCheck.failed("the proof has fewer hashes than sizes " + oldSize + " and " + newSize + " need");
        }
        if (!fr.equals(older.root())) {
            return ProofCheck.failed("the proof does not lead to the older root " + older.root().hex());
        }
        if (!sr.equals(newer.root())) {
            return ProofCheck.failed("the proof does not lead to the newer root " + newer.root().hex());
        }
        return ProofCheck.ok();
    }
}
