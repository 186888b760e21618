package org.truce.publication;

import java.util.List;
import org.truce.assessment.Assessment;
import org.truce.report.Report;
import org.truce.store.incident.IncidentMembership;

/**
 * A live report of the record with who supplied it, its version, its current findings, and the
 * incident it is part of ({@code null}: none, as for reports imported without grouping).
 */
public record ObservedReport(long reportId, String sourceId, int version, Report report, List<Assessment> findings,
        IncidentMembership incident) {

    public ObservedReport {
        findings = List.copyOf(findings);
    }

    /** A report in no incident. */
    public ObservedReport(long reportId, String sourceId, int version, Report report, List<Assessment> findings) {
        this(reportId, sourceId, version, report, findings, null);
    }
}
