package org.truce.target;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What a report says about its target: it {@link Named names} one or more kinds of object, or
 * only {@link HintOnly hints} at one through a consequence, or says {@link Nothing nothing}.
 * Every variant keeps the phrases that were set aside (see {@link IgnoredPhrase}), so an
 * assessment can explain why words such as "energy truce" did not count.
 */
public sealed interface TargetReading
        permits TargetReading.Named, TargetReading.HintOnly, TargetReading.Nothing {

    /** The categories the report names, in the order described on {@link Named}; empty otherwise. */
    List<String> namedCategories();

    /** Every hint found, target field first, each field in text order. */
    List<TargetMatch> hints();

    /** Every phrase set aside, target field first, each field in text order. */
    List<IgnoredPhrase> ignored();

    /** One line for a rule trace, such as "names energy.substation (word 'підстанцію' in notes)". */
    String explain();

    /** Whether one of the named categories passes {@code test}, e.g. {@code moratorium::protects}. */
    default boolean names(Predicate<String> test) {
        // Loops, not streams: asked for every report a moratorium reads the text of.
        for (String category : namedCategories()) {
            if (test.test(category)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the hints points at a category that passes {@code test}. */
    default boolean hintsAt(Predicate<String> test) {
        for (TargetMatch hint : hints()) {
            if (test.test(hint.category())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The report names at least one kind of object. All {@code matches} come from one field: the
     * explicit target when it names something, otherwise the notes.
     *
     * <p>{@code categories} lists each category once, in order of first appearance, without the
     * ones a more specific named category makes redundant: a generic {@code x.infrastructure} when
     * another {@code x.*} category is named, and {@code a.b} when {@code a.b.c} is named. When the
     * text names several unrelated categories (a substation and a hospital) all are kept, so the
     * caller decides; {@link #category()} is the first. {@code matches} keeps every named match of
     * the deciding field, including those of dropped generic categories.
     */
    record Named(List<String> categories, List<TargetMatch> matches, List<TargetMatch> hints,
            List<IgnoredPhrase> ignored) implements TargetReading {

        public Named {
            categories = List.copyOf(categories);
            matches = List.copyOf(matches);
            hints = List.copyOf(hints);
            ignored = List.copyOf(ignored);
            if (categories.isEmpty() || matches.isEmpty()) {
                throw new IllegalArgumentException("a named target needs at least one category and its match");
            }
            String field = matches.get(0).field();
            for (TargetMatch match : matches) {
                if (match.strength() != TargetStrength.NAMED || !match.field().equals(field)) {
                    throw new IllegalArgumentException("named matches must be NAMED and from one field, got " + match);
                }
            }
            for (String category : categories) {
                if (firstMatchOf(matches, category) == null) {
                    throw new IllegalArgumentException("category " + category + " has no match");
                }
            }
            requireHints(hints);
        }

        /** The first named category. */
        public String category() {
            return categories.get(0);
        }

        /** The field the names were read from: {@value TargetMatch#TARGET_FIELD} or {@value TargetMatch#NOTES_FIELD}. */
        public String field() {
            return matches.get(0).field();
        }

        /** The matches that name {@code category}, in text order. */
        public List<TargetMatch> evidenceFor(String category) {
            return matches.stream().filter(m -> m.category().equals(category)).collect(Collectors.toUnmodifiableList());
        }

        @Override
        public List<String> namedCategories() {
            return categories;
        }

        @Override
        public String explain() {
            StringBuilder text = new StringBuilder("names ");
            for (int i = 0; i < categories.size(); i++) {
                String category = categories.get(i);
                text.append(i == 0 ? "" : ", ").append(category).append(" (")
                        .append(firstMatchOf(matches, category).describe()).append(')');
            }
            return text.toString();
        }

        private static TargetMatch firstMatchOf(List<TargetMatch> matches, String category) {
            for (TargetMatch m : matches) {
                if (m.category().equals(category)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** The report names no object but describes a consequence that suggests one ("power outages"). */
    record HintOnly(List<TargetMatch> hints, List<IgnoredPhrase> ignored) implements TargetReading {

        public HintOnly {
            hints = List.copyOf(hints);
            ignored = List.copyOf(ignored);
            if (hints.isEmpty()) {
                throw new IllegalArgumentException("a hint-only reading needs at least one hint");
            }
            requireHints(hints);
        }

        /** The hinted categories, each once, in order of first appearance. */
        public List<String> categories() {
            return hints.stream().map(TargetMatch::category).distinct().collect(Collectors.toUnmodifiableList());
        }

        @Override
        public List<String> namedCategories() {
            return List.of();
        }

        @Override
        public String explain() {
            Map<String, TargetMatch> first = new LinkedHashMap<>();
            hints.forEach(h -> first.putIfAbsent(h.category(), h));
            List<String> parts = new ArrayList<>();
            first.forEach((category, match) -> parts.add(category + " (" + match.describe() + ")"));
            return "names no target; suggests " + String.join(", ", parts);
        }
    }

    /** The report neither names nor suggests a target. */
    record Nothing(List<IgnoredPhrase> ignored) implements TargetReading {

        public Nothing {
            ignored = List.copyOf(ignored);
        }

        @Override
        public List<String> namedCategories() {
            return List.of();
        }

        @Override
        public List<TargetMatch> hints() {
            return List.of();
        }

        @Override
        public String explain() {
            if (ignored.isEmpty()) {
                return "names no target";
            }
            return "names no target; set aside "
                    + ignored.stream().map(IgnoredPhrase::describe).collect(Collectors.joining(", "))
                    + " (mentions that are not targets)";
        }
    }

    private static void requireHints(List<TargetMatch> hints) {
        for (TargetMatch hint : hints) {
            if (hint.strength() != TargetStrength.HINT) {
                throw new IllegalArgumentException("hints must have strength HINT, got " + hint);
            }
        }
    }
}
