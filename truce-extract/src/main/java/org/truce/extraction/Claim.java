package org.truce.extraction;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sentence that is someone's claim (a report by an outlet, an accusation, a denial): kept as the
 * claim of {@code source}, never as the statement's own word.
 */
public record Claim(Span span, String rule, double confidence, int sentence, ClaimKind kind, String source,
        Optional<String> about, Optional<LocalDate> date) implements ExtractedItem {

    /** The source of a claim whose sources are unnamed ("two people familiar with …"). */
    public static final String ANONYMOUS = "anonymous";

    @Override
    public String type() {
        return "claim";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.wireName());
        m.put("source", source);
        about.ifPresent(a -> m.put("about", a));
        date.ifPresent(d -> m.put("date", d.toString()));
        return m;
    }

    @Override
    public List<String> keys() {
        return List.of("claim:" + kind.wireName() + ":" + source);
    }

    @Override
    public String describe() {
        return kind.wireName() + " by " + source + about.map(a -> " about " + a).orElse("")
                + date.map(d -> " on " + d).orElse("");
    }
}
