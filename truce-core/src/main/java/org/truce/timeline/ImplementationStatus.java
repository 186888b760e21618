package org.truce.timeline;

import java.util.Locale;

/**
 * How far a provision has been carried out, on the four-step scale of the Peace Accords Matrix:
 * nothing done yet, a first step, well under way, done.
 */
public enum ImplementationStatus {
    NOT_STARTED,
    MINIMAL,
    INTERMEDIATE,
    FULL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
