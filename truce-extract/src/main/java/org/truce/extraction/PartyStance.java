package org.truce.extraction;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.truce.agreement.Stance;

/** Where one party stands on a measure candidate, with the words that say so. */
public record PartyStance(String party, Stance stance, Optional<LocalDate> since, Span span, String rule,
        double confidence) {

    public PartyStance {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(stance, "stance");
    }

    Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("party", party);
        m.put("stance", stance.wireName());
        since.ifPresent(d -> m.put("since", d.toString()));
        m.put("span", SpanFields.of(span));
        m.put("rule", rule);
        m.put("confidence", confidence);
        return m;
    }
}
