package org.truce.exchange;

import java.util.List;

/**
 * One figure of one exchange as every source that gives it gives it, side by side. Sources that
 * do not give the figure are left out: silence is not disagreement. Figures are never averaged.
 */
public record Figure(FigureKey key, List<Stated> stated) {

    public Figure {
        stated = List.copyOf(stated);
        if (stated.isEmpty()) {
            throw new IllegalArgumentException("a figure needs at least one source");
        }
    }

    /** A value and the statement that gave it. */
    public record Stated(String statement, AccountKind kind, int value) {
    }

    /** Every source that gives the figure gives the same value. */
    public boolean agrees() {
        return low() == high();
    }

    public int low() {
        return stated.stream().mapToInt(Stated::value).min().orElseThrow();
    }

    public int high() {
        return stated.stream().mapToInt(Stated::value).max().orElseThrow();
    }

    public Span span() {
        return new Span(low(), high());
    }
}
