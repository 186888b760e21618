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
import java.util.Arrays;
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

    private final List<String> languages;
    private final List<LexiconTerm> terms;
    private final Set<String> categories;
    private final FirstWordIndex index;
    /** One walk per thread, reused from text to text (see {@link TermWalk#reset}). */
    private final ThreadLocal<TermWalk> walks;

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
        FirstWordIndex.Node root = index.root();
        this.walks = ThreadLocal.withInitial(() -> TermWalk.collecting(root));
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
        requireField(field);
        return List.copyOf(choose(text).allMatches(text, field));
    }

    /** The ignore phrases found in {@code text}, in text order. */
    public List<IgnoredPhrase> findIgnored(String field, String text) {
        requireField(field);
        return List.copyOf(choose(text).ignored(text, field));
    }

    /**
     * Decides what a report says its target was. The explicit target field wins when it names
     * something; otherwise the notes are read. Hints and ignored phrases of both fields are kept.
     *
     * @param explicitTarget the report's target field, or null or empty when it has none
     * @param notes          the report's free text, or null or empty
     */
    public TargetReading read(String explicitTarget, String notes) {
        return choose(explicitTarget, notes).reading();
    }

    /**
     * The terms {@link #read} chooses in the two fields, without making the reading: enough to
     * decide whether the report names or hints at a category, with the reading made later if a
     * trace sentence needs it.
     */
    public ChosenTerms choose(String explicitTarget, String notes) {
        String target = explicitTarget == null ? "" : explicitTarget;
        String text = notes == null ? "" : notes;
        return new ChosenTerms(target, choose(target), text, choose(text));
    }

    /**
     * A byte-level screen for the named and hint terms whose category passes {@code categories}:
     * when it says no, {@link #read} finds none of them in that text.
     */
    public TargetScreen screen(Predicate<String> categories) {
        return TargetScreen.of(terms, categories);
    }

    private static void requireField(String field) {
        if (field == null || field.isEmpty()) {
            throw new IllegalArgumentException("a field name is required");
        }
    }

    /**
     * The terms chosen in one text: ignore phrases first (leftmost, then longest, none
     * overlapping), then, among the other terms that touch no ignored word, leftmost-longest.
     */
    private ChosenTerms.Field choose(String text) {
        if (text == null || text.isEmpty()) {
            return ChosenTerms.Field.EMPTY;
        }
        TermWalk walk = walks.get().reset();
        walk.read(text);
        int found = walk.foundCount();
        if (found == 0) {
            return ChosenTerms.Field.EMPTY;
        }
        int[] order = leftmostLongest(walk, found);
        boolean[] chosen = new boolean[found];
        int chosenCount = 0;
        // Ignored phrases as word ranges [start, end), in order and apart.
        int[] ignoredStart = null;
        int[] ignoredEnd = null;
        int ignoredCount = 0;
        int free = 0;
        for (int k = 0; k < found; k++) {
            int c = order[k];
            LexiconTerm term = walk.foundTerm(c);
            int start = walk.foundFirstWord(c);
            if (term.kind == TermKind.IGNORE && start >= free) {
                if (ignoredStart == null) {
                    ignoredStart = new int[found];
                    ignoredEnd = new int[found];
                }
                ignoredStart[ignoredCount] = start;
                ignoredEnd[ignoredCount++] = start + term.size();
                free = start + term.size();
                chosen[k] = true;
                chosenCount++;
            }
        }
        free = 0;
        for (int k = 0; k < found; k++) {
            int c = order[k];
            LexiconTerm term = walk.foundTerm(c);
            int start = walk.foundFirstWord(c);
            int end = start + term.size();
            if (term.kind != TermKind.IGNORE && start >= free
                    && !overlaps(ignoredStart, ignoredEnd, ignoredCount, start, end)) {
                free = end;
                chosen[k] = true;
                chosenCount++;
            }
        }
        LexiconTerm[] terms = new LexiconTerm[chosenCount];
        int[] from = new int[chosenCount];
        int[] to = new int[chosenCount];
        int n = 0;
        for (int k = 0; k < found; k++) {
            if (chosen[k]) {
                int c = order[k];
                terms[n] = walk.foundTerm(c);
                from[n] = walk.foundSourceStart(c);
                to[n++] = walk.foundSourceEnd(c);
            }
        }
        // "debris fell near a substation": an object named as where something happened is set aside.
        for (int k = 0; k < n; k++) {
            if (terms[k].kind == TermKind.NAMED) {
                int cue = ProximityCue.startBefore(text, from[k], k == 0 ? 0 : to[k - 1]);
                if (cue >= 0) {
                    terms[k] = terms[k].asPlace(text.substring(cue, to[k]));
                    from[k] = cue;
                }
            }
        }
        return new ChosenTerms.Field(terms, from, to, n);
    }

    private static boolean overlaps(int[] starts, int[] ends, int count, int start, int end) {
        for (int k = 0; k < count; k++) {
            if (starts[k] < end && start < ends[k]) {
                return true;
            }
        }
        return false;
    }

    /**
     * The found terms' indexes in the order they are chosen in: leftmost first word, then most
     * words, most exact words, longest folded text, lexicon rank.
     */
    private static int[] leftmostLongest(TermWalk walk, int found) {
        int[] order = new int[found];
        for (int k = 0; k < found; k++) {
            order[k] = k;
        }
        if (found <= 64) {
            // Insertion sort: a text holds a handful of terms, and it allocates nothing.
            for (int k = 1; k < found; k++) {
                int c = order[k];
                int j = k - 1;
                while (j >= 0 && compare(walk, order[j], c) > 0) {
                    order[j + 1] = order[j];
                    j--;
                }
                order[j + 1] = c;
            }
            return order;
        }
        Integer[] boxed = new Integer[found];
        for (int k = 0; k < found; k++) {
            boxed[k] = k;
        }
        Arrays.sort(boxed, (a, b) -> compare(walk, a, b));
        for (int k = 0; k < found; k++) {
            order[k] = boxed[k];
        }
        return order;
    }

    private static int compare(TermWalk walk, int a, int b) {
        int byStart = Integer.compare(walk.foundFirstWord(a), walk.foundFirstWord(b));
        if (byStart != 0) {
            return byStart;
        }
        LexiconTerm x = walk.foundTerm(a);
        LexiconTerm y = walk.foundTerm(b);
        int c = Integer.compare(y.size(), x.size());
        if (c == 0) {
            c = Integer.compare(y.exactWords(), x.exactWords());
        }
        if (c == 0) {
            c = Integer.compare(y.foldedLength(), x.foldedLength());
        }
        return c != 0 ? c : Integer.compare(x.rank, y.rank);
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
            if (makesRedundant(other, category)) {
                return true;
            }
        }
        return false;
    }

    /** Whether naming {@code other} too makes {@code category} redundant: it is more specific, or not generic in the same domain. */
    static boolean makesRedundant(String other, String category) {
        if (other.equals(category)) {
            return false;
        }
        // No strings made here: this runs for every reading that names a target.
        if (other.length() > category.length() && other.startsWith(category)
                && other.charAt(category.length()) == '.') {
            return true;
        }
        return category.endsWith(GENERIC_LEAF) && !other.endsWith(GENERIC_LEAF) && sameDomain(other, category);
    }

    /** Whether the two categories have the same first part (before the first dot, or the whole). */
    private static boolean sameDomain(String a, String b) {
        int dotA = a.indexOf('.');
        int dotB = b.indexOf('.');
        int lengthA = dotA < 0 ? a.length() : dotA;
        int lengthB = dotB < 0 ? b.length() : dotB;
        return lengthA == lengthB && a.regionMatches(0, b, 0, lengthA);
    }

    @Override
    public String toString() {
        return "TargetLexicon" + languages + " with " + terms.size() + " terms";
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
