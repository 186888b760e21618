package org.truce.exchange;

import java.util.Locale;

/** Whether a source announced the figures before the exchange or reported it once done. */
public enum AccountKind {
    ANNOUNCED,
    REPORTED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
