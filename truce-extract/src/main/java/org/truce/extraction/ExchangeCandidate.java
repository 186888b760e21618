package org.truce.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A prisoner exchange a statement reports or announces: persons per side ("175 contre 175"), or only
 * a total, wounded handed over outside the count (with the party they belong to), mediator, day.
 */
public record ExchangeCandidate(Span span, String rule, double confidence, int sentence,
        Optional<LocalDate> date, OptionalInt per_side, OptionalInt total, OptionalInt wounded,
        Optional<Span> woundedSpan, Optional<String> woundedParty, List<String> parties,
        Optional<String> mediator, Optional<String> claimedBy) implements ExtractedItem {

    public ExchangeCandidate {
        parties = List.copyOf(parties);
    }

    @Override
    public String type() {
        return "exchange";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        date.ifPresent(d -> m.put("date", d.toString()));
        per_side.ifPresent(n -> m.put("per_side", n));
        total.ifPresent(n -> m.put("total", n));
        wounded.ifPresent(n -> m.put("wounded", n));
        woundedSpan.ifPresent(s -> m.put("wounded_span", SpanFields.of(s)));
        woundedParty.ifPresent(p -> m.put("wounded_party", p));
        m.put("parties", parties);
        mediator.ifPresent(p -> m.put("mediator", p));
        claimedBy.ifPresent(c -> m.put("claimed_by", c));
        return m;
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        per_side.ifPresent(n -> keys.add("exchange:" + n));
        total.ifPresent(n -> keys.add("exchange:total=" + n));
        if (per_side.isEmpty() && total.isEmpty()) {
            keys.add("exchange:?");
        }
        wounded.ifPresent(w -> keys.add("exchange:wounded=" + w));
        date.ifPresent(d -> keys.add("exchange:date=" + d));
        return keys;
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder("prisoner exchange");
        date.ifPresent(d -> b.append(" on ").append(d));
        per_side.ifPresent(n -> b.append(", ").append(n).append(" for ").append(n));
        total.ifPresent(n -> b.append(", ").append(n).append(" in all"));
        wounded.ifPresent(n -> b.append(", plus ").append(n).append(" wounded")
                .append(woundedParty.map(p -> " (" + p + ")").orElse("")));
        if (!parties.isEmpty()) {
            b.append("; parties ").append(String.join(", ", parties));
        }
        mediator.ifPresent(p -> b.append("; mediator ").append(p));
        claimedBy.ifPresent(c -> b.append("; claim of ").append(c));
        return b.toString();
    }
}
