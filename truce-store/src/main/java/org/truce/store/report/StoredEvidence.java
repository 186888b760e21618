package org.truce.store.report;

/** An evidence item as stored, with its own id and the report it backs. */
public record StoredEvidence(long id, long reportId, EvidenceItem item) {
}
