package org.truce.store.finding;

import java.time.Instant;
import org.truce.assessment.Assessment;

/**
 * A current finding: the assessment of one stored report (at {@code reportVersion}) against one
 * commitment, with its whole trace, and what it was computed on and when.
 */
public record StoredFinding(
        long id,
        long reportId,
        int reportVersion,
        FindingBasis basis,
        Instant computedAt,
        Assessment assessment) {
}
