package org.truce.server;

import java.nio.file.Path;
import java.util.Optional;
import org.truce.store.report.EvidenceFolder;

/**
 * Where a server keeps uploaded evidence files, and the largest it takes.
 *
 * @param directory the evidence folder; {@code null} when the server keeps no files (links are still taken)
 * @param maxBytes the largest file accepted; larger ones get 413 and nothing is kept
 */
public record EvidenceSettings(Path directory, long maxBytes) {

    /** 50 MiB: room for photos and short clips; longer videos belong behind a link. */
    public static final long DEFAULT_MAX_BYTES = 50L << 20;

    public EvidenceSettings {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("the evidence file limit must be at least 1 byte, got " + maxBytes);
        }
    }

    /** No files kept; links only. */
    public static EvidenceSettings linksOnly() {
        return new EvidenceSettings(null, DEFAULT_MAX_BYTES);
    }

    Optional<EvidenceFolder> folder() {
        return Optional.ofNullable(directory).map(EvidenceFolder::new);
    }
}
