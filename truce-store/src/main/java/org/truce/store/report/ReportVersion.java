package org.truce.store.report;

import java.time.Instant;

/**
 * One accepted version of a report, as kept in the append-only history: the change, the full
 * content as canonical JSON and its SHA-256, the reason given, and when it was received.
 */
public record ReportVersion(
        long reportId,
        int version,
        ChangeKind change,
        String contentJson,
        String contentSha256,
        String reason,
        Instant receivedAt) {

    /** The content this version recorded, read back from its JSON. */
    public ReportContent content() {
        return ReportJson.read(contentJson);
    }
}
