package org.truce.store.report;

import java.time.LocalDate;
import org.truce.assessment.Outcome;
import org.truce.geo.BoundingBox;

/**
 * Which reports to list. Every part is optional ({@code null}: no condition).
 * {@code commitmentId}, {@code outcome} and {@code party} select reports that have a current finding under
 * {@code agreementId} for that commitment, with that outcome and/or attributed to that party (all
 * on one finding), so any of them needs the agreement. {@code party} is a party id, or
 * {@link #NO_PARTY} for a finding attributed to no party (as findings store it). Dates compare with the
 * recorded event date, both ends included; the box with the recorded point. Deleted reports are
 * left out unless {@code includeDeleted}.
 */
public record ReportFilter(
        String agreementId,
        String commitmentId,
        Outcome outcome,
        String party,
        LocalDate from,
        LocalDate to,
        BoundingBox bbox,
        boolean includeDeleted) {

    /** The party of a finding attributed to no party. */
    public static final String NO_PARTY = "";

    public ReportFilter {
        if ((commitmentId != null || outcome != null || party != null) && agreementId == null) {
            throw new IllegalArgumentException("a filter on findings (commitment, outcome, party) needs the agreement");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /** Every live report. */
    public static ReportFilter all() {
        return new ReportFilter(null, null, null, null, null, null, null, false);
    }

    public ReportFilter withFindings(String agreement, String commitment, Outcome withOutcome) {
        return new ReportFilter(agreement, commitment, withOutcome, party, from, to, bbox, includeDeleted);
    }

    /** Findings under {@code agreement} for any commitment filter already set, attributed to {@code party}. */
    public ReportFilter withParty(String agreement, String withParty) {
        return new ReportFilter(agreement, commitmentId, outcome, withParty, from, to, bbox, includeDeleted);
    }

    /** True when the filter asks for a finding with some property. */
    public boolean onFindings() {
        return commitmentId != null || outcome != null || party != null;
    }

    public ReportFilter withDates(LocalDate fromDay, LocalDate toDay) {
        return new ReportFilter(agreementId, commitmentId, outcome, party, fromDay, toDay, bbox, includeDeleted);
    }

    public ReportFilter withBox(BoundingBox box) {
        return new ReportFilter(agreementId, commitmentId, outcome, party, from, to, box, includeDeleted);
    }

    public ReportFilter withDeleted(boolean deleted) {
        return new ReportFilter(agreementId, commitmentId, outcome, party, from, to, bbox, deleted);
    }
}
