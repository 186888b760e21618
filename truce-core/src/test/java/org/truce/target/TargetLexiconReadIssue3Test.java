package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST (issue 3, assessment at scale): the lexicon reads a text in one pass
 * ({@link TermWalk}) instead of cutting it into a word list first. Every reading, match, quoted
 * word, offset and ignored phrase must be the word list's ({@link WordListReading}), and the
 * screen must now say yes exactly when all words of a chosen term follow each other.
 */
class TargetLexiconReadIssue3Test {

    static final TargetLexicon LEXICON = TargetLexicon.builtIn();
    static final WordListReading WORD_LIST = new WordListReading(LEXICON);
    static final Predicate<String> ENERGY = c -> c.startsWith("energy.");
    static final TargetScreen ENERGY_SCREEN = LEXICON.screen(ENERGY);
    static final TargetScreen ANY_SCREEN = LEXICON.screen(c -> true);

    /** What the word list finds before choosing: some named or hint term of a chosen category, whole. */
    static boolean wholeTermOf(String text, Predicate<String> categories) {
        for (LexiconTerm term : WORD_LIST.candidates(text)) {
            if (term.kind != TermKind.IGNORE && categories.test(term.category)) {
                return true;
            }
        }
        return false;
    }

    /** The screen's answer on the String, on its UTF-8 bytes and on those bytes inside a larger buffer. */
    static boolean screened(TargetScreen screen, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        byte[] padded = ("ab,\"" + text + "\",cd").getBytes(StandardCharsets.UTF_8);
        boolean onString = screen.mayMatch(text);
        // Lone surrogates have no UTF-8 form (they become '?'), so only the String is asked then.
        if (!hasLoneSurrogate(text)) {
            assertThat(screen.mayMatch(utf8, 0, utf8.length)).as("bytes: %s", text).isEqualTo(onString);
            assertThat(screen.mayMatch(padded, 4, 4 + utf8.length)).as("bytes in place: %s", text).isEqualTo(onString);
        }
        return onString;
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1)))) {
                return true;
            }
            if (Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)))) {
                return true;
            }
        }
        return false;
    }

    static void sameAsTheWordList(String target, String notes) {
        assertThat(LEXICON.read(target, notes)).as("target %s, notes %s", target, notes)
                .isEqualTo(WORD_LIST.read(target, notes));
    }

    @Property(tries = 3000)
    void readsExactlyAsTheWordListDoes(@ForAll("texts") String text, @ForAll("texts") String other) {
        sameAsTheWordList(null, text);
        sameAsTheWordList(text, other);
        sameAsTheWordList(other, text);
    }

    @Property(tries = 3000)
    void screensYesExactlyWhenAWholeChosenTermIsThere(@ForAll("texts") String text) {
        assertThat(screened(ENERGY_SCREEN, text)).as("energy: %s", text).isEqualTo(wholeTermOf(text, ENERGY));
        assertThat(screened(ANY_SCREEN, text)).as("any: %s", text).isEqualTo(wholeTermOf(text, c -> true));
    }

    @Test
    void everyTermReadsAsTheWordListReadsIt() {
        int named = 0;
        for (LexiconTerm term : LEXICON.terms()) {
            String spelled = spelled(term);
            for (String text : List.of(spelled, "Overnight, drones hit the " + spelled.toUpperCase(Locale.ROOT) + ".",
                    "«" + spelled + "»; " + spelled, "Удар по " + spelled + ", пожежа", spelled + "s " + spelled)) {
                sameAsTheWordList(null, text);
                sameAsTheWordList(text, "");
                assertThat(screened(ANY_SCREEN, text)).as(text).isEqualTo(wholeTermOf(text, c -> true));
                named += LEXICON.read(null, text) instanceof TargetReading.Named ? 1 : 0;
            }
        }
        assertThat(named).as("not vacuous: most spelled terms name something").isGreaterThan(1000);
    }

    @Test
    void theBenchmarksNotesWithoutAWholeTermAreScreenedOut() {
        // Each starts a term's first word ('no' electricity, 'energy' infrastructure, 'weapons'
        // depot, 'heating' plant) without the rest: the first-word screen let all of them through.
        for (String note : List.of(
                "On 3 February 2025, Russian forces attacked civilians in Vilniaus, Vilniaus. [size=no report]",
                "On 7 June 2025, Russian forces reported activity near Lysiivka: disrupted weapons use. [size=around 10]",
                "The energy sector said heating would resume; no comment.")) {
            assertThat(screened(ANY_SCREEN, note)).as(note).isFalse();
            assertThat(LEXICON.read(null, note)).as(note).isInstanceOf(TargetReading.Nothing.class);
        }
        String outage = "Officials said the strike hit a \"critical infrastructure facility\", causing power outages.";
        assertThat(screened(ENERGY_SCREEN, outage)).isTrue();
        assertThat(LEXICON.read(null, outage).explain()).isEqualTo("names no target; suggests energy.infrastructure"
                + " (phrase 'critical infrastructure' in notes)");
    }

    @Test
    void aTermNeverSpansASentenceBreak() {
        assertThat(screened(ENERGY_SCREEN, "the power. Plant")).isFalse();
        assertThat(screened(ENERGY_SCREEN, "the power, plant")).isFalse();
        // Punctuation glued to the next word is no break.
        assertThat(screened(ENERGY_SCREEN, "the power.plant")).isTrue();
        assertThat(LEXICON.read(null, "the power.plant").explain())
                .isEqualTo("names energy.power_plant (word 'power.plant' in notes)");
    }

    @Test
    void aWordThatFoldsToNothingIsNoWordAndTakesTheBreakBeforeItAlong() {
        // U+FF9E is a letter whose fold is empty: the word list drops it, and with it the break
        // that came before it. The walk keeps that behaviour rather than invent another.
        String text = "power. \uFF9E plant";
        sameAsTheWordList(null, text);
        assertThat(screened(ENERGY_SCREEN, text)).isEqualTo(wholeTermOf(text, ENERGY)).isTrue();
    }

    @Test
    void quotedWordsKeepTheirSourceFormMarksAndOffsets() {
        String text = "Вчора пошкоджено об\u02BCєкт; SUB\u00ADSTA\u0301TION hit, ﬁre at the oil depot";
        sameAsTheWordList(null, text);
        TargetReading reading = LEXICON.read(null, text);
        assertThat(reading.namedCategories()).contains("energy.substation");
        TargetMatch substation = ((TargetReading.Named) reading).evidenceFor("energy.substation").get(0);
        assertThat(substation.matchedText()).isEqualTo("SUB\u00ADSTA\u0301TION");
        assertThat(substation.offset()).isEqualTo(text.indexOf("SUB"));
    }

    @Test
    void ignoredPhrasesAreMaskedAsBefore() {
        String text = "The energy truce did not hold: energy infrastructure was hit. Energy workers are on site.";
        sameAsTheWordList(null, text);
        TargetReading reading = LEXICON.read(null, text);
        assertThat(reading.ignored()).extracting(IgnoredPhrase::matchedText).containsExactly("energy truce",
                "Energy workers");
        assertThat(reading.namedCategories()).containsExactly("energy.infrastructure");
    }

    /** A text word for each word of the term: stems get an inflected ending. */
    static String spelled(LexiconTerm term) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < term.size(); i++) {
            words.add(term.word(i) + (term.isPrefix(i) ? "ами" : ""));
        }
        return String.join(" ", words);
    }

    @Provide
    Arbitrary<String> texts() {
        List<String> vocabulary = new ArrayList<>();
        for (LexiconTerm term : LEXICON.terms()) {
            for (int i = 0; i < term.size(); i++) {
                String w = term.word(i);
                vocabulary.add(w);
                // Neighbours: the word cut short, run on, or inflected.
                vocabulary.add(w.substring(0, Math.max(1, w.length() - 1)));
                vocabulary.add(w + "s");
                vocabulary.add(w + "ою");
            }
            vocabulary.add(term.written);
        }
        vocabulary.addAll(List.of("drone", "strike", "on", "the", "no", "report", "size", "frappe", "sur", "la",
                "удар", "по", "обстріл", "Velyivka", "2025", "об", "єкт", "l", "d", "EnErGiE", "ÉLECTRIQUE",
                "ПІДСТАНЦІЯ", "Ёлка", "ﬁ", "İ", "𝐏ower", "Maly'iansk", "ｐｏｗｅｒ", "\uFF9E"));
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(vocabulary),
                Arbitraries.of(vocabulary).map(w -> w.toUpperCase(Locale.ROOT)),
                Arbitraries.strings().withChars("aeéiouнпдстаціяїґ'ʼ\u0301\u00AD\u200D-ßﬃ\uFF9E")
                        .ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> gap = Arbitraries.of(" ", " ", " ", "  ", ", ", ". ", ".", "; ", ": ", "! ", "? ", "… ",
                "'", "’", "ʼ", "`", "-", "\u00AD", "\u200B", "\u0301", "\n", "\r\n", "\t", "\"", "«", "»", "(", ") ",
                "¿", "。", "ою", "s ", "\uD83D\uDE00", "\uD800", "\uDC00", "");
        return Arbitraries.oneOf(word, gap, gap).list().ofMaxSize(16).map(parts -> String.join("", parts));
    }
}
