package org.truce.report;

/**
 * ACLED's {@code time_precision}: 1 the day is known, 2 only the week, 3 only the month. The
 * uncertainty in days is how far the true day may lie from the recorded one; an assessment whose
 * window edge falls inside that span is undetermined.
 */
public enum TimePrecision {
    DAY(1, 0),
    WEEK(2, 3),
    MONTH(3, 15);

    private final int code;
    private final int uncertainty_days;

    TimePrecision(int code, int uncertainty_days) {
        this.code = code;
        this.uncertainty_days = uncertainty_days;
    }

    public int code() {
        return code;
    }

    public int uncertainty_days() {
        return uncertainty_days;
    }

    public static TimePrecision ofCode(int code) {
        for (TimePrecision p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("time_precision must be 1, 2 or 3, got " + code);
    }
}
