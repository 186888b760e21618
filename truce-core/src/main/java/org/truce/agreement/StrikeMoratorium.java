package org.truce.agreement;

import java.util.List;
import java.util.Set;

/**
 * A halt on strikes against a category of protected objects (the 30-day energy moratorium).
 * A reported strike concerns it when it lies within {@code radius_m} of a protected object whose
 * category starts with one of {@code protectedCategoryPrefixes}, or when the report itself names
 * such a target.
 */
public record StrikeMoratorium(
        CommitmentTerms terms,
        List<String> protectedCategoryPrefixes,
        Set<String> eventTypes,
        double radius_m) implements Commitment {

    public StrikeMoratorium {
        Require.present(terms, "terms");
        protectedCategoryPrefixes = List.copyOf(protectedCategoryPrefixes);
        eventTypes = Set.copyOf(eventTypes);
        if (protectedCategoryPrefixes.isEmpty()) {
            throw new IllegalArgumentException("strike moratorium " + terms.id() + " protects no category");
        }
        if (eventTypes.isEmpty()) {
            throw new IllegalArgumentException("strike moratorium " + terms.id() + " lists no event type");
        }
        if (!(radius_m >= 0 && radius_m <= 1_000_000)) {
            throw new IllegalArgumentException("radius_m must be between 0 and 1,000,000, got " + radius_m);
        }
        if (terms.readings().isEmpty()) {
            throw new IllegalArgumentException("strike moratorium " + terms.id() + " has no window");
        }
    }

    @Override
    public CommitmentKind kind() {
        return CommitmentKind.STRIKE_MORATORIUM;
    }

    /** Plain, case-sensitive prefix test, as the benchmark's SPEC fixes it. */
    public boolean protects(String category) {
        for (String prefix : protectedCategoryPrefixes) {
            if (category.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
