package org.truce.extraction;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells French from English by their most frequent words ({@code <lang>/stopwords.txt}), and
 * both from Cyrillic text. Enough for statements, which are long; a line too short to tell takes
 * the language of the whole text.
 */
final class LanguageGuess {

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final int MIN_EVIDENCE = 3;

    private final Map<Language, Set<String>> stopwords = new EnumMap<>(Language.class);

    LanguageGuess() {
        for (Language l : new Language[] {Language.FR, Language.EN}) {
            Set<String> words = new HashSet<>();
            for (ResourceTable.Row row : ResourceTable.load(l.code() + "/stopwords.txt").rows()) {
                for (String w : row.cell(0).trim().split("\\s+")) {
                    words.add(w);
                }
            }
            stopwords.put(l, words);
        }
    }

    /** Scores of the text; a text with more Cyrillic than Latin letters is {@link Language#OTHER}. */
    Map<Language, Integer> score(CharSequence text) {
        Map<Language, Integer> score = new EnumMap<>(Language.class);
        score.put(Language.FR, 0);
        score.put(Language.EN, 0);
        score.put(Language.OTHER, 0);
        int cyrillic = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); i++) {
            Character.UnicodeScript script = Character.UnicodeScript.of(text.charAt(i));
            if (script == Character.UnicodeScript.CYRILLIC) {
                cyrillic++;
            } else if (script == Character.UnicodeScript.LATIN) {
                latin++;
            }
        }
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            for (Map.Entry<Language, Set<String>> e : stopwords.entrySet()) {
                if (e.getValue().contains(w)) {
                    score.merge(e.getKey(), 1, Integer::sum);
                }
            }
        }
        if (cyrillic > latin) {
            score.put(Language.OTHER, cyrillic);
        }
        return score;
    }

    /** The language of a piece of text, or {@code fallback} when it gives too little to tell. */
    Language guess(CharSequence text, Language fallback) {
        Map<Language, Integer> s = score(text);
        if (s.get(Language.OTHER) > 0) {
            return Language.OTHER;
        }
        int fr = s.get(Language.FR);
        int en = s.get(Language.EN);
        if (fr + en < MIN_EVIDENCE || fr == en) {
            return fallback;
        }
        return fr > en ? Language.FR : Language.EN;
    }
}
