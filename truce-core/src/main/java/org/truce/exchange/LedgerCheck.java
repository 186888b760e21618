package org.truce.exchange;

import java.util.Locale;

/** Whether a balance holds: on every source's figures, on none, or only on some. */
public enum LedgerCheck {
    HOLDS,
    FAILS,
    DEPENDS_ON_SOURCE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
