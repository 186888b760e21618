package org.truce.extraction;

import java.util.List;
import java.util.Map;

/** A gazetteer place named in the text (Koursk and Kursk are both {@code kursk}). */
public record PlaceMention(Span span, String rule, double confidence, int sentence, String place)
        implements ExtractedItem {

    @Override
    public String type() {
        return "place";
    }

    @Override
    public Map<String, Object> details() {
        return Map.of("place", place);
    }

    @Override
    public List<String> keys() {
        return List.of("place:" + place);
    }

    @Override
    public String describe() {
        return place;
    }
}
