package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.extraction.output.ItemFiles;
import org.truce.format.agreement.AgreementJson;

/**
 * FEATURE UNDER TEST: issue 5, the fixes made after the first run on the second held-out set
 * (docs/extraction.md). One nested class per family of misses; each uses sentences of its own,
 * not the held-out ones, so that it shows the family is covered and not only the sentence.
 */
class GeneralisedRulesTest {

    private static final Extractor EXTRACTOR = Extractor.standard();

    private static Extraction extraction(String text, Language lang, String published) {
        return EXTRACTOR.extract(text, lang, LocalDate.parse(published), "test");
    }

    private static Set<String> keys(String text, Language lang, String published) {
        return extraction(text, lang, published).items().stream().flatMap(i -> i.keys().stream())
                .collect(Collectors.toSet());
    }

    @Nested
    class CountsWrittenInWords {

        @Test
        void englishAndFrenchNumberWordsCombineIntoOneValue() {
            Map<String, Integer> en = Map.of("two", 2, "forty", 40, "six", 6, "hundred", 100, "thousand", 1000,
                    "five", 5);
            assertThat(WrittenNumber.parse("two hundred and forty-six", w -> Optional.ofNullable(en.get(w))))
                    .contains(246);
            assertThat(WrittenNumber.parse("five thousand two hundred", w -> Optional.ofNullable(en.get(w))))
                    .contains(5200);
            Map<String, Integer> fr = Map.of("quatre", 4, "vingt", 20, "dix", 10, "deux", 2, "cents", 100,
                    "mille", 1000, "soixante", 60);
            assertThat(WrittenNumber.parse("quatre-vingt-dix", w -> Optional.ofNullable(fr.get(w)))).contains(90);
            assertThat(WrittenNumber.parse("deux mille deux cents", w -> Optional.ofNullable(fr.get(w))))
                    .contains(2200);
            assertThat(WrittenNumber.parse("soixante-dix", w -> Optional.ofNullable(fr.get(w)))).contains(70);
            assertThat(WrittenNumber.parse("deux douzaines", w -> Optional.ofNullable(fr.get(w)))).isEmpty();
        }

        @Test
        void aCountInWordsWithTheSameNumberFromTheOtherSideIsAPerSideCount() {
            assertThat(keys("Three hundred Russian servicemen were swapped for the same number of Ukrainian defenders.",
                    Language.EN, "2025-06-10")).contains("exchange:300").doesNotContain("exchange:total=300");
            assertThat(keys("Cent cinquante prisonniers russes ont été libérés en échange d'autant de soldats ukrainiens.",
                    Language.FR, "2025-06-10")).contains("exchange:150").doesNotContain("exchange:total=150");
        }
    }

    @Nested
    class ExchangeNumbersAndDays {

        @Test
        void aPairWithWordsBetweenItsTwoNumbersIsPerSide() {
            assertThat(keys("Kyiv and Moscow will trade 500 detainees for 500 next week.", Language.EN, "2025-06-02"))
                    .contains("exchange:500").doesNotContain("exchange:total=500", "exchange:total=1000");
            assertThat(keys("Les deux camps ont échangé 84 militaires ukrainiens contre 84 soldats russes.",
                    Language.FR, "2025-06-02")).contains("exchange:84");
        }

        @Test
        void theDaySomeoneSpokeIsNotTheDayOfTheExchangeHeAnnounced() {
            Set<String> keys = keys("Both sides will release 90 prisoners each, Umerov said on Monday.", Language.EN,
                    "2025-06-04");
            assertThat(keys).contains("exchange:90", "date:2025-06-02");
            assertThat(keys).noneMatch(k -> k.startsWith("exchange:date="));
        }

        @Test
        void peopleReceivedOrBroughtBackByOneSideAreThatSidesNumber() {
            assertThat(keys("Kyiv received 212 Ukrainians from Russian captivity on Tuesday.", Language.EN, "2025-06-12"))
                    .contains("exchange:212", "exchange:date=2025-06-10");
        }
    }

    @Nested
    class AccusationsAndDenials {

        @Test
        void anAccusationMadeBySayingTheOtherSideStruckAnEnergySiteIsAnAccusation() {
            assertThat(keys("The Kremlin said Ukrainian drones had damaged a power line in Belgorod.", Language.EN,
                    "2025-04-02")).contains("claim:accusation:kremlin");
            assertThat(keys("Le Kremlin a affirmé que des drones ukrainiens avaient touché une raffinerie près de Krasnodar.",
                    Language.FR, "2025-04-02")).contains("claim:accusation:kremlin");
            assertThat(keys("Zelensky said Russia launched 120 drones overnight, hitting a power substation in Kharkiv.",
                    Language.EN, "2025-04-02")).contains("claim:accusation:zelensky");
        }

        @Test
        void aViolationNamedFarFromTheVerbOfSayingStillMakesAnAccusation() {
            assertThat(keys("Ukraine's General Staff said Russian missiles hit an oil depot near Odesa late on Sunday night,"
                    + " setting it on fire in breach of the energy moratorium agreed last month.", Language.EN,
                    "2025-04-08")).contains("claim:accusation:ukrainian_army", "measure:strike_halt");
        }

        @Test
        void firingDespiteATruceIsAViolation() {
            assertThat(keys("Russia's army kept shelling Kherson despite the Easter truce, Zelensky said.", Language.EN,
                    "2025-04-20")).contains("claim:accusation:zelensky", "measure:ceasefire");
        }

        @Test
        void accordingToAPartyThatTheOtherViolatedATruceIsItsAccusationNotAReport() {
            Set<String> keys = keys("Selon l'état-major ukrainien, l'armée russe a frappé une centrale à Kharkiv"
                    + " en violation de la trêve énergétique.", Language.FR, "2025-04-08");
            assertThat(keys).contains("claim:accusation:ukrainian_army").doesNotContain("claim:report:ukrainian_army");
        }

        @Test
        void aDenialAndACounterAccusationInOneSentenceAreBothRead() {
            assertThat(keys("The Russian Defence Ministry denied hitting any energy site and accused Kyiv of staging"
                    + " the attack.", Language.EN, "2025-04-08"))
                    .contains("claim:denial:russian_mod", "claim:accusation:russian_mod");
        }

        @Test
        void theSpeakerIsThePersonNamedNearestTheVerb() {
            assertThat(keys("Ukrainian Foreign Minister Andrii Sybiha denied the report.", Language.EN, "2025-04-08"))
                    .contains("claim:denial:sybiha").doesNotContain("claim:denial:ukrainian");
        }
    }

    @Nested
    class WhoTakesAStance {

        @Test
        void aVerbAfterAndSharesTheSubjectOfTheSentence() {
            assertThat(keys("Macron said the Kremlin kept stalling and urged Moscow to accept a full ceasefire.",
                    Language.EN, "2025-03-20"))
                    .contains("stance:ceasefire:FR:proposed")
                    .doesNotContain("stance:ceasefire:RU:accepted", "stance:ceasefire:RU:proposed");
            assertThat(keys("Kiev a jugé la proposition russe insuffisante et a réclamé une trêve de trente jours.",
                    Language.FR, "2025-04-29"))
                    .contains("stance:ceasefire:UA:proposed", "duration:30d")
                    .doesNotContain("stance:ceasefire:RU:proposed");
        }

        @Test
        void aTitleBetweenTwoJoinedPartiesKeepsThemTogether() {
            assertThat(keys("Trump and President Zelensky agreed on a halt to strikes on energy plants.", Language.EN,
                    "2025-03-20")).contains("stance:strike_halt:US:accepted", "stance:strike_halt:UA:accepted");
        }

        @Test
        void theAgreementOfAPartyIsThatPartysAcceptanceNotTheWelcomersOne() {
            Set<String> keys = keys("Washington welcomed the agreement of Kyiv to a 30-day truce.", Language.EN,
                    "2025-03-12");
            assertThat(keys).contains("stance:ceasefire:UA:accepted").doesNotContain("stance:ceasefire:US:accepted");
        }

        @Test
        void anAnnouncedTruceIsTheAnnouncersCommitment() {
            // Counted in hours as the text counts it (duration:Nh), as the annotation conventions say.
            assertThat(keys("The Kremlin announced a 72-hour truce for the holiday.", Language.EN, "2025-04-28"))
                    .contains("stance:ceasefire:RU:accepted", "duration:72h");
            assertThat(keys("Moscou a annoncé une trêve de trois jours pour les commémorations.", Language.FR,
                    "2025-04-28")).contains("stance:ceasefire:RU:accepted", "duration:3d");
        }

        @Test
        void inPrincipleFarAfterTheVerbStillQualifiesIt() {
            assertThat(keys("Kyiv supported the proposal for a complete 30-day ceasefire in principle.", Language.EN,
                    "2025-03-12")).contains("stance:ceasefire:UA:accepted_in_principle")
                    .doesNotContain("stance:ceasefire:UA:accepted");
        }
    }

    @Nested
    class OneStanceSeveralMeasures {

        @Test
        void aStanceCoversMeasuresListedAfterItsFirst() {
            assertThat(keys("Russia and Ukraine agreed to a pause in attacks on energy facilities and to talks on"
                    + " safe navigation in the Black Sea.", Language.EN, "2025-03-26"))
                    .contains("stance:strike_halt:RU:accepted", "stance:strike_halt:UA:accepted",
                            "stance:navigation_safety:RU:accepted", "stance:navigation_safety:UA:accepted");
        }

        @Test
        void anotherPartyOrStanceBetweenStopsIt() {
            assertThat(keys("Russia agreed to a halt on energy strikes, while Ukraine asked for a full ceasefire.",
                    Language.EN, "2025-03-20"))
                    .contains("stance:strike_halt:RU:accepted", "stance:ceasefire:UA:proposed")
                    .doesNotContain("stance:ceasefire:RU:accepted");
            assertThat(keys("Russia agreed to a halt on energy strikes, but a full ceasefire is still far off.",
                    Language.EN, "2025-03-20"))
                    .contains("stance:strike_halt:RU:accepted", "measure:ceasefire")
                    .doesNotContain("stance:ceasefire:RU:accepted");
        }
    }

    @Nested
    class MeasuresNamedOtherwise {

        @Test
        void aBlackSeaDealOrNavigationFarFromTheSeaIsNavigationSafety() {
            assertThat(keys("Kyiv agreed to the Black Sea deal.", Language.EN, "2025-03-26"))
                    .contains("measure:navigation_safety", "stance:navigation_safety:UA:accepted");
            assertThat(keys("Les parties garantiront la sécurité de la navigation, sans recours à la force contre les"
                    + " navires marchands, en mer Noire.", Language.FR, "2025-03-26"))
                    .contains("measure:navigation_safety");
        }

        @Test
        void aHaltOnStrikesAgainstCivilianInfrastructureIsAStrikeHaltOnThatCategory(@TempDir Path out)
                throws Exception {
            Extraction e = extraction("French President Emmanuel Macron urged Russia to stop attacking civilian"
                    + " infrastructure for 30 days.", Language.EN, "2025-03-20");
            List<MeasureCandidate> halts = e.items().stream().filter(MeasureCandidate.class::isInstance)
                    .map(MeasureCandidate.class::cast).toList();
            assertThat(halts).singleElement().satisfies(m -> {
                assertThat(m.kind()).isEqualTo(MeasureKind.STRIKE_HALT);
                assertThat(m.object()).contains("civilian_infrastructure");
                assertThat(m.keys()).contains("stance:strike_halt:FR:proposed");
            });
            // A French stance and a new category still make a draft the format's own loader accepts.
            ItemFiles.writeAll(e, EXTRACTOR.gazetteer(), "macron.txt", out);
            assertThat(AgreementJson.load(out.resolve("draft-agreement.json")).commitments()).isNotEmpty();
        }
    }

    @Nested
    class DatesAndDurations {

        @Test
        void aWeekdayAfterUntilIsStillToCome() {
            assertThat(keys("The truce will last until the end of Sunday.", Language.EN, "2025-04-17"))
                    .contains("date:2025-04-20").doesNotContain("date:2025-04-13");
            assertThat(keys("La trêve durera jusqu'à dimanche.", Language.FR, "2025-04-17"))
                    .contains("date:2025-04-20");
            assertThat(keys("Talks were held on Sunday.", Language.EN, "2025-04-17")).contains("date:2025-04-13");
        }

        @Test
        void aDurationWithAtLeastOrAuMoinsIsStillADuration() {
            assertThat(keys("Kyiv wants a truce of at least 30 days.", Language.EN, "2025-04-29"))
                    .contains("duration:30d");
            assertThat(keys("Kiev veut un cessez-le-feu d'au moins trente jours.", Language.FR, "2025-04-29"))
                    .contains("duration:30d");
            assertThat(keys("Paris propose une trêve d'un mois.", Language.FR, "2025-04-29")).contains("duration:30d");
        }
    }
}
