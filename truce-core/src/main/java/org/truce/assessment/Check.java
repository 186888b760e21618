package org.truce.assessment;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * One line of a rule trace: which condition, whether it held, and the values that decided it
 * (for example {@code distance 1701.3 m <= radius 3000 m to F0000042 energy.substation}).
 *
 * <p>An immutable value. The detail may be given as a recipe, written the first time it is read:
 * a bulk run keeps the trace of hundreds of thousands of assessments it never prints, and
 * writing their sentences was a tenth of its time. Two checks are equal when condition, verdict
 * and written detail are.
 */
public final class Check {

    private final String condition;
    private final Verdict verdict;
    private final Supplier<String> recipe;
    /** The written detail; several threads may write it at once, and they write the same text. */
    private volatile String detail;

    public Check(String condition, Verdict verdict, String detail) {
        this(condition, verdict, null, detail == null ? "" : detail);
    }

    private Check(String condition, Verdict verdict, Supplier<String> recipe, String detail) {
        if (condition == null || condition.isEmpty() || verdict == null) {
            throw new IllegalArgumentException("a check needs a condition and a verdict");
        }
        this.condition = condition;
        this.verdict = verdict;
        this.recipe = recipe;
        this.detail = detail;
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

    /** A check whose detail {@code recipe} writes when first read; the recipe must not fail. */
    static Check deferred(String condition, Verdict verdict, Supplier<String> recipe) {
        return new Check(condition, verdict, Objects.requireNonNull(recipe, "recipe"), null);
    }

    public String condition() {
        return condition;
    }

    public Verdict verdict() {
        return verdict;
    }

    public String detail() {
        String d = detail;
        if (d == null) {
            String written = recipe.get();
            d = written == null ? "" : written;
            detail = d;
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Check c && condition.equals(c.condition) && verdict == c.verdict && detail().equals(c.detail());
    }

    @Override
    public int hashCode() {
        return Objects.hash(condition, verdict, detail());
    }

    @Override
    public String toString() {
        return "Check[condition=" + condition + ", verdict=" + verdict + ", detail=" + detail() + "]";
    }
}
