package org.truce.store.report;

import java.time.Instant;
import org.truce.report.Report;

/**
 * The current version of a stored report. {@code id} is the store's own key; the source's key is
 * {@code content.externalId()}. A deleted report is still here, flagged, with when it was deleted.
 */
public record StoredReport(
        long id,
        String sourceId,
        ReportContent content,
        int version,
        String contentSha256,
        boolean deleted,
        Instant deletedAt,
        Instant createdAt,
        Instant updatedAt) {

    public Report report() {
        return content.report();
    }

    public String externalId() {
        return content.externalId();
    }
}
