package org.truce.incident;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which party a source speaks for, as configured: a party's ministries and its state media map to
 * that party, and count as one source when corroboration is counted. Source names match ignoring
 * case and surrounding spaces. A source not listed belongs to no party.
 */
public record SourceAffiliations(Map<String, String> partyBySource) {

    public static final SourceAffiliations NONE = new SourceAffiliations(Map.of());

    public SourceAffiliations {
        Map<String, String> normalised = new TreeMap<>();
        partyBySource.forEach((source, party) -> {
            if (source == null || source.isBlank() || party == null || party.isBlank()) {
                throw new IllegalArgumentException("an affiliation needs a source and a party, got "
                        + source + " -> " + party);
            }
            String previous = normalised.put(normalise(source), party.strip());
            if (previous != null && !previous.equals(party.strip())) {
                throw new IllegalArgumentException("source '" + source + "' is affiliated twice: "
                        + previous + " and " + party.strip());
            }
        });
        partyBySource = Map.copyOf(normalised);
    }

    public static SourceAffiliations of(Map<String, String> partyBySource) {
        return new SourceAffiliations(partyBySource);
    }

    /** The party the source speaks for, or "" when none. */
    public String partyOf(String source) {
        return partyBySource.getOrDefault(normalise(source), "");
    }

    private static String normalise(String source) {
        return source.strip().toLowerCase(Locale.ROOT);
    }
}
