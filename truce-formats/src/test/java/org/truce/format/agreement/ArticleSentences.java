package org.truce.format.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * The sentence-numbering rule of agreement files (docs/agreement-format.md, "Sentence numbers"):
 * read the text line by line, skip blank lines, cut each line after every '.', '!' or '?' that is
 * followed by white space, trim the pieces, drop empty ones, and number what is left from 1. A
 * heading line without a full stop (the date of an article) is a sentence of its own.
 */
final class ArticleSentences {

    private ArticleSentences() {
    }

    static List<String> split(String text) {
        List<String> sentences = new ArrayList<>();
        for (String line : text.split("\\R")) {
            for (String piece : line.split("(?<=[.!?])\\s+")) {
                String s = piece.strip();
                if (!s.isEmpty()) {
                    sentences.add(s);
                }
            }
        }
        return List.copyOf(sentences);
    }

    /** Sentence {@code n}, 1-based as in a source reference. */
    static String sentence(List<String> sentences, int n) {
        return sentences.get(n - 1);
    }
}
