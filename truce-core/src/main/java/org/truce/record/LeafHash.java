package org.truce.record;

import java.security.MessageDigest;

/**
 * The hash of one log entry as a leaf: SHA-256(0x00 || entry bytes) (RFC 9162 §2.1.1). A type of
 * its own so that an interior node hash can never be appended to the log as if it were an entry.
 */
public record LeafHash(MerkleHash value) {

    private static final byte LEAF_PREFIX = 0x00;

    public LeafHash {
        if (value == null) {
            throw new IllegalArgumentException("a leaf hash needs a value");
        }
    }

    public static LeafHash ofEntry(byte[] entry) {
        MessageDigest digest = MerkleHash.digest();
        digest.update(LEAF_PREFIX);
        digest.update(entry);
        return new LeafHash(MerkleHash.of(digest.digest()));
    }

    @Override
    public String toString() {
        return value.hex();
    }
}
