package org.truce.store.incident;

import java.time.Instant;

/**
 * One recorded operation on an incident or one merged into it: when, who, what ({@code created},
 * {@code joined}, {@code merged}, {@code absorbed}, {@code split}, {@code split_off},
 * {@code status_changed}), why, and its figures as a JSON object.
 */
public record IncidentHistoryEntry(String incidentId, Instant at, String by, String operation, String reason,
        String detailsJson) {
}
