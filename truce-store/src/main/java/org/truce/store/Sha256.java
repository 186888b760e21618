package org.truce.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 digests as 64 lowercase hex digits, the form every table of this module stores. */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Of the UTF-8 bytes of {@code text}. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Reads {@code in} to its end; returns the digest and how many bytes it had. */
    public static Digest of(InputStream in) throws IOException {
        MessageDigest md = digest();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            md.update(buffer, 0, n);
            size += n;
        }
        return new Digest(HexFormat.of().formatHex(md.digest()), size);
    }

    public static boolean isHex(String s) {
        return s != null && s.matches("[0-9a-f]{64}");
    }

    /** A digest with the size of what was digested. */
    public record Digest(String sha256, long size_bytes) {
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
