package org.truce.target;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Folds one code point to the form used for matching: lower case ({@link Locale#ROOT}), then
 * compatibility decomposition (NFKD), then without non-spacing and enclosing marks. So "É" and "e"
 * fold alike, as do "ё"/"е", "й"/"и", "ї"/"і" and a word with a stress mark and one without.
 * Lexicon terms and report text go through the same fold, which is all matching needs.
 *
 * <p>The first {@value #TABLE_SIZE} code points (Latin, Greek, Cyrillic, punctuation) are folded
 * once into a table; others are folded on demand.
 */
final class TextFold {

    static final int TABLE_SIZE = 0x3000;

    /** Table value: the code point folds to nothing (a combining mark). */
    static final char DROP = '\0';

    /** Table value: the code point folds to several chars, see {@link #expansion(int)}. */
    static final char EXPAND = '\uFFFF';

    private static final char[] TABLE = new char[TABLE_SIZE];
    private static final String[] EXPANSIONS = new String[TABLE_SIZE];

    static {
        for (int c = 0; c < TABLE_SIZE; c++) {
            String folded = slowFold(c);
            if (folded.isEmpty()) {
                TABLE[c] = DROP;
            } else if (folded.length() == 1 && folded.charAt(0) != DROP && folded.charAt(0) != EXPAND) {
                TABLE[c] = folded.charAt(0);
            } else {
                TABLE[c] = EXPAND;
                EXPANSIONS[c] = folded;
            }
        }
    }

    private TextFold() {
    }

    /**
     * The folded char for a code point below {@link #TABLE_SIZE}, or {@link #DROP}, or
     * {@link #EXPAND} when {@link #expansion(int)} must be used.
     */
    static char table(int codePoint) {
        return TABLE[codePoint];
    }

    /** The folded form of any code point, as a string (possibly empty). */
    static String expansion(int codePoint) {
        if (codePoint < TABLE_SIZE) {
            char c = TABLE[codePoint];
            if (c == DROP) {
                return "";
            }
            return c == EXPAND ? EXPANSIONS[codePoint] : String.valueOf(c);
        }
        return slowFold(codePoint);
    }

    private static String slowFold(int codePoint) {
        String lower = new String(Character.toChars(codePoint)).toLowerCase(Locale.ROOT);
        String decomposed = Normalizer.normalize(lower, Normalizer.Form.NFKD);
        StringBuilder out = new StringBuilder(decomposed.length());
        decomposed.codePoints().filter(cp -> !isMark(cp)).forEach(out::appendCodePoint);
        return out.toString().toLowerCase(Locale.ROOT);
    }

    static boolean isMark(int codePoint) {
        int type = Character.getType(codePoint);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }
}
