package org.truce.agreement;

import java.time.LocalDate;
import java.util.List;

/**
 * One stage of a prisoner exchange: {@code perSide} persons released by each side on
 * {@code date}, plus one-way transfers (the severely wounded) that are not part of the parity.
 */
public record ExchangeStage(LocalDate date, int perSide, List<Transfer> transfers, SourceRef basis) {

    public ExchangeStage {
        Require.present(date, "exchange stage date");
        if (perSide < 0) {
            throw new IllegalArgumentException("persons per side must not be negative, got " + perSide);
        }
        transfers = List.copyOf(transfers);
    }

    /** Persons handed over from one party to another outside the N-for-N count. */
    public record Transfer(String fromParty, String toParty, int persons, String who) {
        public Transfer {
            Require.id(fromParty, "transfer from");
            Require.id(toParty, "transfer to");
            if (persons <= 0) {
                throw new IllegalArgumentException("a transfer moves at least one person, got " + persons);
            }
            who = who == null ? "" : who;
        }
    }
}
