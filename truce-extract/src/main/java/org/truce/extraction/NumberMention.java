package org.truce.extraction;

import java.util.List;
import java.util.Map;

/** A number in the text that no date, duration or exchange rule took, with the word after it. */
public record NumberMention(Span span, String rule, double confidence, int sentence, long value, String counts)
        implements ExtractedItem {

    @Override
    public String type() {
        return "number";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("value", value, "counts", counts);
    }

    @Override
    public List<String> keys() {
        return List.of("number:" + value);
    }

    @Override
    public String describe() {
        return value + (counts.isEmpty() ? "" : " " + counts);
    }
}
