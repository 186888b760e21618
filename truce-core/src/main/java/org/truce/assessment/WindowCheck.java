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
        LocalDate latest = day.plusDays(u);
        LocalDate earliest = day.minusDays(u);
        return !latest.isBefore(w.from().minusDays(margin))
                && (w.isOpenEnded() || earliest.isBefore(w.untilExclusive().plusDays(margin)));
    }

    static Check check(WindowReading reading, int readingCount, LocalDate day, TimePrecision precision) {
        String name = conditionName(reading, readingCount);
        Window w = reading.window();
        int u = precision.uncertainty_days();
        LocalDate earliest = day.minusDays(u);
        LocalDate latest = day.plusDays(u);
        String when = u == 0 ? day.toString() : day + " (known to +/-" + u + " days)";
        if (w.contains(earliest) && w.contains(latest)) {
            return Check.holds(name, when + " in " + w);
        }
        if (latest.isBefore(w.from())) {
            return Check.fails(name, "before the window: " + when + " < " + w.from());
        }
        if (!w.isOpenEnded() && !earliest.isBefore(w.untilExclusive())) {
            return Check.fails(name, "after the window: " + when + " >= " + w.untilExclusive());
        }
        return Check.unknown(name, when + " straddles an edge of " + w);
    }
}
