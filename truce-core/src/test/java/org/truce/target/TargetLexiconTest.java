package org.truce.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** FEATURE UNDER TEST: how matches are found and how a reading is decided, independent of language. */
class TargetLexiconTest {

    private static final TargetLexicon LEXICON = TargetLexicon.builtIn();

    @Test
    void explicitTargetWinsOverNotes() {
        TargetReading reading = LEXICON.read("oil depot", "Shelling damaged a hospital; the district is without power.");

        assertThat(reading.namedCategories()).as("the target field names something, so the notes do not decide")
                .containsExactly("energy.oil_depot");
        assertThat(((TargetReading.Named) reading).field()).isEqualTo(TargetMatch.TARGET_FIELD);
        assertThat(reading.hints()).as("hints of the notes are kept as evidence")
                .extracting(TargetMatch::matchedText).containsExactly("without power");
    }

    @Test
    void notesDecideWhenTheTargetFieldNamesNothing() {
        TargetReading reading = LEXICON.read("unknown object, outage reported", "A drone hit the substation.");

        assertThat(reading.namedCategories()).containsExactly("energy.substation");
        assertThat(reading.hints()).extracting(TargetMatch::field).containsExactly(TargetMatch.TARGET_FIELD);
    }

    @Test
    void aCategoryCodeAsExplicitTargetReadsAsItself() {
        assertThat(LEXICON.read("energy.pipeline_station", "").namedCategories())
                .containsExactly("energy.pipeline_station");
    }

    @Test
    void aSpecificCategoryMakesTheGenericOneOfItsDomainRedundant() {
        TargetReading.Named reading = (TargetReading.Named) LEXICON.read("",
                "Attack on energy infrastructure: a substation and a power line were damaged.");

        assertThat(reading.categories()).containsExactly("energy.substation", "energy.power_line");
        assertThat(reading.matches()).as("the generic match stays in the evidence")
                .extracting(TargetMatch::category)
                .containsExactly("energy.infrastructure", "energy.substation", "energy.power_line");
        assertThat(reading.category()).isEqualTo("energy.substation");
    }

    @Test
    void energyAndNonEnergyNamesAreAllReturnedForTheCallerToWeigh() {
        TargetReading reading = LEXICON.read("", "Missiles hit a hospital and a нафтобаза nearby.");

        assertThat(reading.namedCategories()).containsExactly("health.hospital", "energy.oil_depot");
        assertThat(reading.names(category -> category.startsWith("energy."))).isTrue();
        assertThat(reading.names(category -> category.startsWith("military."))).isFalse();
    }

    @Test
    void evidenceQuotesTheSourceTextWithItsOffset() {
        String notes = "Удар по подстанции «Восточная». Drones also hit the SUBSTATION at Nova.";
        List<TargetMatch> matches = LEXICON.findAll(TargetMatch.NOTES_FIELD, notes);

        assertThat(matches).hasSize(2);
        TargetMatch second = matches.get(1);
        assertThat(second.matchedText()).isEqualTo("SUBSTATION");
        assertThat(notes.substring(second.offset(), second.endOffset())).isEqualTo("SUBSTATION");
        assertThat(second.term()).isEqualTo("substation");
        assertThat(second.language()).isEqualTo("en");
        assertThat(matches.get(0).language()).isEqualTo("ru");
        assertThat(matches.get(0).term()).isEqualTo("подстанци*");
    }

    @Test
    void theLongestOfOverlappingTermsWins() {
        assertThat(LEXICON.read("", "Fire at an oil pumping station.").namedCategories())
                .containsExactly("energy.pipeline_station");
        assertThat(LEXICON.read("", "Fire at a water pumping station.").namedCategories())
                .containsExactly("water.pumping_station");
        assertThat(LEXICON.read("", "Fire at a pumping station.").namedCategories())
                .containsExactly("water.pumping_station");
    }

    @Test
    void ignorePhrasesMaskOnlyTheirOwnWords() {
        TargetReading reading = LEXICON.read("", "The energy truce did not hold: energy infrastructure was hit in Odesa.");

        assertThat(reading.namedCategories()).containsExactly("energy.infrastructure");
        assertThat(reading.ignored()).extracting(IgnoredPhrase::matchedText).containsExactly("energy truce");
        assertThat(LEXICON.findIgnored(TargetMatch.NOTES_FIELD, "energy ceasefire; Energy Moratorium"))
                .extracting(IgnoredPhrase::term).containsExactly("energy ceasefire", "energy moratorium");
    }

    @Test
    void wordsMatchWholeNotInsideOtherWords() {
        assertThat(LEXICON.findAll(TargetMatch.NOTES_FIELD,
                "Reports say the transport damage was minor; airports reopened.")).as("no 'port', no 'dam'")
                .extracting(TargetMatch::category).containsExactly("transport.airport");
    }

    @Test
    void accentsCaseMarksAndApostrophesAreFolded() {
        String decomposed = "centrale e\u0301lectrique";
        assertThat(LEXICON.read("", decomposed).namedCategories()).containsExactly("energy.power_plant");
        assertThat(LEXICON.read("", "CENTRALE ELECTRIQUE").namedCategories()).containsExactly("energy.power_plant");
        for (String apostrophe : List.of("'", "\u2019", "\u02BC")) {
            assertThat(LEXICON.read("", "влучання в об" + apostrophe + "єкт енергетики").namedCategories())
                    .as("apostrophe U+%04X", (int) apostrophe.charAt(0))
                    .containsExactly("energy.infrastructure");
        }
        assertThat(LEXICON.read("", "sub\u00ADstation").namedCategories()).as("soft hyphen")
                .containsExactly("energy.substation");
    }

    @Test
    void charactersOutsideTheBasicPlaneKeepOffsetsRight() {
        String notes = "\uD83D\uDD25\u26A1 substation hit \uD83D\uDE80";
        TargetMatch match = LEXICON.findAll(TargetMatch.NOTES_FIELD, notes).get(0);

        assertThat(match.offset()).isEqualTo(4);
        assertThat(match.matchedText()).isEqualTo("substation");
    }

    @Test
    void emptyOrMissingTextReadsAsNothing() {
        assertThat(LEXICON.read(null, null)).isEqualTo(new TargetReading.Nothing(List.of()));
        assertThat(LEXICON.read("", "   ").explain()).isEqualTo("names no target");
        assertThat(LEXICON.findAll(TargetMatch.NOTES_FIELD, "")).isEmpty();
    }

    @Test
    void findAllNeedsAFieldName() {
        assertThatThrownBy(() -> LEXICON.findAll("", "substation")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtInIsLoadedOnce() {
        assertThat(TargetLexicon.builtIn()).isSameAs(LEXICON);
        assertThat(LEXICON.languages()).containsExactly("en", "fr", "uk", "ru");
    }

    @Test
    void readingsRejectInconsistentParts() {
        TargetMatch hint = new TargetMatch("energy.infrastructure", TargetStrength.HINT, "en", "blackout*", "blackout",
                TargetMatch.NOTES_FIELD, 0);
        assertThatThrownBy(() -> new TargetReading.Named(List.of("energy.substation"), List.of(hint), List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TargetReading.HintOnly(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        TargetMatch named = new TargetMatch("energy.dam", TargetStrength.NAMED, "en", "dam", "dam",
                TargetMatch.NOTES_FIELD, 3);
        assertThatThrownBy(() -> new TargetReading.Named(List.of("energy.refinery"), List.of(named), List.of(), List.of()))
                .as("a category without a match").isInstanceOf(IllegalArgumentException.class);
    }
}
