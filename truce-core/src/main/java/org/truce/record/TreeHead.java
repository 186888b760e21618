package org.truce.record;

/** The state of the log at one size: how many entries, and the Merkle tree hash over them. */
public record TreeHead(long size, MerkleHash root) {

    public TreeHead {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size cannot be negative: " + size);
        }
        if (root == null) {
            throw new IllegalArgumentException("a tree head needs a root hash");
        }
    }
}
