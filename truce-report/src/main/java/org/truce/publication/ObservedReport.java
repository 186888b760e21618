package org.truce.publication;

import java.util.List;
import org.truce.assessment.Assessment;
import org.truce.report.Report;

/** A live report of the record with who supplied it, its version and its current findings. */
public record ObservedReport(long reportId, String sourceId, int version, Report report, List<Assessment> findings) {

    public ObservedReport {
        findings = List.copyOf(findings);
    }
}
