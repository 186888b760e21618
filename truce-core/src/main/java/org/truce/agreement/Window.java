package org.truce.agreement;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The days a commitment covers: {@code from} inclusive, {@code untilExclusive} exclusive, and the
 * duration in the words the source used ("30 days"), kept because sources disagree on it.
 */
public record Window(LocalDate from, LocalDate untilExclusive, String statedDuration) {

    public Window {
        Require.present(from, "window from");
        if (untilExclusive != null && !untilExclusive.isAfter(from)) {
            throw new IllegalArgumentException("window until_exclusive (" + untilExclusive
                    + ") must be after from (" + from + ")");
        }
        statedDuration = statedDuration == null ? "" : statedDuration;
    }

    /** Open-ended windows (no end stated) contain every day from their start. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && (untilExclusive == null || day.isBefore(untilExclusive));
    }

    public boolean isOpenEnded() {
        return untilExclusive == null;
    }

    public long days() {
        if (untilExclusive == null) {
            throw new IllegalStateException("an open-ended window has no length");
        }
        return ChronoUnit.DAYS.between(from, untilExclusive);
    }

    @Override
    public String toString() {
        return "[" + from + ", " + (untilExclusive == null ? "open" : untilExclusive.toString()) + ")";
    }
}
