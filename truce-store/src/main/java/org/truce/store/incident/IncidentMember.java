package org.truce.store.incident;

import java.time.Instant;
import org.truce.incident.JoinReason;
import org.truce.store.report.StoredReport;

/** A report of an incident, why it is there, and since when. */
public record IncidentMember(StoredReport report, JoinReason reason, Instant joinedAt) {
}
