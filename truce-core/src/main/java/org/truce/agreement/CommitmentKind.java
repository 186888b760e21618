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

    // Written once: the findings of a bulk run ask for it on every line.
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
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
