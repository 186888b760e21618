package org.truce.agreement;

import java.util.Set;

/**
 * A ceasefire around a line (the line of contact and a buffer) or inside an area. {@code zone}
 * names a zone from the zones file; null means the one line of contact the run is given.
 */
public record CeasefireZone(CommitmentTerms terms, String zone, Set<String> eventTypes, double buffer_m)
        implements Commitment {

    public CeasefireZone {
        Require.present(terms, "terms");
        eventTypes = Set.copyOf(eventTypes);
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("ceasefire zone " + terms.id() + " lists no event type");
        }
        if (!(buffer_m >= 0 && buffer_m <= 1_000_000)) {
            throw new IllegalArgumentException("buffer_m must be between 0 and 1,000,000, got " + buffer_m);
        }
        if (terms.readings().isEmpty()) {
            throw new IllegalArgumentException("ceasefire zone " + terms.id() + " has no window");
        }
    }

    @Override
    public CommitmentKind kind() {
        return CommitmentKind.CEASEFIRE_ZONE;
    }
}
