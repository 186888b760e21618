package org.truce.exchange;

import java.util.List;

/** The running balance of one prisoner-exchange commitment, one row per exchange in date order. */
public record ParityBalance(String commitment, List<String> parties, List<BalanceRow> rows) {

    public ParityBalance {
        parties = List.copyOf(parties);
        rows = List.copyOf(rows);
    }
}
