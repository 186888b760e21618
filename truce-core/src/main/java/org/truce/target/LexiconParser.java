package org.truce.target;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads one lexicon file: tab-separated {@code kind category term} lines, '#' comment lines and
 * blank lines. See docs/lexicons.md for the format. Every problem is reported with the file name
 * and line number; nothing is silently skipped.
 */
final class LexiconParser {

    static final Pattern CATEGORY = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    static final int MIN_STEM_LENGTH = 3;
    private static final String NO_CATEGORY = "-";

    private LexiconParser() {
    }

    static List<LexiconTerm> parse(String language, Reader tsv, String sourceName) {
        if (sourceName == null || sourceName.isBlank()) {
            throw new IllegalArgumentException("a lexicon needs a source name for its error messages");
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException(sourceName + ": language must be a 2- or 3-letter lowercase code, got "
                    + (language == null ? "nothing" : "'" + language + "'"));
        }
        List<LexiconTerm> terms = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(tsv)) {
            int number = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                number++;
                if (number == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                LexiconTerm term = parseLine(language, trimmed, sourceName, number, terms.size());
                Integer earlier = seen.putIfAbsent(term.key(), number);
                if (earlier != null) {
                    throw new LexiconFormatException(sourceName, number,
                            "term '" + term.written + "' matches the same words as line " + earlier);
                }
                terms.add(term);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + sourceName, e);
        }
        return terms;
    }

    private static LexiconTerm parseLine(String language, String line, String source, int number, int rank) {
        String[] columns = line.split("\t+");
        if (columns.length != 3) {
            throw new LexiconFormatException(source, number, "expected 3 tab-separated columns (kind, category, term), found "
                    + columns.length + (columns.length == 1 ? " (are the columns separated by spaces?)" : ""));
        }
        String kindWord = columns[0].strip();
        String category = columns[1].strip();
        String written = columns[2].strip();
        TermKind kind = TermKind.fromWord(kindWord);
        if (kind == null) {
            throw new LexiconFormatException(source, number,
                    "unknown kind '" + kindWord + "', expected named, hint or ignore");
        }
        if (kind == TermKind.IGNORE) {
            if (!NO_CATEGORY.equals(category)) {
                throw new LexiconFormatException(source, number,
                        "an ignore line takes '-' as its category, got '" + category + "'");
            }
            category = NO_CATEGORY;
        } else if (!CATEGORY.matcher(category).matches()) {
            throw new LexiconFormatException(source, number, "category '" + category
                    + "' is not lowercase and dotted like energy.substation");
        }
        List<String> words = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        for (String raw : written.split("\\s+")) {
            boolean stem = raw.endsWith("*");
            String body = stem ? raw.substring(0, raw.length() - 1) : raw;
            if (body.indexOf('*') >= 0) {
                throw new LexiconFormatException(source, number,
                        "'*' may only end a word, found it inside '" + raw + "'");
            }
            if (body.codePoints().anyMatch(TokenizedText::isSentencePunctuation)) {
                throw new LexiconFormatException(source, number, "word '" + raw
                        + "' contains sentence punctuation, which text matches never cross");
            }
            TokenizedText tokens = TokenizedText.of(body);
            if (tokens.count == 0) {
                throw new LexiconFormatException(source, number, "word '" + raw + "' has no letter or digit");
            }
            for (int i = 0; i < tokens.count; i++) {
                boolean last = i == tokens.count - 1;
                String folded = tokens.folded(i);
                if (stem && last && folded.length() < MIN_STEM_LENGTH) {
                    throw new LexiconFormatException(source, number, "stem '" + raw + "' is too short: a prefix needs at least "
                            + MIN_STEM_LENGTH + " letters before '*'");
                }
                words.add(folded);
                prefix.add(stem && last);
            }
        }
        return new LexiconTerm(language, kind, category, written, words, prefix, source, number, rank);
    }
}
