package org.truce.exchange;

/**
 * The lowest and highest value the sources give for a count (or a sum of counts). A sum of spans
 * bounds every combination of the sources' figures; it is never an average.
 */
public record Span(int low, int high) {

    public static final Span ZERO = new Span(0, 0);

    public Span {
        if (low < 0 || high < low) {
            throw new IllegalArgumentException("a span needs 0 <= low <= high, got " + low + ".." + high);
        }
    }

    public boolean exact() {
        return low == high;
    }

    public boolean includes(int value) {
        return low <= value && value <= high;
    }

    public Span plus(Span other) {
        return new Span(low + other.low, high + other.high);
    }

    @Override
    public String toString() {
        return exact() ? Integer.toString(low) : low + "-" + high;
    }
}
