package org.truce.store.incident;

import java.time.LocalDate;
import org.truce.access.RecordScope;
import org.truce.geo.BoundingBox;
import org.truce.incident.VerificationStatus;

/**
 * Which incidents to list, under one agreement: with a finding on a commitment and/or naming a
 * party, with a status, whose centroid is in a box, whose days overlap a range (both ends
 * included), within a role's reach. {@code null}: any.
 *
 * @param reach the incidents the caller's role may see at all ({@link RecordScope}): applied in
 *              the query, so that a list's total counts only those (issue 8)
 */
public record IncidentFilter(String agreementId, String commitmentId, String party, VerificationStatus status,
        BoundingBox bbox, LocalDate from, LocalDate to, RecordScope.Reach reach) {

    public IncidentFilter {
        if (agreementId == null || agreementId.isBlank()) {
            throw new IllegalArgumentException("an incident filter needs the agreement");
        }
    }

    /** Without a reach: every incident, as the mission sees them. */
    public IncidentFilter(String agreementId, String commitmentId, String party, VerificationStatus status,
            BoundingBox bbox, LocalDate from, LocalDate to) {
        this(agreementId, commitmentId, party, status, bbox, from, to, null);
    }

    public static IncidentFilter all(String agreementId) {
        return new IncidentFilter(agreementId, null, null, null, null, null, null, null);
    }

    public IncidentFilter within(RecordScope.Reach reach) {
        return new IncidentFilter(agreementId, commitmentId, party, status, bbox, from, to, reach);
    }

    /** Whether the reach leaves some incidents out. */
    boolean narrowed() {
        return reach != null && !reach.everyIncident();
    }
}
