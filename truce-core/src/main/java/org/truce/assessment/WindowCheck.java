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
