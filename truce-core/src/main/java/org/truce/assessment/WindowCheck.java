package org.truce.assessment;

import java.time.LocalDate;
import org.truce.agreement.Agreement;
import org.truce.agreement.Window;
import org.truce.agreement.WindowReading;
import org.truce.report.TimePrecision;

/** Is the report's day inside a reading's window, given how precisely the day is known? */
final class WindowCheck {

    private WindowCheck() {
    }

    static String conditionName(WindowReading reading, int readingCount) {
        return readingCount == 1 && reading.label().equals(Agreement.COMMON_READING)
                ? "window"
                : "window[" + reading.label() + "]";
    }

    /** Days looked at on each side of an open-ended window, for a before-and-after comparison. */
    static final int OPEN_WINDOW_MARGIN_DAYS = 30;

    /**
     * Whether the report's day may fall in the reading's period of interest: the window, and as
     * many days again before and after it.
     */
    static boolean inPeriodOfInterest(WindowReading reading, LocalDate day, TimePrecision precision) {
        Window w = reading.window();
        long margin = w.isOpenEnded() ? OPEN_WINDOW_MARGIN_DAYS : w.days();
        int u = precision.uncertainty_days();
        long d = day.toEpochDay();
        return d + u >= w.from().toEpochDay() - margin
                && (w.isOpenEnded() || d - u < w.untilExclusive().toEpochDay() + margin);
    }

    /** The verdict alone, without writing the trace's text. */
    static Verdict verdict(WindowReading reading, LocalDate day, TimePrecision precision) {
        Window w = reading.window();
        int u = precision.uncertainty_days();
        long d = day.toEpochDay();
        long from = w.from().toEpochDay();
        long until = w.isOpenEnded() ? Long.MAX_VALUE : w.untilExclusive().toEpochDay();
        if (d - u >= from && d + u < until) {
            return Verdict.HOLDS;
        }
        return d + u < from || d - u >= until ? Verdict.FAILS : Verdict.UNKNOWN;
    }

    static Check check(WindowReading reading, int readingCount, LocalDate day, TimePrecision precision) {
        String name = conditionName(reading, readingCount);
        Window w = reading.window();
        int u = precision.uncertainty_days();
        // Epoch days: this runs for every report and commitment, and LocalDate arithmetic showed.
        long d = day.toEpochDay();
        long earliest = d - u;
        long latest = d + u;
        long from = w.from().toEpochDay();
        long until = w.isOpenEnded() ? Long.MAX_VALUE : w.untilExclusive().toEpochDay();
        // The sentences are written only if read: most traces of a bulk run are never printed.
        if (earliest >= from && latest < until) {
            return Check.deferred(name, Verdict.HOLDS, () -> when(day, u) + " in " + w);
        }
        if (latest < from) {
            return Check.deferred(name, Verdict.FAILS, () -> "before the window: " + when(day, u) + " < " + w.from());
        }
        if (earliest >= until) {
            return Check.deferred(name, Verdict.FAILS,
                    () -> "after the window: " + when(day, u) + " >= " + w.untilExclusive());
        }
        return Check.deferred(name, Verdict.UNKNOWN, () -> when(day, u) + " straddles an edge of " + w);
    }

    /**
     * The checks of one reading, one per day and precision, made once and shared: a bulk run
     * checks a few hundred distinct days a million times, and writing "2025-03-17 (known to
     * +/-15 days) straddles an edge of [2025-03-18, 2025-04-17)" for each finding showed. A check
     * is immutable, so sharing it changes no output. Safe for many threads: a slot holds one
     * immutable entry, and two threads that race make equal checks.
     */
    static final class Cache {

        private static final int SLOTS = 1024;

        private final WindowReading reading;
        private final int readingCount;
        private final Entry[] slots = new Entry[SLOTS];

        Cache(WindowReading reading, int readingCount) {
            this.reading = reading;
            this.readingCount = readingCount;
        }

        /** The same check as {@link WindowCheck#check} for this reading. */
        Check check(LocalDate day, TimePrecision precision) {
            long key = day.toEpochDay() * 4 + precision.ordinal();
            int slot = (int) (key & (SLOTS - 1));
            Entry e = slots[slot];
            if (e == null || e.key != key) {
                e = new Entry(key, WindowCheck.check(reading, readingCount, day, precision));
                slots[slot] = e;
            }
            return e.check;
        }

        private record Entry(long key, Check check) {
        }
    }

    private static String when(LocalDate day, int u) {
        return u == 0 ? day.toString() : day + " (known to +/-" + u + " days)";
    }
}
