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
        FirstWordIndex.Node root = index.root();
        FirstWordIndex.Node node = null;
        boolean inWord = false;
        int previous = -1;
        int i = from;
        while (i < to) {
            int cp = codePointAt(utf8, i, to);
            if (cp < 0) {
                return true;
            }
            int width = width(cp);
            byte kind = TokenizedText.kindOf(cp);
            if (kind == TokenizedText.APOSTROPHE) {
                // Inside a word only between two Cyrillic letters (Ukrainian "об'єкт"), and then not kept.
                boolean joins = false;
                if (inWord && TokenizedText.isCyrillicLetter(previous) && i + width < to) {
                    int next = codePointAt(utf8, i + width, to);
                    if (next < 0) {
                        return true;
                    }
                    joins = TokenizedText.isCyrillicLetter(next);
                }
                if (!joins && inWord) {
                    if (node != null && node.endsWord()) {
                        return true;
                    }
                    inWord = false;
                }
            } else if (kind == TokenizedText.LETTER || inWord && kind == TokenizedText.MARK) {
                if (!inWord) {
                    inWord = true;
                    node = root;
                }
                if (node != null) {
                    char f = cp < TextFold.TABLE_SIZE ? TextFold.table(cp) : TextFold.EXPAND;
                    if (f == TextFold.EXPAND) {
                        String expanded = TextFold.expansion(cp);
                        for (int k = 0; k < expanded.length() && node != null; k++) {
                            node = node.child(expanded.charAt(k));
                            if (node != null && node.endsStem()) {
                                return true;
                            }
                        }
                    } else if (f != TextFold.DROP) {
                        node = node.child(f);
                        if (node != null && node.endsStem()) {
                            return true;
                        }
                    }
                }
            } else if (!(inWord && kind == TokenizedText.FORMAT)) {
                if (inWord) {
                    if (node != null && node.endsWord()) {
                        return true;
                    }
                    inWord = false;
                }
            }
            previous = cp;
            i += width;
        }
        return inWord && node != null && node.endsWord();
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
