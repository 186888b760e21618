package org.truce.store.report;

import java.util.List;
import org.truce.store.finding.StoredFinding;

/**
 * What one assessed intake request did, and the report's findings under the agreement as they
 * stand after it: those just written, or, for a replay, those stored; and the incident the
 * report is part of ({@code null} only for a replay of a report stored before incidents existed).
 */
public record AssessedIntake(IntakeResult result, List<StoredFinding> findings, String incidentId) {

    public AssessedIntake {
        findings = List.copyOf(findings);
    }
}
