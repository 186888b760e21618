package org.truce.store.incident;

import java.time.LocalDate;
import org.truce.geo.BoundingBox;
import org.truce.incident.VerificationStatus;

/**
 * Which incidents to list, under one agreement: with a finding on a commitment and/or naming a
 * party, with a status, whose centroid is in a box, whose days overlap a range (both ends
 * included). {@code null}: any.
 */
public record IncidentFilter(String agreementId, String commitmentId, String party, VerificationStatus status,
        BoundingBox bbox, LocalDate from, LocalDate to) {

    public IncidentFilter {
        if (agreementId == null || agreementId.isBlank()) {
            throw new IllegalArgumentException("an incident filter needs the agreement");
        }
    }

    public static IncidentFilter all(String agreementId) {
        return new IncidentFilter(agreementId, null, null, null, null, null, null);
    }
}
