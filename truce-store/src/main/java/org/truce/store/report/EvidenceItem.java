package org.truce.store.report;

import java.time.Instant;
import org.truce.store.Sha256;

/**
 * A file or link backing a report. A file always has its SHA-256 and size; a link has them when a
 * copy of what it pointed to was fetched (otherwise {@code null}). {@code mediaType} is an IANA
 * media type such as {@code image/jpeg}, {@code null} when unknown.
 */
public record EvidenceItem(
        EvidenceKind kind,
        String location,
        String sha256,
        Long size_bytes,
        String mediaType,
        Instant receivedAt) {

    public EvidenceItem {
        if (kind == null || location == null || location.isBlank() || receivedAt == null) {
            throw new IllegalArgumentException("evidence needs a kind, a location and when it was received");
        }
        if (sha256 != null && !Sha256.isHex(sha256)) {
            throw new IllegalArgumentException("evidence SHA-256 must be 64 lowercase hex digits, got " + sha256);
        }
        if (size_bytes != null && size_bytes < 0) {
            throw new IllegalArgumentException("evidence size is negative: " + size_bytes);
        }
        if (kind == EvidenceKind.FILE && (sha256 == null || size_bytes == null)) {
            throw new IllegalArgumentException("a file of evidence needs its SHA-256 and size: " + location);
        }
        if (mediaType != null && !mediaType.matches("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+")) {
            throw new IllegalArgumentException("not a media type: " + mediaType);
        }
    }

    public static EvidenceItem file(String location, String sha256, long size_bytes, String mediaType,
            Instant receivedAt) {
        return new EvidenceItem(EvidenceKind.FILE, location, sha256, size_bytes, mediaType, receivedAt);
    }

    public static EvidenceItem url(String url, String mediaType, Instant receivedAt) {
        return new EvidenceItem(EvidenceKind.URL, url, null, null, mediaType, receivedAt);
    }
}
