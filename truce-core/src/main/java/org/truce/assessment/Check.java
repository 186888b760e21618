package org.truce.assessment;

/**
 * One line of a rule trace: which condition, whether it held, and the values that decided it
 * (for example {@code distance 1701.3 m <= radius 3000 m to F0000042 energy.substation}).
 */
public record Check(String condition, Verdict verdict, String detail) {

    public Check {
        if (condition == null || condition.isEmpty() || verdict == null) {
            throw new IllegalArgumentException("a check needs a condition and a verdict");
        }
        detail = detail == null ? "" : detail;
    }

    public static Check holds(String condition, String detail) {
        return new Check(condition, Verdict.HOLDS, detail);
    }

    public static Check fails(String condition, String detail) {
        return new Check(condition, Verdict.FAILS, detail);
    }

    public static Check unknown(String condition, String detail) {
        return new Check(condition, Verdict.UNKNOWN, detail);
    }
}
