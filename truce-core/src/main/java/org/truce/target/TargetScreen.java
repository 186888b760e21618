package org.truce.target;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A quick "could this text name or hint at one of these categories?" on UTF-8 bytes, for rows of
 * a large file that would otherwise be decoded only to find nothing. It cuts and folds words
 * exactly as {@link TokenizedText} does, one code point at a time, and walks the first words of the
 * chosen terms (named and hint terms whose category passes the test) as {@link FirstWordIndex}
 * does; no {@code String} is made.
 *
 * <p>It errs one way only: {@code false} means that {@link TargetLexicon#read} finds no named or
 * hint match of a chosen category in that text; {@code true} means it may (only the first word of
 * a term is looked at, and ignore phrases are not masked). Immutable and safe to share.
 */
public final class TargetScreen {

    private final FirstWordIndex index;
    private final boolean empty;

    private TargetScreen(List<LexiconTerm> chosen) {
        this.index = FirstWordIndex.of(chosen);
        this.empty = chosen.isEmpty();
    }

    static TargetScreen of(List<LexiconTerm> terms, Predicate<String> categories) {
        List<LexiconTerm> chosen = new ArrayList<>();
        for (LexiconTerm term : terms) {
            if (term.kind != TermKind.IGNORE && categories.test(term.category)) {
                chosen.add(term);
            }
        }
        return new TargetScreen(chosen);
    }

    /**
     * Whether some word of {@code utf8[from, to)} starts a chosen term. Bytes that are not
     * well-formed UTF-8 answer {@code true}: the screen does not guess.
     */
    public boolean mayMatch(byte[] utf8, int from, int to) {
        if (empty) {
            return false;
        }
        Walk walk = new Walk(index.root());
        int i = from;
        while (i < to) {
            int cp = codePointAt(utf8, i, to);
            if (cp < 0) {
                return true;
            }
            int width = width(cp);
            byte kind = TokenizedText.kindOf(cp);
            boolean nextIsCyrillic = false;
            if (kind == TokenizedText.APOSTROPHE && i + width < to) {
                int next = codePointAt(utf8, i + width, to);
                if (next < 0) {
                    return true;
                }
                nextIsCyrillic = TokenizedText.isCyrillicLetter(next);
            }
            if (walk.step(cp, kind, nextIsCyrillic)) {
                return true;
            }
            i += width;
        }
        return walk.endsOnTerm();
    }

    /** The same question for a text already decoded. */
    public boolean mayMatch(String text) {
        if (empty || text == null) {
            return false;
        }
        Walk walk = new Walk(index.root());
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = codePointAt(text, i);
            int width = Character.charCount(cp);
            byte kind = TokenizedText.kindOf(cp);
            boolean nextIsCyrillic = kind == TokenizedText.APOSTROPHE && i + width < n
                    && TokenizedText.isCyrillicLetter(codePointAt(text, i + width));
            if (walk.step(cp, kind, nextIsCyrillic)) {
                return true;
            }
            i += width;
        }
        return walk.endsOnTerm();
    }

    /** One pass over a text's code points, cutting words as {@link TokenizedText#of} does. */
    private static final class Walk {
        private final FirstWordIndex.Node root;
        private FirstWordIndex.Node node;
        private boolean inWord;
        private int previous = -1;

        Walk(FirstWordIndex.Node root) {
            this.root = root;
        }

        /** Takes the next code point; true as soon as a word starts a chosen term. */
        boolean step(int cp, byte kind, boolean nextIsCyrillic) {
            boolean hit = false;
            if (kind == TokenizedText.APOSTROPHE) {
                // Inside a word only between two Cyrillic letters (Ukrainian "об'єкт"), and then not kept.
                boolean joins = inWord && TokenizedText.isCyrillicLetter(previous) && nextIsCyrillic;
                if (!joins && inWord) {
                    hit = endsOnTerm();
                    inWord = false;
                }
            } else if (kind == TokenizedText.LETTER || inWord && kind == TokenizedText.MARK) {
                if (!inWord) {
                    inWord = true;
                    node = root;
                }
                hit = node != null && fold(cp);
            } else if (!(inWord && kind == TokenizedText.FORMAT)) {
                if (inWord) {
                    hit = endsOnTerm();
                    inWord = false;
                }
            }
            previous = cp;
            return hit;
        }

        /** Walks the folded form of cp down the trie; true when a stem ends on the way. */
        private boolean fold(int cp) {
            char f = cp < TextFold.TABLE_SIZE ? TextFold.table(cp) : TextFold.EXPAND;
            if (f == TextFold.EXPAND) {
                String expanded = TextFold.expansion(cp);
                for (int k = 0; k < expanded.length() && node != null; k++) {
                    node = node.child(expanded.charAt(k));
                    if (node != null && node.endsStem()) {
                        return true;
                    }
                }
                return false;
            }
            if (f == TextFold.DROP) {
                return false;
            }
            node = node.child(f);
            return node != null && node.endsStem();
        }

        /** Whether the word being read, if it ended here, would be a term's whole first word. */
        boolean endsOnTerm() {
            return inWord && node != null && node.endsWord();
        }
    }

    /** {@code text.codePointAt(i)}, by charAt unless a surrogate is met: cheaper on UTF-16 strings. */
    private static int codePointAt(String text, int i) {
        char ch = text.charAt(i);
        return Character.isSurrogate(ch) ? text.codePointAt(i) : ch;
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
