package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST (issue 3, assessment at scale): a moratorium decides on the terms the
 * lexicon chose ({@link ChosenTerms}) and makes the {@link TargetReading} only when a trace
 * sentence is written. The lazy answers must be the eager reading's, and the reading made
 * later must be the one the word list gives ({@link WordListReading}), on many texts, with one
 * walk reused from text to text and on several threads at once.
 */
class ChosenTermsIssue3Test {

    static final TargetLexicon LEXICON = TargetLexiconReadIssue3Test.LEXICON;
    static final WordListReading WORD_LIST = TargetLexiconReadIssue3Test.WORD_LIST;

    /** Category tests of different shapes, generic categories among them (they can be made redundant). */
    static final Map<String, Predicate<String>> TESTS = Map.of(
            "energy", c -> c.startsWith("energy."),
            "any", c -> true,
            "none", c -> false,
            "generic energy only", "energy.infrastructure"::equals,
            "any generic", c -> c.endsWith(".infrastructure"),
            "substation", "energy.substation"::equals);

    static void sameAsTheEagerReading(String target, String notes) {
        ChosenTerms chosen = LEXICON.choose(target, notes);
        TargetReading eager = WORD_LIST.read(target, notes);
        assertThat(chosen.reading()).as("reading of target %s, notes %s", target, notes).isEqualTo(eager);
        assertThat(chosen.explain()).as("sentence of target %s, notes %s", target, notes).isEqualTo(eager.explain());
        assertThat(chosen.namesAny()).as("names any: %s / %s", target, notes)
                .isEqualTo(!eager.namedCategories().isEmpty());
        TESTS.forEach((name, test) -> {
            assertThat(chosen.names(test)).as("names %s: %s / %s", name, target, notes).isEqualTo(eager.names(test));
            assertThat(chosen.hintsAt(test)).as("hints at %s: %s / %s", name, target, notes)
                    .isEqualTo(eager.hintsAt(test));
        });
    }

    @Property(tries = 3000)
    void answersAsTheEagerReadingDoes(@ForAll("texts") String text, @ForAll("texts") String other) {
        sameAsTheEagerReading(null, text);
        sameAsTheEagerReading(text, other);
        sameAsTheEagerReading(other, "");
    }

    @Test
    void aGenericCategoryDroppedFromTheReadingIsNotNamed() {
        String notes = "Drones hit energy infrastructure near the city; a substation burned.";
        ChosenTerms chosen = LEXICON.choose("", notes);
        assertThat(chosen.reading().namedCategories()).containsExactly("energy.substation");
        assertThat(chosen.names("energy.infrastructure"::equals)).as("made redundant by the substation").isFalse();
        assertThat(chosen.names("energy.substation"::equals)).isTrue();
        assertThat(chosen.reading().explain()).isEqualTo("names energy.substation (word 'substation' in notes)");
    }

    @Test
    void sentencesOfEveryKindAreWrittenStraightFromTheChosenTerms() {
        ChosenTerms hint = LEXICON.choose("power outages", "blackout after the strike; power outages again");
        assertThat(hint.explain()).isEqualTo(hint.reading().explain()).startsWith("names no target; suggests ")
                .contains("(phrase 'power outages' in target)");
        ChosenTerms ignored = LEXICON.choose("", "Talks on the energy truce went on.");
        assertThat(ignored.explain()).isEqualTo(ignored.reading().explain())
                .isEqualTo("names no target; set aside 'energy truce' in notes (mentions that are not targets)");
        assertThat(LEXICON.choose(null, null).explain()).isEqualTo("names no target");
    }

    @Test
    void theTargetFieldDecidesWhenItNamesSomething() {
        ChosenTerms chosen = LEXICON.choose("hospital", "a strike on the substation");
        assertThat(chosen.names("energy.substation"::equals)).as("the notes are not asked").isFalse();
        assertThat(chosen.namesAny()).isTrue();
        assertThat(chosen.reading()).isEqualTo(WORD_LIST.read("hospital", "a strike on the substation"));
    }

    @Test
    void aReadingMadeLaterIsTheSameAfterTheWalkReadOtherTexts() {
        String notes = "The energy truce did not hold: energy infrastructure was hit. Energy workers are on site.";
        ChosenTerms first = LEXICON.choose(null, notes);
        // The thread's walk reads other, longer texts before the first reading is made.
        for (int i = 0; i < 50; i++) {
            LEXICON.choose("oil depot " + i, "power outages after a strike on the thermal power plant; " + notes);
        }
        assertThat(first.reading()).isEqualTo(WORD_LIST.read(null, notes));
        assertThat(first.reading().ignored()).extracting(IgnoredPhrase::matchedText)
                .containsExactly("energy truce", "Energy workers");
    }

    @Test
    void threadsReadingAtOnceGetTheirOwnAnswers() throws Exception {
        List<String> texts = new ArrayList<>();
        for (LexiconTerm term : LEXICON.terms()) {
            texts.add("Overnight, drones hit the " + TargetLexiconReadIssue3Test.spelled(term) + " near the river.");
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int offset = t;
                done.add(pool.submit(() -> {
                    int named = 0;
                    for (int k = 0; k < texts.size(); k++) {
                        String text = texts.get((k + offset * 97) % texts.size());
                        ChosenTerms chosen = LEXICON.choose(null, text);
                        assertThat(chosen.reading()).as(text).isEqualTo(WORD_LIST.read(null, text));
                        named += chosen.namesAny() ? 1 : 0;
                    }
                    return named;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get()).as("not vacuous: most terms name something").isGreaterThan(texts.size() / 2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return new TargetLexiconReadIssue3Test().texts();
    }
}
