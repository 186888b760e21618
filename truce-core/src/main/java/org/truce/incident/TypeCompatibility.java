package org.truce.incident;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which different event types may describe the same event. Pairs are unordered; a type is always
 * compatible with itself. A pair must stay inside one {@link EventFamily}, so that every incident
 * has exactly one family.
 */
public record TypeCompatibility(Set<String> pairs) {

    private static final String SEPARATOR = " | ";

    /**
     * ACLED: a shelling that kills civilians is coded {@code Explosions/Remote violence} by one
     * source and {@code Violence against civilians} by another; an artillery duel is a battle to one
     * and remote violence to the other; a protest that turns violent is a riot. Battles and
     * violence against civilians are not paired: they are different events more often than not.
     */
    public static final TypeCompatibility ACLED = of(List.of(
            List.of("Explosions/Remote violence", "Violence against civilians"),
            List.of("Explosions/Remote violence", "Battles"),
            List.of("Protests", "Riots")));

    public TypeCompatibility {
        pairs = Set.copyOf(pairs);
    }

    /** Builds the table from pairs of two types each; refuses a pair across families. */
    public static TypeCompatibility of(List<List<String>> typePairs) {
        Set<String> keys = new TreeSet<>();
        for (List<String> pair : typePairs) {
            if (pair.size() != 2) {
                throw new IllegalArgumentException("a compatibility pair has two event types, got " + pair);
            }
            String a = pair.get(0);
            String b = pair.get(1);
            if (EventFamily.of(a) != EventFamily.of(b)) {
                throw new IllegalArgumentException("'" + a + "' and '" + b + "' are of different families ("
                        + EventFamily.of(a) + ", " + EventFamily.of(b) + ") and cannot be compatible");
            }
            keys.add(key(a, b));
        }
        return new TypeCompatibility(keys);
    }

    /** The relation between two types, or empty when they cannot describe the same event. */
    public Optional<TypeRelation> relation(String a, String b) {
        if (a.equals(b)) {
            return Optional.of(TypeRelation.SAME_TYPE);
        }
        return pairs.contains(key(a, b)) ? Optional.of(TypeRelation.COMPATIBLE) : Optional.empty();
    }

    private static String key(String a, String b) {
        return a.compareTo(b) <= 0 ? a + SEPARATOR + b : b + SEPARATOR + a;
    }
}
