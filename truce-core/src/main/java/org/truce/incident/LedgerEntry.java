package org.truce.incident;

import java.time.Instant;

/** One recorded operation: its number in the ledger, who did it, when and why. */
public record LedgerEntry(int seq, String by, Instant at, String why, Operation operation) {

    public LedgerEntry {
        if (by == null || by.isBlank()) {
            throw new OperationRefused("say who makes the change");
        }
        if (at == null) {
            throw new OperationRefused("say when the change is made");
        }
        if (why == null || why.isBlank()) {
            throw new OperationRefused("say why the change is made");
        }
        if (operation == null) {
            throw new IllegalArgumentException("a ledger entry records an operation");
        }
    }
}
