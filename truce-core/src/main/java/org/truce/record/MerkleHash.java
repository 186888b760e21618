package org.truce.record;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A SHA-256 value in the Merkle log: a leaf hash, an interior node hash or a tree root. Immutable:
 * the 32 bytes are copied in and out.
 */
public final class MerkleHash {

    public static final int SIZE_BYTES = 32;

    private static final byte NODE_PREFIX = 0x01;

    /** The root of the empty tree, SHA-256 of nothing (RFC 9162 §2.1.1). */
    public static final MerkleHash EMPTY_TREE = new MerkleHash(sha256(new byte[0]));

    private final byte[] bytes;

    private MerkleHash(byte[] bytes) {
        this.bytes = bytes;
    }

    public static MerkleHash of(byte[] bytes) {
        if (bytes == null || bytes.length != SIZE_BYTES) {
            throw new IllegalArgumentException("a SHA-256 hash has 32 bytes, got "
                    + (bytes == null ? "none" : bytes.length));
        }
        return new MerkleHash(bytes.clone());
    }

    /** From 64 hex digits; throws IllegalArgumentException with what is wrong. */
    public static MerkleHash ofHex(String hex) {
        try {
            return of(HexFormat.of().parseHex(hex));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a SHA-256 hash in hex: " + e.getMessage(), e);
        }
    }

    /** From standard base64 (with padding), as checkpoints and bundles carry it. */
    public static MerkleHash ofBase64(String base64) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64: " + e.getMessage(), e);
        }
        if (!Base64.getEncoder().encodeToString(decoded).equals(base64)) {
            // One hash, one spelling: a second encoding of the same bytes could hide in a signed text.
            throw new IllegalArgumentException("not in standard padded base64");
        }
        return of(decoded);
    }

    /** An interior node: SHA-256(0x01 || left || right) (RFC 9162 §2.1.1). */
    public static MerkleHash ofNode(MerkleHash left, MerkleHash right) {
        MessageDigest digest = digest();
        digest.update(NODE_PREFIX);
        digest.update(left.bytes);
        digest.update(right.bytes);
        return new MerkleHash(digest.digest());
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** This hash with one bit inverted; tests and tampering checks use it to build a wrong value. */
    public MerkleHash withBitFlipped(int bit) {
        if (bit < 0 || bit >= SIZE_BYTES * 8) {
            throw new IllegalArgumentException("bit " + bit + " is outside 0.." + (SIZE_BYTES * 8 - 1));
        }
        byte[] copy = bytes.clone();
        copy[bit / 8] ^= (byte) (1 << (bit % 8));
        return new MerkleHash(copy);
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }

    static byte[] sha256(byte[] data) {
        return digest().digest(data);
    }

    @Override
    public boolean equals(Object o) {
        // Constant time: hashes are compared against values an adversary may choose.
        return o instanceof MerkleHash other && MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
