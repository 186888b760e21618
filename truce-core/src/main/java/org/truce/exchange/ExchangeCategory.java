package org.truce.exchange;

import java.util.Locale;
import java.util.Optional;

/** Who was handed over; exchanges are often announced per category. */
public enum ExchangeCategory {
    /** Prisoners of war not counted in a narrower category. */
    SERVICEMEN,
    WOUNDED,
    /** Conscripts and soldiers under 25, whom some exchanges list apart. */
    YOUNG_SOLDIERS,
    CIVILIANS,
    BODIES,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExchangeCategory> fromWireName(String name) {
        for (ExchangeCategory c : values()) {
            if (c.wireName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
