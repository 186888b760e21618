package org.truce.store.report;

/**
 * The result of one intake request. {@code replayed} is true when the idempotency key had been
 * seen with the same request: nothing new was stored, and the result is the one first given.
 */
public record IntakeResult(long reportId, int version, ImportOutcome.Effect effect, boolean replayed) {
}
