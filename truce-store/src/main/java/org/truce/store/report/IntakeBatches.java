package org.truce.store.report;

/**
 * What the intake writer has done since the database was opened: transactions committed and
 * the assessed intakes written in them (replays and refused requests included). Their ratio is
 * how many requests one commit served.
 */
public record IntakeBatches(long transactions, long intakes) {
}
