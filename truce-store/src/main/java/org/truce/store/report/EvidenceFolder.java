package org.truce.store.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.truce.store.Sha256;

/**
 * Evidence files on disk, addressed by content: a file whose SHA-256 is {@code abcd...} lives at
 * {@code ab/cd...} under the folder. A file is written under a temporary name, then linked to its
 * final name, which fails rather than replaces when that name exists, so a stored file is never
 * overwritten; the same content uploaded twice is kept once.
 */
public final class EvidenceFolder {

    private static final String PART_SUFFIX = ".part";

    private final Path root;

    public EvidenceFolder(Path root) {
        if (root == null) {
            throw new IllegalArgumentException("the evidence folder needs a path");
        }
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** A file kept: its digest and size, and whether this call added it (false: the content was already kept). */
    public record Kept(String sha256, long size_bytes, boolean added) {
    }

    /**
     * Reads {@code in} to its end and keeps it. Nothing is kept when it has more than
     * {@code maxBytes} bytes ({@link EvidenceTooLargeException}), when it is empty
     * ({@link IllegalArgumentException}) or when reading fails.
     */
    public Kept keep(InputStream in, long maxBytes) throws IOException {
        Files.createDirectories(root);
        Path part = Files.createTempFile(root, "upload-", PART_SUFFIX);
        try {
            MessageDigest md = sha256();
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(part), md)) {
                byte[] buffer = new byte[1 << 16];
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    size += n;
                    if (size > maxBytes) {
                        throw new EvidenceTooLargeException(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw new IllegalArgumentException("an evidence file is empty");
            }
            String sha = HexFormat.of().formatHex(md.digest());
            Path target = pathOf(sha);
            Files.createDirectories(target.getParent());
            boolean added;
            try {
                // A hard link is atomic and refuses an existing name, where a rename would replace it.
                Files.createLink(target, part);
                added = true;
            } catch (FileAlreadyExistsException e) {
                added = false;
            } catch (UnsupportedOperationException e) {
                added = moveUnlessPresent(part, target);
            }
            return new Kept(sha, size, added);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** The kept file with this SHA-256, if any. */
    public Optional<Path> find(String sha256) {
        if (!Sha256.isHex(sha256)) {
            return Optional.empty();
        }
        Path p = pathOf(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Where the content with this SHA-256 is kept, relative to the folder: {@code ab/cd...}. */
    public static String relativePath(String sha256) {
        return sha256.substring(0, 2) + "/" + sha256.substring(2);
    }

    private Path pathOf(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2));
    }

    private static boolean moveUnlessPresent(Path part, Path target) throws IOException {
        try {
            Files.move(part, target);
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
