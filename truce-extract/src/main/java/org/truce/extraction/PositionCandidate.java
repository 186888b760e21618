package org.truce.extraction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A demand of one party ("fin de la mobilisation"): a position, which binds nobody. */
public record PositionCandidate(Span span, String rule, double confidence, int sentence, String party,
        String demand, Optional<String> claimedBy) implements ExtractedItem {

    /** The party when the text does not say whose demand it is. */
    public static final String UNKNOWN_PARTY = "unknown";

    @Override
    public String type() {
        return "position";
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("party", party);
        m.put("demand", demand);
        claimedBy.ifPresent(c -> m.put("claimed_by", c));
        return m;
    }

    @Override
    public List<String> keys() {
        return List.of("position:" + party);
    }

    @Override
    public String describe() {
        return party + " demands: " + demand + claimedBy.map(c -> "; claim of " + c).orElse("");
    }
}
