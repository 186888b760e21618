/**
 * Incidents: what happened, established from one or more reports. {@link org.truce.incident.IncidentGrouper}
 * groups reports that describe the same event and says why each joined; an
 * {@link org.truce.incident.IncidentLedger} keeps the analysts' merges, splits and verification
 * changes, with who, when and why, and resolves old incident ids to current ones. Plain Java, no I/O.
 * The rules and thresholds are in {@code docs/incidents.md}.
 */
package org.truce.incident;
