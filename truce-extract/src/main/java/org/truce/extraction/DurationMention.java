package org.truce.extraction;

import java.util.List;
import java.util.Map;

/**
 * A stated length of time ("pendant 30 jours", "a 30-hour truce"), in hours; {@code inHours} when the
 * text counts it in hours ("48 hours" stays 48 hours, not 2 days).
 */
public record DurationMention(Span span, String rule, double confidence, int sentence, int duration_h,
        boolean inHours) implements ExtractedItem {

    @Override
    public String type() {
        return "duration";
    }

    /** Whole days, when the duration is a whole number of days. */
    public boolean isWholeDays() {
        return !inHours && duration_h % 24 == 0;
    }

    public int days() {
        return duration_h / 24;
    }

    /** "30 days" or "30 hours", as the agreement's {@code stated_duration} keeps it. */
    public String stated() {
        return isWholeDays() ? days() + (days() == 1 ? " day" : " days") : duration_h + " hours";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("duration_h", duration_h);
    }

    @Override
    public List<String> keys() {
        return List.of("duration:" + (isWholeDays() ? days() + "d" : duration_h + "h"));
    }

    @Override
    public String describe() {
        return stated();
    }
}
