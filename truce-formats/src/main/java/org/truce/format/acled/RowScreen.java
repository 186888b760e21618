package org.truce.format.acled;

import java.time.LocalDate;
import java.util.function.Predicate;
import org.truce.report.GeoPrecision;
import org.truce.report.TimePrecision;
import org.truce.target.TargetScreen;

/**
 * Which rows become reports, judged on a row's checked fields before its texts are decoded. A
 * row passed over is still checked in full (a bad field still rejects it, with its line) and
 * counted as accepted; instead of a report, the caller gets back the code the screen gave it.
 * {@code truce assess} passes over the rows whose assessments it can count without a report.
 */
@FunctionalInterface
public interface RowScreen {

    /** The code that makes a report of the row. */
    int MAKE_REPORT = -1;

    /** Every row becomes a report. */
    RowScreen ALL = row -> MAKE_REPORT;

    /** {@link #MAKE_REPORT}, or a code of the caller's (0 or more) that stands for the row. */
    int screen(Row row);

    /** Passes over, with code 0, the rows whose day {@code days} does not want. */
    static RowScreen byDay(DayFilter days) {
        return row -> days.wants(row.day(), row.timePrecision()) ? MAKE_REPORT : 0;
    }

    /** The checked fields of the row being read; valid only during {@link #screen}. */
    interface Row {
        LocalDate day();

        TimePrecision timePrecision();

        String eventType();

        double latitude();

        double longitude();

        GeoPrecision geoPrecision();

        /** Whether the screen may match the row's target field or its notes, read as UTF-8 bytes. */
        boolean textMayMatch(TargetScreen screen);

        /** {@link #textMayMatch} as a predicate, for callers that pass it on. */
        default Predicate<TargetScreen> textTest() {
            return this::textMayMatch;
        }
    }
}
