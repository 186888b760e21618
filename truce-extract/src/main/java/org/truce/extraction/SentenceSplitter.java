package org.truce.extraction;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;

/**
 * Splits a statement into sentences with OpenNLP's trained sentence models (French and English,
 * from the opennlp-models jars): a line never continues on the next, and within a line the model
 * decides, so that "M. Lavrov" or "U.S." do not end a sentence. Each line gets a language first.
 */
final class SentenceSplitter {

    private static final Map<Language, String> MODELS = Map.of(
            Language.FR, "/opennlp-fr-ud-gsd-sentence-1.3-2.5.4.bin",
            Language.EN, "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin");

    private final Map<Language, SentenceModel> models = new EnumMap<>(Language.class);
    private final LanguageGuess languages;

    SentenceSplitter(LanguageGuess languages) {
        this.languages = languages;
        for (Map.Entry<Language, String> e : MODELS.entrySet()) {
            try (InputStream in = SentenceSplitter.class.getResourceAsStream(e.getValue())) {
                if (in == null) {
                    throw new IllegalStateException("OpenNLP sentence model missing from the class path: " + e.getValue());
                }
                models.put(e.getKey(), new SentenceModel(in));
            } catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
    }

    /**
     * @param main the language of the whole text (lines too short to tell take it)
     * @param forced a language the user chose for every line, or null
     */
    List<Sentence> split(String text, Language main, Language forced) {
        // One detector per call: SentenceDetectorME keeps state and is not thread-safe.
        Map<Language, SentenceDetectorME> detectors = new EnumMap<>(Language.class);
        List<Sentence> sentences = new ArrayList<>();
        int lineStart = 0;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            String line = text.substring(lineStart, lineEnd);
            if (!line.isBlank()) {
                Language lang = forced != null ? forced : languages.guess(line, main);
                Language model = lang == Language.OTHER ? Language.EN : lang;
                SentenceDetectorME detector = detectors.computeIfAbsent(model, l -> new SentenceDetectorME(models.get(l)));
                for (opennlp.tools.util.Span s : detector.sentPosDetect(line)) {
                    int start = lineStart + s.getStart();
                    int end = lineStart + s.getEnd();
                    while (start < end && Character.isWhitespace(text.charAt(start))) {
                        start++;
                    }
                    while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
                        end--;
                    }
                    if (end > start) {
                        sentences.add(new Sentence(sentences.size() + 1, Span.of(text, start, end), lang));
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return sentences;
    }
}
