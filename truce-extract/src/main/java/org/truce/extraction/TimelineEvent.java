package org.truce.extraction;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Something dated the statement tells of: a meeting or talks, an exchange, a measure's start. */
public record TimelineEvent(Span span, String rule, double confidence, int sentence, LocalDate date, String what,
        List<String> actors, Optional<String> place, Optional<String> claimedBy) implements ExtractedItem {

    public TimelineEvent {
        actors = List.copyOf(actors);
    }

    @Override
    public String type() {
        return "timeline";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date.toString());
        m.put("what", what);
        m.put("actors", actors);
        place.ifPresent(p -> m.put("place", p));
        claimedBy.ifPresent(c -> m.put("claimed_by", c));
        return m;
    }

    @Override
    public List<String> keys() {
        return List.of("timeline:" + date + ":" + what);
    }

    @Override
    public String describe() {
        return date + " " + what + (actors.isEmpty() ? "" : " (" + String.join(", ", actors) + ")")
                + place.map(p -> " in " + p).orElse("") + claimedBy.map(c -> "; claim of " + c).orElse("");
    }
}
