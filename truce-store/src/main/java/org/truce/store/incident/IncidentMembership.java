package org.truce.store.incident;

import org.truce.incident.VerificationStatus;

/** Which current incident a report is part of, and where that incident stands in verification. */
public record IncidentMembership(long reportId, String incidentId, VerificationStatus status) {
}
