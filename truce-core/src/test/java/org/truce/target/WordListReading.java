package org.truce.target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The lexicon's reading as it was made before the one-pass walk ({@link TermWalk}): the text cut
 * into a word list ({@link TokenizedText}), every word looked up in the trie of first words, the
 * further words of each term compared in the list. Kept as the oracle the walk is tested against.
 */
final class WordListReading {

    private static final Comparator<Candidate> LEFTMOST_LONGEST = Comparator
            .comparingInt((Candidate c) -> c.start)
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.term.size()).reversed())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.term.exactWords()).reversed())
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.term.foldedLength()).reversed())
            .thenComparingInt(c -> c.term.rank);

    private final FirstWordIndex index;

    WordListReading(TargetLexicon lexicon) {
        this.index = FirstWordIndex.of(lexicon.terms());
    }

    /** Every term whose words all follow each other in the text, before any choice between them. */
    List<LexiconTerm> candidates(String text) {
        List<LexiconTerm> out = new ArrayList<>();
        for (Candidate c : find(TokenizedText.of(text))) {
            out.add(c.term);
        }
        return out;
    }

    TargetReading read(String explicitTarget, String notes) {
        Scan target = scan(TargetMatch.TARGET_FIELD, explicitTarget == null ? "" : explicitTarget);
        Scan text = scan(TargetMatch.NOTES_FIELD, notes == null ? "" : notes);
        List<TargetMatch> hints = concat(target.of(TargetStrength.HINT), text.of(TargetStrength.HINT));
        List<IgnoredPhrase> ignored = concat(target.ignored, text.ignored);
        List<TargetMatch> named = target.of(TargetStrength.NAMED);
        if (named.isEmpty()) {
            named = text.of(TargetStrength.NAMED);
        }
        if (!named.isEmpty()) {
            return new TargetReading.Named(TargetLexicon.mostSpecific(named), named, hints, ignored);
        }
        if (!hints.isEmpty()) {
            return new TargetReading.HintOnly(hints, ignored);
        }
        return new TargetReading.Nothing(ignored);
    }

    private List<Candidate> find(TokenizedText words) {
        List<Candidate> candidates = new ArrayList<>();
        for (int w = 0; w < words.count; w++) {
            index.forEachCandidate(words, w, (term, first) -> {
                if (term.continuesAt(words, first)) {
                    candidates.add(new Candidate(term, first));
                }
            });
        }
        return candidates;
    }

    private Scan scan(String field, String text) {
        TokenizedText words = TokenizedText.of(text);
        List<Candidate> candidates = find(words);
        candidates.sort(LEFTMOST_LONGEST);
        boolean[] masked = new boolean[words.count];
        List<IgnoredPhrase> ignored = new ArrayList<>();
        int free = 0;
        for (Candidate c : candidates) {
            if (c.term.kind == TermKind.IGNORE && c.start >= free) {
                for (int w = c.start; w < c.end(); w++) {
                    masked[w] = true;
                }
                free = c.end();
                ignored.add(new IgnoredPhrase(c.term.language, c.term.written, words.sourceSpan(c.start, c.end() - 1),
                        field, words.sourceStart(c.start)));
            }
        }
        List<TargetMatch> matches = new ArrayList<>();
        free = 0;
        for (Candidate c : candidates) {
            boolean touches = false;
            for (int w = c.start; w < c.end(); w++) {
                touches |= masked[w];
            }
            if (c.term.kind != TermKind.IGNORE && c.start >= free && !touches) {
                free = c.end();
                matches.add(new TargetMatch(c.term.category, c.term.kind.strength(), c.term.language, c.term.written,
                        words.sourceSpan(c.start, c.end() - 1), field, words.sourceStart(c.start)));
            }
        }
        return new Scan(matches, ignored);
    }

    private static <T> List<T> concat(List<T> a, List<T> b) {
        List<T> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private record Candidate(LexiconTerm term, int start) {
        int end() {
            return start + term.size();
        }
    }

    private record Scan(List<TargetMatch> matches, List<IgnoredPhrase> ignored) {
        List<TargetMatch> of(TargetStrength strength) {
            return matches.stream().filter(m -> m.strength() == strength).toList();
        }
    }
}
