package org.truce.agreement;

import java.util.Locale;
import java.util.Optional;

/** The kinds of obligation Truce can write down, with their names in agreement files. */
public enum CommitmentKind {
    STRIKE_MORATORIUM,
    CEASEFIRE_ZONE,
    NAVIGATION_SAFETY_AREA,
    PRISONER_EXCHANGE,
    PROCESS_MILESTONE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CommitmentKind> fromWireName(String name) {
        for (CommitmentKind k : values()) {
            if (k.wireName().equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
