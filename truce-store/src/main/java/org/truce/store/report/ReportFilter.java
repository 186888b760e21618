package org.truce.store.report;

import java.time.LocalDate;
import org.truce.assessment.Outcome;
import org.truce.geo.BoundingBox;

/**
 * Which reports to list. Every part is optional ({@code null}: no condition). {@code commitmentId}
 * and {@code outcome} select reports that have a current finding under {@code agreementId} for that
 * commitment and/or with that outcome, so either needs the agreement. Dates compare with the
 * recorded event date, both ends included; the box with the recorded point. Deleted reports are
 * left out unless {@code includeDeleted}.
 */
public record ReportFilter(
        String agreementId,
        String commitmentId,
        Outcome outcome,
        LocalDate from,
        LocalDate to,
        BoundingBox bbox,
        boolean includeDeleted) {

    public ReportFilter {
        if ((commitmentId != null || outcome != null) && agreementId == null) {
            throw new IllegalArgumentException("a filter on findings (commitment, outcome) needs the agreement");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** Every live report. */
    public static ReportFilter all() {
        return new ReportFilter(null, null, null, null, null, null, false);
    }

    public ReportFilter withFindings(String agreement, String commitment, Outcome withOutcome) {
        return new ReportFilter(agreement, commitment, withOutcome, from, to, bbox, includeDeleted);
    }

    public ReportFilter withDates(LocalDate fromDay, LocalDate toDay) {
        return new ReportFilter(agreementId, commitmentId, outcome, fromDay, toDay, bbox, includeDeleted);
    }

    public ReportFilter withBox(BoundingBox box) {
        return new ReportFilter(agreementId, commitmentId, outcome, from, to, box, includeDeleted);
    }

    public ReportFilter withDeleted(boolean deleted) {
        return new ReportFilter(agreementId, commitmentId, outcome, from, to, bbox, deleted);
    }
}
