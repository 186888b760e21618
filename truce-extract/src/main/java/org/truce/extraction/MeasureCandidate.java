package org.truce.extraction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A measure a statement announces, proposes or discusses: a candidate commitment. {@code object}
 * is the protected category of a strike halt ("energy"); {@code addressed} are the parties asked to
 * act; {@code from} is a start date the sentence itself gives and {@code untilExclusive} the first day
 * after an end it gives ("until Sunday" ends with Sunday); {@code claimedBy} is set when the
 * sentence is a third party's claim, which keeps the candidate out of the draft agreement.
 */
public record MeasureCandidate(Span span, String rule, double confidence, int sentence, MeasureKind kind,
        Optional<String> object, List<PartyStance> stances, List<String> addressed, OptionalInt duration_h,
        Optional<String> statedDuration, Optional<LocalDate> from, Optional<LocalDate> untilExclusive,
        Optional<String> condition,
        Optional<String> claimedBy) implements ExtractedItem {

    public MeasureCandidate {
        stances = List.copyOf(stances);
        addressed = List.copyOf(addressed);
    }

    @Override
    public String type() {
        return "measure";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind.wireName());
        object.ifPresent(o -> m.put("object", o));
        m.put("stances", stances.stream().map(PartyStance::details).toList());
        m.put("addressed", addressed);
        duration_h.ifPresent(h -> m.put("duration_h", h));
        statedDuration.ifPresent(s -> m.put("stated_duration", s));
        from.ifPresent(d -> m.put("from", d.toString()));
        untilExclusive.ifPresent(d -> m.put("until_exclusive", d.toString()));
        condition.ifPresent(c -> m.put("condition", c));
        claimedBy.ifPresent(c -> m.put("claimed_by", c));
        return m;
    }

    @Override
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        keys.add("measure:" + kind.wireName());
        for (PartyStance s : stances) {
            keys.add("stance:" + kind.wireName() + ":" + s.party() + ":" + s.stance().wireName());
        }
        return keys;
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(kind.wireName());
        object.ifPresent(o -> b.append(" on ").append(o));
        statedDuration.ifPresent(d -> b.append(", ").append(d));
        from.ifPresent(d -> b.append(" from ").append(d));
        untilExclusive.ifPresent(d -> b.append(" until ").append(d).append(" (exclusive)"));
        if (!stances.isEmpty()) {
            b.append("; ").append(stances.stream()
                    .map(s -> s.party() + " " + s.stance().wireName() + s.since().map(d -> " " + d).orElse(""))
                    .collect(Collectors.joining(", ")));
        }
        if (!addressed.isEmpty()) {
            b.append("; addressed to ").append(String.join(", ", addressed));
        }
        condition.ifPresent(c -> b.append("; condition: ").append(c));
        claimedBy.ifPresent(c -> b.append("; claim of ").append(c));
        return b.toString();
    }
}
