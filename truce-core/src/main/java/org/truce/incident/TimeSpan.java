package org.truce.incident;

import java.time.LocalDate;

/** The days an incident may have happened on, both inclusive. */
public record TimeSpan(LocalDate from, LocalDate to) {

    public TimeSpan {
        if (from == null || to == null || to.isBefore(from)) {
            throw new IllegalArgumentException("a time span runs from a day to the same or a later day, got "
                    + from + ".." + to);
        }
    }
}
