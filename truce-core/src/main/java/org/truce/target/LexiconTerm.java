package org.truce.target;

import java.util.List;

/**
 * One parsed lexicon line: its folded words, which of them are prefix stems, and where it came
 * from. {@code rank} orders terms of a combined lexicon (file order, then line order) so that
 * equal candidates are always resolved the same way.
 */
final class LexiconTerm {

    final String language;
    final TermKind kind;
    final String category;
    final String written;
    final String source;
    final int line;
    final int rank;
    private final String[] words;
    private final boolean[] prefix;
    private final int exactWords;
    private final int foldedLength;

    LexiconTerm(String language, TermKind kind, String category, String written, List<String> words,
            List<Boolean> prefix, String source, int line, int rank) {
        this.language = language;
        this.kind = kind;
        this.category = category;
        this.written = written;
        this.source = source;
        this.line = line;
        this.rank = rank;
        this.words = words.toArray(new String[0]);
        this.prefix = new boolean[prefix.size()];
        int exact = 0;
        int length = 0;
        for (int i = 0; i < this.prefix.length; i++) {
            this.prefix[i] = prefix.get(i);
            exact += this.prefix[i] ? 0 : 1;
            length += this.words[i].length();
        }
        this.exactWords = exact;
        this.foldedLength = length;
    }

    /** This object named as a place ("near a substation"): set aside like an ignore phrase, written as in the text. */
    LexiconTerm asPlace(String written) {
        return new LexiconTerm(language, TermKind.IGNORE, "-", written, List.of(words), prefixList(), source, line, rank);
    }

    LexiconTerm withRank(int newRank) {
        return new LexiconTerm(language, kind, category, written, List.of(words), prefixList(), source, line, newRank);
    }

    private List<Boolean> prefixList() {
        Boolean[] boxed = new Boolean[prefix.length];
        for (int i = 0; i < prefix.length; i++) {
            boxed[i] = prefix[i];
        }
        return List.of(boxed);
    }

    int size() {
        return words.length;
    }

    String word(int index) {
        return words[index];
    }

    boolean isPrefix(int index) {
        return prefix[index];
    }

    int exactWords() {
        return exactWords;
    }

    int foldedLength() {
        return foldedLength;
    }

    /** The folded pattern, with '*' after stems; two terms with the same key match the same words. */
    String key() {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                key.append(' ');
            }
            key.append(words[i]).append(prefix[i] ? "*" : "");
        }
        return key.toString();
    }

    /** Whether words 2..n of this term follow word {@code first} of the text (word 1 is known to match). */
    boolean continuesAt(TokenizedText text, int first) {
        if (first + words.length > text.count) {
            return false;
        }
        for (int i = 1; i < words.length; i++) {
            int word = first + i;
            if (text.breakBefore(word) || !text.matches(word, words[i], prefix[i])) {
                return false;
            }
        }
        return true;
    }
}
