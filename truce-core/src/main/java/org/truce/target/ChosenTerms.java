package org.truce.target;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The terms {@link TargetLexicon} chose in a report's target field and notes (ignore phrases
 * masked, leftmost-longest among the rest), kept as lexicon terms and source spans. It answers
 * what a rule decides on (does the report name a category of a kind? hint at one? name any?)
 * without making a {@link TargetReading}; {@link #reading()} makes that, equal to
 * {@link TargetLexicon#read}'s, only when a trace sentence is written. A bulk run decides on
 * hundreds of thousands of texts and writes the sentences of a fraction of them.
 *
 * <p>Immutable; holds the two texts it was read from.
 */
public final class ChosenTerms {

    private final String targetText;
    private final String notesText;
    private final Field target;
    private final Field notes;

    ChosenTerms(String targetText, Field target, String notesText, Field notes) {
        this.targetText = targetText;
        this.target = target;
        this.notesText = notesText;
        this.notes = notes;
    }

    /**
     * Whether a category the reading names passes {@code test}: the same answer as
     * {@code reading().names(test)}.
     */
    public boolean names(Predicate<String> test) {
        Field f = target.namedCount > 0 ? target : notes;
        for (int k = 0; k < f.count; k++) {
            LexiconTerm term = f.terms[k];
            if (term.kind == TermKind.NAMED && test.test(term.category)
                    && !f.madeRedundant(term.category)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a hint of either field points at a category that passes {@code test}, as {@code reading().hintsAt(test)}. */
    public boolean hintsAt(Predicate<String> test) {
        return target.hintsAt(test) || notes.hintsAt(test);
    }

    /** Whether the reading names any category, as {@code !reading().namedCategories().isEmpty()}. */
    public boolean namesAny() {
        return target.namedCount > 0 || notes.namedCount > 0;
    }

    /** The reading {@link TargetLexicon#read} gives for the same two texts. */
    public TargetReading reading() {
        List<TargetMatch> targetNamed = target.matches(targetText, TargetMatch.TARGET_FIELD, TargetStrength.NAMED);
        List<TargetMatch> hints = concat(target.matches(targetText, TargetMatch.TARGET_FIELD, TargetStrength.HINT),
                notes.matches(notesText, TargetMatch.NOTES_FIELD, TargetStrength.HINT));
        List<IgnoredPhrase> ignored = concat(target.ignored(targetText, TargetMatch.TARGET_FIELD),
                notes.ignored(notesText, TargetMatch.NOTES_FIELD));
        List<TargetMatch> named = targetNamed.isEmpty()
                ? notes.matches(notesText, TargetMatch.NOTES_FIELD, TargetStrength.NAMED) : targetNamed;
        if (!named.isEmpty()) {
            return new TargetReading.Named(TargetLexicon.mostSpecific(named), named, hints, ignored);
        }
        if (!hints.isEmpty()) {
            return new TargetReading.HintOnly(hints, ignored);
        }
        return new TargetReading.Nothing(ignored);
    }

    /**
     * The reading's one-line explanation, {@code reading().explain()}, written straight from the
     * chosen terms: it is the sentence a listed finding's trace carries, and the reading's lists
     * and records were most of its cost.
     */
    public String explain() {
        StringBuilder s = new StringBuilder(96);
        if (namesAny()) {
            boolean fromTarget = target.namedCount > 0;
            Field f = fromTarget ? target : notes;
            String text = fromTarget ? targetText : notesText;
            String field = fromTarget ? TargetMatch.TARGET_FIELD : TargetMatch.NOTES_FIELD;
            s.append("names ");
            boolean first = true;
            for (int k = 0; k < f.count; k++) {
                String category = f.terms[k].category;
                if (f.terms[k].kind != TermKind.NAMED || f.seenBefore(k, TermKind.NAMED) || f.madeRedundant(category)) {
                    continue;
                }
                s.append(first ? "" : ", ").append(category).append(" (");
                f.describe(s, k, text, field).append(')');
                first = false;
            }
            return s.toString();
        }
        if (target.has(TermKind.HINT) || notes.has(TermKind.HINT)) {
            s.append("names no target; suggests ");
            boolean first = true;
            for (int k = 0; k < target.count; k++) {
                if (target.terms[k].kind == TermKind.HINT && !target.seenBefore(k, TermKind.HINT)) {
                    s.append(first ? "" : ", ").append(target.terms[k].category).append(" (");
                    target.describe(s, k, targetText, TargetMatch.TARGET_FIELD).append(')');
                    first = false;
                }
            }
            for (int k = 0; k < notes.count; k++) {
                String category = notes.terms[k].category;
                if (notes.terms[k].kind == TermKind.HINT && !notes.seenBefore(k, TermKind.HINT)
                        && !target.holds(TermKind.HINT, category)) {
                    s.append(first ? "" : ", ").append(category).append(" (");
                    notes.describe(s, k, notesText, TargetMatch.NOTES_FIELD).append(')');
                    first = false;
                }
            }
            return s.toString();
        }
        if (!target.has(TermKind.IGNORE) && !notes.has(TermKind.IGNORE)) {
            return "names no target";
        }
        s.append("names no target; set aside ");
        boolean first = true;
        for (int k = 0; k < target.count; k++) {
            if (target.terms[k].kind == TermKind.IGNORE) {
                s.append(first ? "'" : ", '").append(targetText, target.from[k], target.to[k])
                        .append("' in ").append(TargetMatch.TARGET_FIELD);
                first = false;
            }
        }
        for (int k = 0; k < notes.count; k++) {
            if (notes.terms[k].kind == TermKind.IGNORE) {
                s.append(first ? "'" : ", '").append(notesText, notes.from[k], notes.to[k])
                        .append("' in ").append(TargetMatch.NOTES_FIELD);
                first = false;
            }
        }
        return s.append(" (mentions that are not targets)").toString();
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        if (a.isEmpty()) {
            return b;
        }
        if (b.isEmpty()) {
            return a;
        }
        List<T> all = new ArrayList<>(a.size() + b.size());
        all.addAll(a);
        all.addAll(b);
        return all;
    }

    /**
     * The chosen terms of one field in text order: ignore phrases and matches interleaved, each
     * with its source span. Either kind alone, in this order, is what the eager reading lists.
     */
    static final class Field {
        static final Field EMPTY = new Field(new LexiconTerm[0], new int[0], new int[0], 0);

        final LexiconTerm[] terms;
        final int[] from;
        final int[] to;
        final int count;
        final int namedCount;

        Field(LexiconTerm[] terms, int[] from, int[] to, int count) {
            this.terms = terms;
            this.from = from;
            this.to = to;
            this.count = count;
            int named = 0;
            for (int k = 0; k < count; k++) {
                named += terms[k].kind == TermKind.NAMED ? 1 : 0;
            }
            this.namedCount = named;
        }

        boolean has(TermKind kind) {
            for (int k = 0; k < count; k++) {
                if (terms[k].kind == kind) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a term of that kind and category was chosen in this field. */
        boolean holds(TermKind kind, String category) {
            for (int k = 0; k < count; k++) {
                if (terms[k].kind == kind && terms[k].category.equals(category)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether a term of that kind and of term k's category comes before term k. */
        boolean seenBefore(int k, TermKind kind) {
            for (int j = 0; j < k; j++) {
                if (terms[j].kind == kind && terms[j].category.equals(terms[k].category)) {
                    return true;
                }
            }
            return false;
        }

        /** As {@link TargetMatch#describe()}: "word 'підстанцію' in notes", "phrase 'power outages' in notes". */
        StringBuilder describe(StringBuilder s, int k, String text, String field) {
            boolean phrase = false;
            for (int i = from[k]; i < to[k] && !phrase; ) {
                int cp = text.codePointAt(i);
                phrase = Character.isWhitespace(cp);
                i += Character.charCount(cp);
            }
            return s.append(phrase ? "phrase '" : "word '").append(text, from[k], to[k]).append("' in ").append(field);
        }

        boolean hintsAt(Predicate<String> test) {
            for (int k = 0; k < count; k++) {
                if (terms[k].kind == TermKind.HINT && test.test(terms[k].category)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether another named category of this field makes {@code category} redundant (see {@link TargetReading.Named}). */
        boolean madeRedundant(String category) {
            for (int k = 0; k < count; k++) {
                if (terms[k].kind == TermKind.NAMED
                        && TargetLexicon.makesRedundant(terms[k].category, category)) {
                    return true;
                }
            }
            return false;
        }

        List<TargetMatch> matches(String text, String field, TargetStrength strength) {
            List<TargetMatch> out = null;
            for (int k = 0; k < count; k++) {
                LexiconTerm t = terms[k];
                if (t.kind != TermKind.IGNORE && t.kind.strength() == strength) {
                    if (out == null) {
                        out = new ArrayList<>(count);
                    }
                    out.add(new TargetMatch(t.category, strength, t.language, t.written,
                            text.substring(from[k], to[k]), field, from[k]));
                }
            }
            return out == null ? List.of() : out;
        }

        List<TargetMatch> allMatches(String text, String field) {
            List<TargetMatch> out = new ArrayList<>(count);
            for (int k = 0; k < count; k++) {
                LexiconTerm t = terms[k];
                if (t.kind != TermKind.IGNORE) {
                    out.add(new TargetMatch(t.category, t.kind.strength(), t.language, t.written,
                            text.substring(from[k], to[k]), field, from[k]));
                }
            }
            return out;
        }

        List<IgnoredPhrase> ignored(String text, String field) {
            List<IgnoredPhrase> out = null;
            for (int k = 0; k < count; k++) {
                LexiconTerm t = terms[k];
                if (t.kind == TermKind.IGNORE) {
                    if (out == null) {
                        out = new ArrayList<>(2);
                    }
                    out.add(new IgnoredPhrase(t.language, t.written, text.substring(from[k], to[k]), field, from[k]));
                }
            }
            return out == null ? List.of() : out;
        }
    }
}
