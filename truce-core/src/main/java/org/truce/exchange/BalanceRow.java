package org.truce.exchange;

import java.time.LocalDate;
import java.util.Map;

/**
 * The running N-for-N balance of a commitment after one exchange, cumulative over the exchanges
 * so far: persons released by each party within the parity and, apart, outside it, each as the
 * span of what the sources say; what was promised by then; and whether parity and promise held.
 */
public record BalanceRow(
        String exchange,
        LocalDate date,
        Map<String, Span> releasedInParity,
        int promisedPerSide,
        Map<String, Span> releasedOutsideParity,
        Map<String, Integer> promisedOutsideParity,
        LedgerCheck parity,
        LedgerCheck asPromised) {

    public BalanceRow {
        releasedInParity = Map.copyOf(releasedInParity);
        releasedOutsideParity = Map.copyOf(releasedOutsideParity);
        promisedOutsideParity = Map.copyOf(promisedOutsideParity);
    }
}
