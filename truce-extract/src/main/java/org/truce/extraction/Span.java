package org.truce.extraction;

import java.util.Objects;

/** The exact words an item rests on: character offsets into the statement's text, end exclusive. */
public record Span(int start_char, int end_char, String text) {

    public Span {
        Objects.requireNonNull(text, "text");
        if (start_char < 0 || end_char < start_char || end_char - start_char != text.length()) {
            throw new IllegalArgumentException("span " + start_char + ".." + end_char + " does not fit its text");
        }
    }

    /** The span of {@code text.substring(start, end)}. */
    public static Span of(String text, int start, int end) {
        return new Span(start, end, text.substring(start, end));
    }

    public boolean overlaps(Span other) {
        return start_char < other.end_char && other.start_char < end_char;
    }

    public boolean contains(Span other) {
        return start_char <= other.start_char && other.end_char <= end_char;
    }
}
