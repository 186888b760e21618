package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST: the byte-level screen in front of the lexicon. It may say yes to a text the
 * lexicon finds nothing in, never no to a text where the lexicon finds a named or hint match of a
 * chosen category.
 */
class TargetScreenTest {

    static final TargetLexicon LEXICON = TargetLexicon.builtIn();
    static final Predicate<String> ENERGY = c -> c.startsWith("energy.");
    static final Predicate<String> ANY = c -> true;
    static final TargetScreen ENERGY_SCREEN = LEXICON.screen(ENERGY);
    static final TargetScreen ANY_SCREEN = LEXICON.screen(ANY);

    static boolean lexiconFinds(String text, Predicate<String> categories) {
        TargetReading reading = LEXICON.read(null, text);
        return reading.names(categories) || reading.hintsAt(categories);
    }

    static boolean screens(TargetScreen screen, String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        // Also from an offset inside a larger buffer, as the CSV reader passes fields.
        byte[] padded = ("x,\"" + text + "\",y").getBytes(StandardCharsets.UTF_8);
        int from = 3;
        boolean whole = screen.mayMatch(utf8, 0, utf8.length);
        boolean inPlace = screen.mayMatch(padded, from, from + utf8.length);
        assertThat(inPlace).as("same answer in place: %s", text).isEqualTo(whole);
        assertThat(screen.mayMatch(text)).as("same answer on the String: %s", text).isEqualTo(whole);
        return whole;
    }

    /** A text word for each word of the term: stems get an ending, as inflected text has. */
    static String spelled(LexiconTerm term, boolean upper) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < term.size(); i++) {
            String w = term.word(i) + (term.isPrefix(i) ? "ою" : "");
            words.add(upper ? w.toUpperCase(java.util.Locale.ROOT) : w);
        }
        return String.join(" ", words);
    }

    @Test
    void everyTermOfTheBuiltInLexiconIsLetThroughInEveryContext() {
        int checked = 0;
        int found = 0;
        for (LexiconTerm term : LEXICON.terms()) {
            for (boolean upper : new boolean[] {false, true}) {
                String t = spelled(term, upper);
                for (String text : List.of(t, "Overnight, drones hit the " + t + ".", "(" + t + ")", "«" + t + "»",
                        "Des frappes sur " + t + ", selon l'armée", "Удар по " + t + "; пожежа")) {
                    for (Predicate<String> categories : List.of(ENERGY, ANY)) {
                        boolean lexicon = lexiconFinds(text, categories);
                        boolean screen = screens(categories == ENERGY ? ENERGY_SCREEN : ANY_SCREEN, text);
                        if (lexicon) {
                            found++;
                            assertThat(screen).as("term '%s' (%s) in: %s", term.written, term.category, text).isTrue();
                        }
                        checked++;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(5000);
        // The lexicon finds most terms spelled out; the check above is not vacuous.
        assertThat(found).isGreaterThan(checked / 3);
    }

    @Test
    void aNoteWithoutTargetWordsIsScreenedOut() {
        for (String note : List.of(
                "On 24 June 2025, Russian forces carried out a drone strike on Velyivka (Zaporizhia). [size=around 10]",
                "Le 3 avril 2025, des tirs d'artillerie ont visé le village ; aucune victime signalée.",
                "Російські війська обстріляли околиці села, повідомили місцеві жителі.",
                "Украинские военные сообщили об обстреле окраины города.", "")) {
            assertThat(lexiconFinds(note, ENERGY)).as(note).isFalse();
            assertThat(screens(ENERGY_SCREEN, note)).as(note).isFalse();
        }
    }

    @Test
    void wordsAreCutAsTheTokeniserCutsThem() {
        // An apostrophe between Cyrillic letters stays inside the word; elsewhere it cuts.
        assertThat(screens(ANY_SCREEN, "пошкоджено об'єкт енергетики")).isEqualTo(lexiconFinds("пошкоджено об'єкт енергетики", ANY));
        // A soft hyphen inside a word is invisible; accents and case fold away.
        assertThat(screens(ENERGY_SCREEN, "a sub\u00ADstation was hit")).isTrue();
        assertThat(screens(ENERGY_SCREEN, "une CENTRALE ÉLECTRIQUE touchée")).isTrue();
        // A term's first word glued to another word is not that word.
        assertThat(screens(ENERGY_SCREEN, "substationary")).isFalse();
    }

    @Test
    void bytesThatAreNotUtf8AreLetThrough() {
        byte[] bad = {'a', ' ', (byte) 0xC3, ' ', 'b'};
        assertThat(ENERGY_SCREEN.mayMatch(bad, 0, bad.length)).isTrue();
        byte[] cut = "подстанция".getBytes(StandardCharsets.UTF_8);
        assertThat(ENERGY_SCREEN.mayMatch(cut, 0, 3)).isTrue();
    }

    @Test
    void aScreenOfNoCategoryLetsNothingThrough() {
        TargetScreen none = LEXICON.screen(c -> false);
        assertThat(screens(none, "power plant, substation, підстанція")).isFalse();
    }

    @Property(tries = 2000)
    void neverSaysNoWhereTheLexiconFindsAChosenCategory(@ForAll("texts") String text) {
        if (lexiconFinds(text, ENERGY)) {
            assertThat(screens(ENERGY_SCREEN, text)).as(text).isTrue();
        }
        if (lexiconFinds(text, ANY)) {
            assertThat(screens(ANY_SCREEN, text)).as(text).isTrue();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        List<String> vocabulary = new ArrayList<>();
        for (LexiconTerm term : LEXICON.terms()) {
            for (int i = 0; i < term.size(); i++) {
                vocabulary.add(term.word(i));
            }
        }
        vocabulary.addAll(List.of("drone", "strike", "on", "the", "frappe", "sur", "la", "удар", "по", "обстріл",
                "Velyivka", "Zaporizhia", "2025", "об", "єкт", "l", "d", "EnErGiE", "ÉLECTRIQUE", "ПІДСТАНЦІЯ"));
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(vocabulary),
                Arbitraries.strings().withChars("aeéiouнпдстаціяїґ'ʼ\u0301\u00AD-").ofMinLength(1).ofMaxLength(8));
        Arbitrary<String> gap = Arbitraries.of(" ", "  ", ", ", ". ", "'", "’", "ʼ", "-", "\u00AD", "\u0301", "\n",
                "\"", "(", ") ", "…", "ою", "s ", "");
        return Arbitraries.oneOf(word, gap).list().ofMaxSize(14).map(parts -> String.join("", parts));
    }
}
