package org.truce.extraction;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A calendar day named in the text, resolved against the publication date when the text leaves
 * out the year or speaks relatively ("hier", "yesterday", "Tuesday").
 */
public record DateMention(Span span, String rule, double confidence, int sentence, LocalDate date,
        boolean relative) implements ExtractedItem {

    @Override
    public String type() {
        return "date";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date.toString());
        m.put("relative", relative);
        return m;
    }

    @Override
    public List<String> keys() {
        return List.of("date:" + date);
    }

    @Override
    public String describe() {
        return date.toString();
    }
}
