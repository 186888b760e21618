package org.truce.format.acled;

import java.time.LocalDate;
import org.truce.report.TimePrecision;

/**
 * Which rows become reports, judged on their day alone. A row passed over is still checked in
 * full (a bad field still rejects it, with its line) and counted as accepted; it only skips the
 * work of decoding its texts and of whatever the caller does with a report. {@code truce assess}
 * passes over the days no commitment can concern.
 */
@FunctionalInterface
public interface DayFilter {

    /** Every row becomes a report. */
    DayFilter ALL = (day, precision) -> true;

    boolean wants(LocalDate day, TimePrecision precision);
}
