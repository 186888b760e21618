package org.truce.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Reads what a report says its target was, from per-language word lists kept as data files
 * ({@code lexicon-<language>.tsv} beside this class; format in docs/lexicons.md).
 *
 * <p>Matching is case-, accent- and mark-insensitive, on whole words, with stems ("підстанці*")
 * for inflected languages. Ignore phrases ("energy truce") are masked first; among the remaining
 * terms the leftmost, then longest, match wins where two overlap. The text is read in one pass
 * ({@link TermWalk}): each word walks a trie of first words while it is cut and folded, and a
 * term's further words are compared as they come, so the cost grows with the text, not with the
 * lexicon. Instances are immutable and safe to share between threads.
 */
public final class TargetLexicon {

    /** Lists the built-in languages, one code a line; each has a {@code lexicon-<code>.tsv}. */
    static final String LANGUAGES_RESOURCE = "lexicon-languages.txt";

    private static final String GENERIC_LEAF = ".infrastructure";

    private static final Comparator<Candidate> LEFTMOST_LONGEST = Comparator
            .comparingInt((Candidate c) -> c.start)
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.term.size()).reversed())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.term.exactWords()).reversed())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.term.foldedLength()).reversed())
            .thenComparingInt(c -> c.term.rank);

    private final List<String> languages;
    private final List<LexiconTerm> terms;
    private final Set<String> categories;
    private final FirstWordIndex index;

    private TargetLexicon(List<String> languages, List<LexiconTerm> terms) {
        this.languages = List.copyOf(languages);
        this.terms = List.copyOf(terms);
        Set<String> all = new TreeSet<>();
        for (LexiconTerm term : terms) {
            if (term.kind != TermKind.IGNORE) {
                all.add(term.category);
            }
        }
        this.categories = Collections.unmodifiableSet(all);
        this.index = FirstWordIndex.of(this.terms);
    }

    /** The lexicons shipped with Truce (English, French, Ukrainian, Russian), loaded once. */
    public static TargetLexicon builtIn() {
        return BuiltIn.LEXICON;
    }

    /**
     * Parses one lexicon file.
     *
     * @param language   the 2- or 3-letter code recorded on every match ("uk")
     * @param tsv        the file's text; read to the end and closed
     * @param sourceName a name for error messages, usually the file name
     * @throws LexiconFormatException naming {@code sourceName} and the line, for a malformed line
     */
    public static TargetLexicon parse(String language, Reader tsv, String sourceName) {
        return new TargetLexicon(List.of(language), LexiconParser.parse(language, tsv, sourceName));
    }

    /**
     * One lexicon that matches the terms of all {@code parts}. Where two parts have terms matching
     * the same words, the earlier part wins.
     */
    public static TargetLexicon combine(List<TargetLexicon> parts) {
        Set<String> languages = new LinkedHashSet<>();
        List<LexiconTerm> terms = new ArrayList<>();
        for (TargetLexicon part : parts) {
            languages.addAll(part.languages);
            for (LexiconTerm term : part.terms) {
                terms.add(term.withRank(terms.size()));
            }
        }
        return new TargetLexicon(new ArrayList<>(languages), terms);
    }

    /** The languages of the files this lexicon was built from, in order. */
    public List<String> languages() {
        return languages;
    }

    /** Every category a named or hint term can yield, sorted. */
    public Set<String> categories() {
        return categories;
    }

    /** Every term, ignore phrases included, in rank order; for tests in this package. */
    List<LexiconTerm> terms() {
        return terms;
    }

    /** The number of terms, ignore phrases included. */
    public int size() {
        return terms.size();
    }

    /**
     * Every named and hint match in {@code text}, in text order, after ignore phrases are masked.
     *
     * @param field recorded on each match: {@value TargetMatch#TARGET_FIELD} or {@value TargetMatch#NOTES_FIELD}
     */
    public List<TargetMatch> findAll(String field, String text) {
        return scan(field, text).matches;
    }

    /** The ignore phrases found in {@code text}, in text order. */
    public List<IgnoredPhrase> findIgnored(String field, String text) {
        return scan(field, text).ignored;
    }

    /**
     * Decides what a report says its target was. The explicit target field wins when it names
     * something; otherwise the notes are read. Hints and ignored phrases of both fields are kept.
     *
     * @param explicitTarget the report's target field, or null or empty when it has none
     * @param notes          the report's free text, or null or empty
     */
    public TargetReading read(String explicitTarget, String notes) {
        Scan target = scan(TargetMatch.TARGET_FIELD, explicitTarget == null ? "" : explicitTarget);
        Scan text = scan(TargetMatch.NOTES_FIELD, notes == null ? "" : notes);
        List<TargetMatch> hints = concat(target.hints(), text.hints());
        List<IgnoredPhrase> ignored = concat(target.ignored, text.ignored);
        List<TargetMatch> named = target.named();
        if (named.isEmpty()) {
            named = text.named();
        }
        if (!named.isEmpty()) {
            return new TargetReading.Named(mostSpecific(named), named, hints, ignored);
        }
        if (!hints.isEmpty()) {
            return new TargetReading.HintOnly(hints, ignored);
        }
        return new TargetReading.Nothing(ignored);
    }

    /**
     * A byte-level screen for the named and hint terms whose category passes {@code categories}:
     * when it says no, {@link #read} finds none of them in that text.
     */
    public TargetScreen screen(Predicate<String> categories) {
        return TargetScreen.of(terms, categories);
    }

    private Scan scan(String field, String text) {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("a field name is required");
        }
        if (text == null || text.isEmpty()) {
            return Scan.EMPTY;
        }
        TermWalk walk = TermWalk.collecting(index.root());
        walk.read(text);
        int found = walk.foundCount();
        if (found == 0) {
            return Scan.EMPTY;
        }
        List<Candidate> candidates = new ArrayList<>(found);
        for (int k = 0; k < found; k++) {
            candidates.add(new Candidate(walk.foundTerm(k), walk.foundFirstWord(k), walk.foundSourceStart(k),
                    walk.foundSourceEnd(k)));
        }
        candidates.sort(LEFTMOST_LONGEST);

        boolean[] masked = new boolean[walk.words()];
        List<IgnoredPhrase> ignored = new ArrayList<>(0);
        int free = 0;
        for (Candidate c : candidates) {
            if (c.term.kind == TermKind.IGNORE && c.start >= free) {
                for (int w = c.start; w < c.end(); w++) {
                    masked[w] = true;
                }
                free = c.end();
                ignored.add(new IgnoredPhrase(c.term.language, c.term.written,
                        text.substring(c.sourceStart, c.sourceEnd), field, c.sourceStart));
            }
        }
        List<TargetMatch> matches = new ArrayList<>(candidates.size());
        free = 0;
        for (Candidate c : candidates) {
            if (c.term.kind != TermKind.IGNORE && c.start >= free && !touches(masked, c)) {
                free = c.end();
                matches.add(new TargetMatch(c.term.category, c.term.kind.strength(), c.term.language, c.term.written,
                        text.substring(c.sourceStart, c.sourceEnd), field, c.sourceStart));
            }
        }
        return new Scan(List.copyOf(matches), List.copyOf(ignored));
    }

    private static boolean touches(boolean[] masked, Candidate c) {
        for (int w = c.start; w < c.end(); w++) {
            if (masked[w]) {
                return true;
            }
        }
        return false;
    }

    /** The distinct categories of {@code named}, in order, without those made redundant (see {@link TargetReading.Named}). */
    static List<String> mostSpecific(List<TargetMatch> named) {
        // A list, not a set: a reading names one to three categories, and this runs for each one.
        List<String> present = new ArrayList<>(named.size());
        for (TargetMatch m : named) {
            if (!present.contains(m.category())) {
                present.add(m.category());
            }
        }
        List<String> kept = new ArrayList<>(present.size());
        for (String category : present) {
            if (!madeRedundant(category, present)) {
                kept.add(category);
            }
        }
        return kept;
    }

    private static boolean madeRedundant(String category, List<String> present) {
        for (String other : present) {
            if (other.equals(category)) {
                continue;
            }
            // No strings made here: this runs for every reading that names a target.
            if (other.length() > category.length() && other.startsWith(category)
                    && other.charAt(category.length()) == '.') {
                return true;
            }
            if (category.endsWith(GENERIC_LEAF) && !other.endsWith(GENERIC_LEAF) && sameDomain(other, category)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the two categories have the same first part (before the first dot, or the whole). */
    private static boolean sameDomain(String a, String b) {
        int dotA = a.indexOf('.');
        int dotB = b.indexOf('.');
        int lengthA = dotA < 0 ? a.length() : dotA;
        int lengthB = dotB < 0 ? b.length() : dotB;
        return lengthA == lengthB && a.regionMatches(0, b, 0, lengthA);
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

    @Override
    public String toString() {
        return "TargetLexicon" + languages + " with " + terms.size() + " terms";
    }

    /** A term whose words were all found, starting at word {@code start}, over source chars [sourceStart, sourceEnd). */
    private static final class Candidate {
        final LexiconTerm term;
        final int start;
        final int sourceStart;
        final int sourceEnd;

        Candidate(LexiconTerm term, int start, int sourceStart, int sourceEnd) {
            this.term = term;
            this.start = start;
            this.sourceStart = sourceStart;
            this.sourceEnd = sourceEnd;
        }

        int end() {
            return start + term.size();
        }
    }

    /** The matches and ignored phrases of one field, with the named and hint matches apart (asked for every read). */
    private static final class Scan {
        static final Scan EMPTY = new Scan(List.of(), List.of());

        final List<TargetMatch> matches;
        final List<IgnoredPhrase> ignored;
        private final List<TargetMatch> named;
        private final List<TargetMatch> hints;

        Scan(List<TargetMatch> matches, List<IgnoredPhrase> ignored) {
            this.matches = matches;
            this.ignored = ignored;
            this.named = filter(matches, TargetStrength.NAMED);
            this.hints = filter(matches, TargetStrength.HINT);
        }

        List<TargetMatch> named() {
            return named;
        }

        List<TargetMatch> hints() {
            return hints;
        }

        private static List<TargetMatch> filter(List<TargetMatch> matches, TargetStrength strength) {
            List<TargetMatch> out = null;
            for (TargetMatch m : matches) {
                if (m.strength() == strength) {
                    if (out == null) {
                        out = new ArrayList<>(matches.size());
                    }
                    out.add(m);
                }
            }
            return out == null ? List.of() : out;
        }
    }

    /** Loads the built-in lexicons on first use. */
    private static final class BuiltIn {
        static final TargetLexicon LEXICON = load();

        private static TargetLexicon load() {
            List<TargetLexicon> parts = new ArrayList<>();
            for (String language : readLanguages()) {
                String name = "lexicon-" + language + ".tsv";
                parts.add(parse(language, open(name), name));
            }
            return combine(parts);
        }

        private static List<String> readLanguages() {
            List<String> languages = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(open(LANGUAGES_RESOURCE))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String code = line.strip();
                    if (!code.isEmpty() && !code.startsWith("#")) {
                        languages.add(code);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + LANGUAGES_RESOURCE, e);
            }
            return languages;
        }

        private static Reader open(String name) {
            InputStream in = TargetLexicon.class.getResourceAsStream(name);
            if (in == null) {
                throw new IllegalStateException("built-in lexicon resource " + name + " is missing from the classpath");
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder());
        }
    }
}
