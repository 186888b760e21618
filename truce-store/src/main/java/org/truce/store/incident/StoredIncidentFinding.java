package org.truce.store.incident;

import java.time.Instant;
import org.truce.incident.IncidentAssessment;
import org.truce.store.finding.FindingBasis;

/** The current finding of one incident on one commitment, and what it was computed on and when. */
public record StoredIncidentFinding(String incidentId, FindingBasis basis, Instant computedAt,
        IncidentAssessment assessment) {
}
