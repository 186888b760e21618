package org.truce.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A gazetteer actor named in the text ("Whitoff" is read as {@code witkoff}), with its party if any. */
public record ActorMention(Span span, String rule, double confidence, int sentence, String actor,
        Optional<String> party) implements ExtractedItem {

    @Override
    public String type() {
        return "actor";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("actor", actor);
        party.ifPresent(p -> m.put("party", p));
        return m;
    }

    @Override
    public List<String> keys() {
        return List.of("actor:" + actor);
    }

    @Override
    public String describe() {
        return actor + party.map(p -> " (" + p + ")").orElse("");
    }
}
