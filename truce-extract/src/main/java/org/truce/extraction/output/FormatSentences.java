package org.truce.extraction.output;

import java.util.ArrayList;
import java.util.List;

/**
 * Sentence numbers as the agreement format counts them (docs/agreement-format.md, "Sentence
 * numbers"): line by line, cut after '.', '!' or '?' followed by white space. This is deliberately
 * not the extractor's own (model-based) split: an agreement's {@code source.sentence} must mean the
 * same thing whoever wrote it.
 */
public final class FormatSentences {

    private final List<int[]> pieces = new ArrayList<>();

    public FormatSentences(String text) {
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int pieceStart = lineStart;
            for (int i = lineStart; i < lineEnd; i++) {
                char c = text.charAt(i);
                if ((c == '.' || c == '!' || c == '?') && i + 1 < lineEnd
                        && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '\t')) {
                    add(text, pieceStart, i + 1);
                    pieceStart = i + 1;
                }
            }
            add(text, pieceStart, lineEnd);
            lineStart = lineEnd + 1;
        }
    }

    private void add(String text, int start, int end) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            pieces.add(new int[] {start, end});
        }
    }

    /** The 1-based number of the sentence holding the character at {@code offset}, or the nearest before it. */
    public int numberAt(int offset) {
        int number = 1;
        for (int i = 0; i < pieces.size(); i++) {
            if (pieces.get(i)[0] <= offset) {
                number = i + 1;
            }
        }
        return number;
    }

    public int count() {
        return pieces.size();
    }
}
