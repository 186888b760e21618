package org.truce.agreement;

import java.util.List;
import java.util.Set;

/**
 * Safe navigation in a sea area (the Black Sea). An attack concerns the commitment when it lies
 * inside the area or within {@code buffer_m} of it (the coast), or within {@code radius_m} of a
 * registered object of a target category (a port up an estuary); and when what it hit is a
 * vessel, a port or a sea lane: a registered object of those categories, what the report names,
 * or, for an attack certainly at sea, the shipping lanes themselves.
 *
 * <p>{@code subEventTypes} narrows the event types to those sub-types (ACLED's
 * {@code sub_event_type}); empty means every sub-type of the listed types.
 */
public record NavigationSafetyArea(
        CommitmentTerms terms,
        String zone,
        Set<String> eventTypes,
        Set<String> subEventTypes,
        List<String> targetCategoryPrefixes,
        double buffer_m,
        double radius_m) implements Commitment {

    public NavigationSafetyArea {
        Require.present(terms, "terms");
        Require.id(zone, "navigation area zone");
        eventTypes = Set.copyOf(eventTypes);
        subEventTypes = Set.copyOf(subEventTypes);
        targetCategoryPrefixes = List.copyOf(targetCategoryPrefixes);
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("navigation safety area " + terms.id() + " lists no event type");
        }
        if (targetCategoryPrefixes.isEmpty()) {
            throw new IllegalArgumentException("navigation safety area " + terms.id() + " protects no target category");
        }
        if (!(buffer_m >= 0 && buffer_m <= 1_000_000)) {
            throw new IllegalArgumentException("buffer_m must be between 0 and 1,000,000, got " + buffer_m);
        }
        if (!(radius_m >= 0 && radius_m <= 1_000_000)) {
            throw new IllegalArgumentException("radius_m must be between 0 and 1,000,000, got " + radius_m);
        }
    }

    @Override
    public CommitmentKind kind() {
        return CommitmentKind.NAVIGATION_SAFETY_AREA;
    }

    /** A listed event type, and one of the listed sub-types when any are listed. */
    public boolean covers(String eventType, String subEventType) {
        return eventTypes.contains(eventType) && (subEventTypes.isEmpty() || subEventTypes.contains(subEventType));
    }

    /** Plain, case-sensitive prefix test, as for the moratorium's categories. */
    public boolean protects(String category) {
        for (String prefix : targetCategoryPrefixes) {
            if (category.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
