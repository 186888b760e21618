package org.truce.assessment;

import java.util.Locale;

/** The result of one condition in a rule trace. */
public enum Verdict {
    HOLDS,
    FAILS,
    UNKNOWN;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Combines two verdicts of a conjunction: any failure wins, then any doubt. */
    Verdict and(Verdict other) {
        if (this == FAILS || other == FAILS) {
            return FAILS;
        }
        return this == UNKNOWN || other == UNKNOWN ? UNKNOWN : HOLDS;
    }
}
