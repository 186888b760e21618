package org.truce.agreement;

import java.util.Set;

/**
 * Safe navigation in a sea area (the Black Sea): attacks on vessels, ports and sea lanes inside
 * the area, or within {@code buffer_m} of it, concern the commitment.
 */
public record NavigationSafetyArea(CommitmentTerms terms, String zone, Set<String> eventTypes, double buffer_m)
        implements Commitment {

    public NavigationSafetyArea {
        Require.present(terms, "terms");
        Require.id(zone, "navigation area zone");
        eventTypes = Set.copyOf(eventTypes);
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("navigation safety area " + terms.id() + " lists no event type");
        }
        if (!(buffer_m >= 0 && buffer_m <= 1_000_000)) {
            throw new IllegalArgumentException("buffer_m must be between 0 and 1,000,000, got " + buffer_m);
        }
    }

    @Override
    public CommitmentKind kind() {
        return CommitmentKind.NAVIGATION_SAFETY_AREA;
    }
}
