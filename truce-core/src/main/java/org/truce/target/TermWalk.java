package org.truce.target;

import java.util.Arrays;

/**
 * One pass over a text's code points that cuts words as {@link TokenizedText#of} does (same
 * classes, folding, apostrophe rule, sentence breaks, words that fold to nothing dropped) and
 * finds every place where all words of a term follow each other, without keeping the word list.
 * A lean loop ({@link #firstWordStartingATerm}) runs up to the next word that walks the trie of
 * first words to some term's first word; from there the full walk compares the words that follow
 * with the terms waiting for them (keeping a word's folded chars only then), and hands back to
 * the lean loop once nothing waits. A text whose words leave the trie at once costs a table
 * lookup or two per char and allocates nothing but the walk.
 *
 * <p>Two uses: {@link #screening} stops at the first term found (a {@link TargetScreen}'s "may
 * match"), {@link #collecting} records every term found with its first word's index and its
 * source span, for {@link TargetLexicon} to choose among. Word indexes count only the words the
 * full walk reads: they order the terms and tell overlapping ones apart, which is all they are for. A walk is used by one thread, for one text at a time ({@link #reset} between texts).
 */
final class TermWalk {

    private static final FirstWordIndex.Node[] NO_NODES = new FirstWordIndex.Node[0];
    private static final char[] NO_CHARS = new char[0];
    private static final LexiconTerm[] NO_TERMS = new LexiconTerm[0];
    private static final int[] NO_INTS = new int[0];

    private final FirstWordIndex.Node root;
    private final boolean stopAtFirst;

    // The word being read.
    private boolean inWord;
    private FirstWordIndex.Node node;
    private int previous = -1;
    private boolean pendingBreak;
    private boolean wordBreak;
    private int wordStart;
    private int foldedLength;
    /** Words the full walk read, not counting words that folded to nothing (as {@link TokenizedText#count}). */
    private int words;

    /** Nodes of the word's walk where a stem ends, to be offered when the word ends. */
    private FirstWordIndex.Node[] stems = NO_NODES;
    private int stemCount;

    /** The word's folded chars, kept only while a term waits for this word. */
    private char[] folded = NO_CHARS;
    private boolean keepFolded;

    // Terms whose first {@code waitNext[k]} words matched, waiting for the next word.
    private LexiconTerm[] waitTerm = NO_TERMS;
    private int[] waitNext = NO_INTS;
    private int[] waitFirstWord = NO_INTS;
    private int[] waitSourceStart = NO_INTS;
    private int waitCount;

    // Terms found (collecting only).
    private LexiconTerm[] foundTerm = NO_TERMS;
    private int[] foundFirstWord = NO_INTS;
    private int[] foundSourceStart = NO_INTS;
    private int[] foundSourceEnd = NO_INTS;
    private int foundCount;
    private boolean foundAny;

    private TermWalk(FirstWordIndex.Node root, boolean stopAtFirst) {
        this.root = root;
        this.stopAtFirst = stopAtFirst;
    }

    /** A walk that answers, as soon as it can, whether some term's words all follow each other. */
    static TermWalk screening(FirstWordIndex.Node root) {
        return new TermWalk(root, true);
    }

    /** A walk that records every term found in the whole text. */
    static TermWalk collecting(FirstWordIndex.Node root) {
        return new TermWalk(root, false);
    }

    /**
     * Makes the walk ready for another text, keeping its arrays: a thread reads hundreds of
     * thousands of notes, and growing fresh arrays for each was a visible share of the copying.
     */
    TermWalk reset() {
        inWord = false;
        node = null;
        previous = -1;
        pendingBreak = false;
        wordBreak = false;
        wordStart = 0;
        foldedLength = 0;
        words = 0;
        stemCount = 0;
        keepFolded = false;
        for (int k = 0; k < waitCount; k++) {
            waitTerm[k] = null;
        }
        waitCount = 0;
        foundCount = 0;
        foundAny = false;
        return this;
    }

    /** Reads the whole text; true when a term was found (a screening walk stops there). */
    boolean read(String text) {
        int start = firstWordStartingATerm(root, text, 0);
        return start >= 0 && walk(text, start);
    }

    /**
     * Reads {@code utf8[from, to)}; true when a term was found, or when the bytes are not
     * well-formed UTF-8 (a screen does not guess). Source offsets are byte offsets from {@code from}.
     */
    boolean read(byte[] utf8, int from, int to) {
        int start = firstWordStartingATerm(root, utf8, from, to);
        if (start == NOT_UTF8) {
            return true;
        }
        return start >= 0 && walk(utf8, start, to, from);
    }

    private boolean walk(String text, int from) {
        int n = text.length();
        int i = from;
        while (i < n) {
            char ch = text.charAt(i);
            int cp = Character.isSurrogate(ch) ? text.codePointAt(i) : ch;
            int width = cp < 0x10000 ? 1 : 2;
            byte kind = TokenizedText.kindOf(cp);
            int next = -1;
            if ((kind == TokenizedText.APOSTROPHE || kind == TokenizedText.BREAK) && i + width < n) {
                char nc = text.charAt(i + width);
                next = Character.isSurrogate(nc) ? text.codePointAt(i + width) : nc;
            }
            if (step(cp, kind, next, i) && stopAtFirst) {
                return true;
            }
            i += width;
            if (!inWord && waitCount == 0 && i < n) {
                // Between words with no term waiting: on to the next word that starts one, in
                // the lean loop. Words passed over there are not counted, which changes no
                // choice: a term's words are all counted, and the order of terms is kept.
                i = firstWordStartingATerm(root, text, i);
                if (i < 0) {
                    return foundAny;
                }
            }
        }
        return end(n);
    }

    private boolean walk(byte[] utf8, int from, int to, int origin) {
        int i = from;
        while (i < to) {
            int cp = codePointAt(utf8, i, to);
            if (cp < 0) {
                return true;
            }
            int width = width(cp);
            byte kind = TokenizedText.kindOf(cp);
            int next = -1;
            if ((kind == TokenizedText.APOSTROPHE || kind == TokenizedText.BREAK) && i + width < to) {
                next = codePointAt(utf8, i + width, to);
                if (next < 0) {
                    return true;
                }
            }
            if (step(cp, kind, next, i - origin) && stopAtFirst) {
                return true;
            }
            i += width;
            if (!inWord && waitCount == 0 && i < to) {
                i = firstWordStartingATerm(root, utf8, i, to);
                if (i == NOT_UTF8) {
                    return true;
                }
                if (i < 0) {
                    return foundAny;
                }
            }
        }
        return end(to - origin);
    }

    /** What {@link #firstWordStartingATerm(FirstWordIndex.Node, byte[], int, int)} answers for bytes that are not UTF-8. */
    private static final int NOT_UTF8 = -2;

    /**
     * Where the first word that is, or starts with, some term's first word begins; -1 when no
     * word does. No term can start before it, so a walk may begin there. This part cuts words
     * as {@link #step} does but keeps its state in locals and looks at first words only, which
     * makes it as cheap as the first-word screen it replaced: most texts end here.
     */
    static int firstWordStartingATerm(FirstWordIndex.Node root, String text, int from) {
        int n = text.length();
        boolean inWord = false;
        FirstWordIndex.Node node = null;
        int previous = -1;
        int wordStart = -1;
        int i = from;
        while (i < n) {
            char ch = text.charAt(i);
            int cp = Character.isSurrogate(ch) ? text.codePointAt(i) : ch;
            int width = cp < 0x10000 ? 1 : 2;
            byte kind = TokenizedText.kindOf(cp);
            if (kind == TokenizedText.LETTER || inWord && kind == TokenizedText.MARK) {
                if (!inWord) {
                    inWord = true;
                    node = root;
                    wordStart = i;
                }
                if (node != null) {
                    char f = cp < TextFold.TABLE_SIZE ? TextFold.table(cp) : TextFold.EXPAND;
                    if (f == TextFold.EXPAND) {
                        String expanded = TextFold.expansion(cp);
                        for (int k = 0; k < expanded.length() && node != null; k++) {
                            node = node.child(expanded.charAt(k));
                            if (node != null && node.endsStem()) {
                                return wordStart;
                            }
                        }
                    } else if (f != TextFold.DROP) {
                        node = node.child(f);
                        if (node != null && node.endsStem()) {
                            return wordStart;
                        }
                    }
                }
            } else if (inWord && kind != TokenizedText.FORMAT) {
                boolean joins = false;
                if (kind == TokenizedText.APOSTROPHE && i + width < n) {
                    char nc = text.charAt(i + width);
                    int next = Character.isSurrogate(nc) ? text.codePointAt(i + width) : nc;
                    joins = TokenizedText.isCyrillicLetter(previous) && TokenizedText.isCyrillicLetter(next);
                }
                if (!joins) {
                    if (node != null && node.endsWord()) {
                        return wordStart;
                    }
                    inWord = false;
                }
            }
            previous = cp;
            i += width;
        }
        return inWord && node != null && node.endsWord() ? wordStart : -1;
    }

    /** The same on UTF-8 bytes: a byte offset, -1, or {@link #NOT_UTF8}. */
    static int firstWordStartingATerm(FirstWordIndex.Node root, byte[] utf8, int from, int to) {
        boolean inWord = false;
        FirstWordIndex.Node node = null;
        int previous = -1;
        int wordStart = -1;
        int i = from;
        while (i < to) {
            int cp = codePointAt(utf8, i, to);
            if (cp < 0) {
                return NOT_UTF8;
            }
            int width = width(cp);
            byte kind = TokenizedText.kindOf(cp);
            if (kind == TokenizedText.LETTER || inWord && kind == TokenizedText.MARK) {
                if (!inWord) {
                    inWord = true;
                    node = root;
                    wordStart = i;
                }
                if (node != null) {
                    char f = cp < TextFold.TABLE_SIZE ? TextFold.table(cp) : TextFold.EXPAND;
                    if (f == TextFold.EXPAND) {
                        String expanded = TextFold.expansion(cp);
                        for (int k = 0; k < expanded.length() && node != null; k++) {
                            node = node.child(expanded.charAt(k));
                            if (node != null && node.endsStem()) {
                                return wordStart;
                            }
                        }
                    } else if (f != TextFold.DROP) {
                        node = node.child(f);
                        if (node != null && node.endsStem()) {
                            return wordStart;
                        }
                    }
                }
            } else if (inWord && kind != TokenizedText.FORMAT) {
                boolean joins = false;
                if (kind == TokenizedText.APOSTROPHE && i + width < to) {
                    int next = codePointAt(utf8, i + width, to);
                    if (next < 0) {
                        return NOT_UTF8;
                    }
                    joins = TokenizedText.isCyrillicLetter(previous) && TokenizedText.isCyrillicLetter(next);
                }
                if (!joins) {
                    if (node != null && node.endsWord()) {
                        return wordStart;
                    }
                    inWord = false;
                }
            }
            previous = cp;
            i += width;
        }
        return inWord && node != null && node.endsWord() ? wordStart : -1;
    }

    /**
     * Takes one code point at source offset {@code at}; {@code next} is the code point after it
     * when it is an apostrophe or sentence punctuation (-1 at the end). True when a term was found.
     */
    private boolean step(int cp, byte kind, int next, int at) {
        if (kind == TokenizedText.LETTER || inWord && kind == TokenizedText.MARK) {
            if (!inWord) {
                openWord(at);
            }
            previous = cp;
            // Kept small so that it is compiled into the loop: most chars belong to a word that has
            // already left the trie, is not awaited by a term and has a folded char, so need nothing.
            return (node != null || keepFolded || foldedLength == 0) && fold(cp);
        }
        return stepBetweenWords(cp, kind, next, at);
    }

    /** {@link #step} for a code point that is not part of a word's letters. */
    private boolean stepBetweenWords(int cp, byte kind, int next, int at) {
        boolean hit = false;
        if (kind == TokenizedText.APOSTROPHE) {
            // Inside a word only between two Cyrillic letters (Ukrainian "об'єкт"), and then not kept.
            boolean joins = inWord && TokenizedText.isCyrillicLetter(previous) && next >= 0
                    && TokenizedText.isCyrillicLetter(next);
            if (!joins && inWord) {
                hit = closeWord(at);
            }
        } else if (!(inWord && kind == TokenizedText.FORMAT)) {
            if (inWord) {
                hit = closeWord(at);
            }
            if (kind == TokenizedText.BREAK && !(next >= 0 && TokenizedText.kindOf(next) == TokenizedText.LETTER)) {
                pendingBreak = true;
            }
        }
        previous = cp;
        return hit;
    }

    private boolean end(int length) {
        if (inWord) {
            closeWord(length);
        }
        return foundAny;
    }

    private void openWord(int at) {
        inWord = true;
        node = root;
        wordStart = at;
        wordBreak = pendingBreak;
        pendingBreak = false;
        foldedLength = 0;
        stemCount = 0;
        keepFolded = waitCount > 0;
    }

    /** Folds cp onto the word and walks the trie; true when a screening walk may stop (a one-word stem ended). */
    private boolean fold(int cp) {
        char f = cp < TextFold.TABLE_SIZE ? TextFold.table(cp) : TextFold.EXPAND;
        if (f == TextFold.EXPAND) {
            String expanded = TextFold.expansion(cp);
            boolean hit = false;
            for (int k = 0; k < expanded.length(); k++) {
                hit |= foldChar(expanded.charAt(k));
            }
            return hit;
        }
        return f != TextFold.DROP && foldChar(f);
    }

    private boolean foldChar(char c) {
        if (keepFolded) {
            if (foldedLength == folded.length) {
                folded = Arrays.copyOf(folded, Math.max(16, folded.length * 2));
            }
            folded[foldedLength] = c;
        }
        foldedLength++;
        if (node == null) {
            return false;
        }
        node = node.child(c);
        if (node == null || !node.endsStem()) {
            return false;
        }
        if (stopAtFirst && node.endsOneWordStem()) {
            foundAny = true;
            return true;
        }
        if (stemCount == stems.length) {
            stems = Arrays.copyOf(stems, Math.max(4, stemCount * 2));
        }
        stems[stemCount++] = node;
        return false;
    }

    /** Ends the word at source offset {@code at}; true when a term was found. */
    private boolean closeWord(int at) {
        inWord = false;
        if (foldedLength == 0) {
            // Not a word (TokenizedText drops it too), and the break before it is lost with it.
            return false;
        }
        int word = words++;
        if (waitCount == 0 && stemCount == 0 && (node == null || !node.endsWord())) {
            return false; // most words: no term waits for them, none starts with them
        }
        boolean hit = false;
        // Terms waiting for this word first, so that a term never takes its own first word twice.
        int kept = 0;
        for (int k = 0; k < waitCount; k++) {
            LexiconTerm term = waitTerm[k];
            int wanted = waitNext[k];
            if (wordBreak || !matchesWord(term.word(wanted), term.isPrefix(wanted))) {
                continue;
            }
            if (wanted + 1 == term.size()) {
                hit |= found(term, waitFirstWord[k], waitSourceStart[k], at);
            } else {
                waitTerm[kept] = term;
                waitNext[kept] = wanted + 1;
                waitFirstWord[kept] = waitFirstWord[k];
                waitSourceStart[kept] = waitSourceStart[k];
                kept++;
            }
        }
        for (int k = kept; k < waitCount; k++) {
            waitTerm[k] = null;
        }
        waitCount = kept;
        if (hit && stopAtFirst) {
            return true;
        }
        for (int s = 0; s < stemCount; s++) {
            hit |= offer(stems[s].prefixTerms(), word, at);
        }
        if (node != null) {
            hit |= offer(node.exactTerms(), word, at);
        }
        return hit;
    }

    private boolean matchesWord(String foldedWord, boolean prefix) {
        int wanted = foldedWord.length();
        if (prefix ? foldedLength < wanted : foldedLength != wanted) {
            return false;
        }
        for (int k = 0; k < wanted; k++) {
            if (folded[k] != foldedWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** Terms whose first word is the word that just ended: found, or waiting for their next word. */
    private boolean offer(LexiconTerm[] terms, int word, int at) {
        boolean hit = false;
        for (LexiconTerm term : terms) {
            if (term.size() == 1) {
                hit |= found(term, word, wordStart, at);
            } else {
                if (waitCount == waitTerm.length) {
                    int grown = Math.max(4, waitCount * 2);
                    waitTerm = Arrays.copyOf(waitTerm, grown);
                    waitNext = Arrays.copyOf(waitNext, grown);
                    waitFirstWord = Arrays.copyOf(waitFirstWord, grown);
                    waitSourceStart = Arrays.copyOf(waitSourceStart, grown);
                }
                waitTerm[waitCount] = term;
                waitNext[waitCount] = 1;
                waitFirstWord[waitCount] = word;
                waitSourceStart[waitCount] = wordStart;
                waitCount++;
            }
        }
        return hit;
    }

    private boolean found(LexiconTerm term, int firstWord, int sourceStart, int sourceEnd) {
        foundAny = true;
        if (stopAtFirst) {
            return true;
        }
        if (foundCount == foundTerm.length) {
            int grown = Math.max(4, foundCount * 2);
            foundTerm = Arrays.copyOf(foundTerm, grown);
            foundFirstWord = Arrays.copyOf(foundFirstWord, grown);
            foundSourceStart = Arrays.copyOf(foundSourceStart, grown);
            foundSourceEnd = Arrays.copyOf(foundSourceEnd, grown);
        }
        foundTerm[foundCount] = term;
        foundFirstWord[foundCount] = firstWord;
        foundSourceStart[foundCount] = sourceStart;
        foundSourceEnd[foundCount] = sourceEnd;
        foundCount++;
        return true;
    }

    /** The number of words counted (by the full walk; words that fold to nothing do not count). */
    int words() {
        return words;
    }

    /** How many terms a collecting walk found. */
    int foundCount() {
        return foundCount;
    }

    LexiconTerm foundTerm(int k) {
        return foundTerm[k];
    }

    /** The index of the found term's first word among the text's words. */
    int foundFirstWord(int k) {
        return foundFirstWord[k];
    }

    /** Where the found term's first word starts in the source. */
    int foundSourceStart(int k) {
        return foundSourceStart[k];
    }

    /** Where the found term's last word ends in the source. */
    int foundSourceEnd(int k) {
        return foundSourceEnd[k];
    }

    private static int width(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** The code point at {@code i}, or -1 when the bytes there are not well-formed UTF-8. */
    private static int codePointAt(byte[] b, int i, int to) {
        int c = b[i] & 0xFF;
        if (c < 0x80) {
            return c;
        }
        int n;
        int cp;
        int min;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
            min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
            min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
            min = 0x10000;
        } else {
            return -1;
        }
        if (i + n >= to) {
            return -1;
        }
        for (int k = 1; k <= n; k++) {
            int cc = b[i + k] & 0xFF;
            if ((cc & 0xC0) != 0x80) {
                return -1;
            }
            cp = cp << 6 | cc & 0x3F;
        }
        if (cp < min || cp > 0x10FFFF || cp >= 0xD800 && cp <= 0xDFFF) {
            return -1;
        }
        return cp;
    }
}
