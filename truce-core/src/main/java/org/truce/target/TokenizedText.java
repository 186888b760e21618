package org.truce.target;

import java.util.Arrays;

/**
 * A text cut into words once, for all lexicon terms. A word is a run of letters and digits
 * (with any combining marks); everything else separates words, except an apostrophe between two
 * Cyrillic letters (Ukrainian "об'єкт", "перемир'я"), which stays inside the word, and invisible
 * format characters such as a soft hyphen. Each word keeps its folded form (see {@link TextFold})
 * and where it sits in the source, so a match can quote the text exactly as written.
 *
 * <p>A word records whether sentence punctuation ({@code . , ; : ! ? …}) comes before it: a
 * term of several words never spans such a break ("power. Plant" is not "power plant").
 * Punctuation glued to the next letter is no break: "energy.infrastructure" (a category code
 * given as explicit target) reads as "energy infrastructure".
 *
 * <p>The lexicon no longer builds this list: {@link TermWalk} cuts words by the same rules in one
 * pass and keeps no list. This class holds those rules (character classes, the apostrophe test)
 * and, in {@link #of}, their plainest statement, which the tests use as the oracle for the walk.
 */
final class TokenizedText {

    private static final int[] NO_INTS = new int[0];

    static final byte OTHER = 0;
    static final byte LETTER = 1;
    static final byte MARK = 2;
    static final byte APOSTROPHE = 3;
    static final byte BREAK = 4;
    static final byte FORMAT = 5;

    /** Character classes of the first chars (Latin, Greek, Cyrillic, punctuation), for speed. */
    private static final int CLASS_TABLE_SIZE = 0x2100;
    private static final byte[] CLASSES = new byte[CLASS_TABLE_SIZE];

    static {
        for (int c = 0; c < CLASS_TABLE_SIZE; c++) {
            CLASSES[c] = classify(c);
        }
    }

    final String source;
    final int count;
    private final char[] folded;
    /** Word k's folded chars run from foldedStart[k] to foldedStart[k + 1]; one extra slot ends the last word. */
    private final int[] foldedStart;
    private final int[] sourceStart;
    private final int[] sourceEnd;
    private final boolean[] breakBefore;

    private TokenizedText(String source, int count, char[] folded, int[] foldedStart,
            int[] sourceStart, int[] sourceEnd, boolean[] breakBefore) {
        this.source = source;
        this.count = count;
        this.folded = folded;
        this.foldedStart = foldedStart;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
        this.breakBefore = breakBefore;
    }

    static TokenizedText of(String text) {
        int n = text.length();
        if (n == 0) {
            return new TokenizedText(text, 0, new char[0], new int[1], NO_INTS, NO_INTS, new boolean[0]);
        }
        // Most words are longer than four chars; the arrays grow when a text has more words.
        int capacity = Math.min(n / 2 + 2, n / 5 + 8);
        char[] out = new char[n + 8];
        int[] fStart = new int[capacity];
        int[] sStart = new int[capacity];
        int[] sEnd = new int[capacity];
        boolean[] brk = new boolean[capacity];

        int count = 0;
        int pos = 0;
        boolean inWord = false;
        boolean pendingBreak = false;
        int previous = -1;
        int i = 0;
        char[] chars = text.toCharArray();
        while (i < n) {
            char ch = chars[i];
            int cp;
            int width;
            byte kind;
            if (ch < CLASS_TABLE_SIZE) {
                cp = ch;
                width = 1;
                kind = CLASSES[ch];
            } else {
                cp = Character.codePointAt(chars, i);
                width = Character.charCount(cp);
                kind = classify(cp);
            }
            if (kind == APOSTROPHE) {
                if (!(inWord && isCyrillicLetter(previous) && i + width < n
                        && isCyrillicLetter(Character.codePointAt(chars, i + width)))) {
                    if (inWord) {
                        sEnd[count] = i;
                        count = closeWord(fStart, pos, count);
                        inWord = false;
                    }
                }
            } else if (kind == LETTER || inWord && kind == MARK) {
                if (!inWord) {
                    if (count + 1 >= fStart.length) {
                        int grown = fStart.length * 2;
                        fStart = Arrays.copyOf(fStart, grown);
                        sStart = Arrays.copyOf(sStart, grown);
                        sEnd = Arrays.copyOf(sEnd, grown);
                        brk = Arrays.copyOf(brk, grown);
                    }
                    inWord = true;
                    fStart[count] = pos;
                    sStart[count] = i;
                    brk[count] = pendingBreak;
                    pendingBreak = false;
                }
                if (pos + 4 > out.length) {
                    out = Arrays.copyOf(out, out.length * 2);
                }
                char f = cp < TextFold.TABLE_SIZE ? TextFold.table(cp) : TextFold.EXPAND;
                if (f == TextFold.EXPAND) {
                    String expanded = TextFold.expansion(cp);
                    if (pos + expanded.length() > out.length) {
                        out = Arrays.copyOf(out, out.length * 2 + expanded.length());
                    }
                    expanded.getChars(0, expanded.length(), out, pos);
                    pos += expanded.length();
                } else if (f != TextFold.DROP) {
                    out[pos++] = f;
                }
            } else if (!(inWord && kind == FORMAT)) {
                if (inWord) {
                    sEnd[count] = i;
                    count = closeWord(fStart, pos, count);
                    inWord = false;
                }
                if (kind == BREAK && !(i + width < n && isLetterOrDigitAt(chars, i + width))) {
                    pendingBreak = true;
                }
            }
            previous = cp;
            i += width;
        }
        if (inWord) {
            sEnd[count] = n;
            count = closeWord(fStart, pos, count);
        }
        fStart[count] = pos;
        return new TokenizedText(text, count, out, fStart, sStart, sEnd, brk);
    }

    /** Keeps the word unless it folded to nothing; returns the new word count. */
    private static int closeWord(int[] fStart, int foldedEnd, int count) {
        return foldedEnd > fStart[count] ? count + 1 : count;
    }

    /** The class of a code point as this tokeniser sees it ({@link #LETTER}, {@link #MARK}, ...). */
    static byte kindOf(int cp) {
        return cp < CLASS_TABLE_SIZE ? CLASSES[cp] : classify(cp);
    }

    private static boolean isLetterOrDigitAt(char[] chars, int index) {
        char ch = chars[index];
        return ch < CLASS_TABLE_SIZE ? CLASSES[ch] == LETTER : Character.isLetterOrDigit(Character.codePointAt(chars, index));
    }

    /** Whether {@code cp} is sentence punctuation, which a term of several words never spans. */
    static boolean isSentencePunctuation(int cp) {
        return classify(cp) == BREAK;
    }

    private static byte classify(int cp) {
        switch (cp) {
            case '\'': case '`': case '\u00B4': case '\u02BB': case '\u02BC':
            case '\u2018': case '\u2019': case '\u2032':
                return APOSTROPHE;
            case '.': case ',': case ';': case ':': case '!': case '?':
            case '\u2026': case '\u00A1': case '\u00BF': case '\u061F': case '\u3002':
                return BREAK;
            default:
                break;
        }
        if (Character.isLetterOrDigit(cp)) {
            return LETTER;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.COMBINING_SPACING_MARK:
                return MARK;
            case Character.FORMAT:
                return FORMAT;
            default:
                return OTHER;
        }
    }

    /** Which code points of U+0400..U+052F are letters. */
    private static final boolean[] CYRILLIC_BLOCK_LETTERS = new boolean[0x0530 - 0x0400];

    static {
        for (int cp = 0x0400; cp < 0x0530; cp++) {
            CYRILLIC_BLOCK_LETTERS[cp - 0x0400] = Character.isLetter(cp);
        }
    }

    static boolean isCyrillicLetter(int cp) {
        // No Cyrillic below U+0400; the script lookup is a binary search, and Latin names with an
        // apostrophe ("Maly'iansk") asked it on every report.
        if (cp < 0x0400) {
            return false;
        }
        if (cp <= 0x052F) {
            // Cyrillic and Cyrillic Supplement: every letter there is of the Cyrillic script (the
            // two non-Cyrillic marks are no letters), so the lookup is skipped for Ukrainian text.
            return CYRILLIC_BLOCK_LETTERS[cp - 0x0400];
        }
        return Character.isLetter(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.CYRILLIC;
    }

    int length(int word) {
        return foldedStart[word + 1] - foldedStart[word];
    }

    char charAt(int word, int index) {
        return folded[foldedStart[word] + index];
    }

    boolean breakBefore(int word) {
        return breakBefore[word];
    }

    /** True when the folded word equals {@code foldedWord}, or starts with it when {@code prefix}. */
    boolean matches(int word, String foldedWord, boolean prefix) {
        int length = length(word);
        int wanted = foldedWord.length();
        if (prefix ? length < wanted : length != wanted) {
            return false;
        }
        int base = foldedStart[word];
        for (int k = 0; k < wanted; k++) {
            if (folded[base + k] != foldedWord.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    String folded(int word) {
        return new String(folded, foldedStart[word], length(word));
    }

    int sourceStart(int word) {
        return sourceStart[word];
    }

    int sourceEnd(int word) {
        return sourceEnd[word];
    }

    /** The source text from the start of word {@code from} to the end of word {@code toInclusive}. */
    String sourceSpan(int from, int toInclusive) {
        return source.substring(sourceStart[from], sourceEnd[toInclusive]);
    }
}
