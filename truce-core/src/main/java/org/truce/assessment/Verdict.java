package org.truce.assessment;

import java.util.Locale;

/** The result of one condition in a rule trace. */
public enum Verdict {
    HOLDS,
    FAILS,
    UNKNOWN;

    // Written once: the findings of a bulk run ask for it on every line.
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    /** Combines two verdicts of a conjunction: any failure wins, then any doubt. */
    Verdict and(Verdict other) {
        if (this == FAILS || other == FAILS) {
            return FAILS;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : HOLDS;
    }
}
