package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.extraction.Statements.keys;

import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST: issue 5, what the seventh and eighth held-out batches (readouts, conditional
 * offers, wire copy of the whole of 2025) found missing: offers that wait on the other side, what is
 * attributed to a party's own body rather than to a news outlet, mutual accusations told clause by
 * clause, pronouns for the one who spoke, truces decreed by someone named after the verb, and a few
 * durations, days and counts. The sentences are ours.
 */
class ConditionsAttributionsAndPronounsIssue5Test {

    // ---- offers that wait on the other side ----

    @Test
    void readyToAcceptProvidedTheOtherSideDoesIsAnAcceptanceInPrincipleAndNotTheOtherSidesStance() {
        assertThat(keys("Kyiv is ready to accept a 30-day ceasefire put forward by Washington, provided that Russia "
                + "accepts it as well.", Language.EN, "2025-03-12"))
                .contains("stance:ceasefire:UA:accepted_in_principle")
                .doesNotContain("stance:ceasefire:UA:accepted", "stance:ceasefire:UA:proposed",
                        "stance:ceasefire:RU:accepted");
    }

    @Test
    void readyForATruceOnlyIfSomethingHappensIsAnAcceptanceInPrinciple() {
        assertThat(keys("The Kremlin said Moscow would be ready for a wider truce only if arms deliveries to Kyiv stopped.",
                Language.EN, "2025-03-19")).contains("stance:ceasefire:RU:accepted_in_principle");
    }

    @Test
    void anOwnOfferIfTheOtherSideDoesTheSameStaysAProposalButAcceptingOnThatConditionIsInPrinciple() {
        assertThat(keys("Kiev s'est dit prête à cesser de frapper les installations énergétiques si Moscou en faisait autant.",
                Language.FR, "2025-10-20")).contains("stance:strike_halt:UA:proposed")
                .doesNotContain("stance:strike_halt:UA:accepted_in_principle");
        assertThat(keys("Moscow would be ready to extend the truce if Kyiv stopped its attacks, Peskov said.", Language.EN,
                "2025-04-17")).contains("stance:ceasefire:RU:accepted_in_principle");
        assertThat(keys("Le chancelier a proposé une trêve. Le président ukrainien s'est dit prêt à l'accepter, à condition "
                + "que la Russie fasse de même.", Language.FR, "2025-12-16"))
                .contains("stance:ceasefire:UA:accepted_in_principle").doesNotContain("stance:ceasefire:UA:proposed");
    }

    @Test
    void aMeetingThatCanOnlyTakePlaceOnceSomethingIsDoneIsAcceptedInPrinciple() {
        assertThat(keys("Kyiv proposed a summit of the two presidents; the Kremlin said such a summit could only take "
                + "place once a text was ready.", Language.EN, "2025-07-24"))
                .contains("stance:talks:UA:proposed", "stance:talks:RU:accepted_in_principle");
    }

    @Test
    void agreeingToStartNegotiationsOnTheDetailsIsAnAcceptanceInPrinciple() {
        assertThat(keys("Putin reacted constructively to the idea of safe navigation in the Black Sea and agreed to start negotiations "
                + "to work out its details.", Language.EN, "2025-03-18"))
                .contains("stance:navigation_safety:RU:accepted_in_principle")
                .doesNotContain("stance:navigation_safety:RU:accepted");
    }

    @Test
    void aMeasureNamedAsTheLimitOfADemandHasNoStance() {
        assertThat(keys("Moscow's negotiators demanded that Kyiv pull its troops out of four regions before any ceasefire.",
                Language.EN, "2025-05-16")).contains("measure:ceasefire", "position:RU")
                .noneMatch(k -> k.startsWith("stance:ceasefire"));
    }

    @Test
    void whatTwoSidesAgreedToExchangeIsTheExchangeNotAMeasureLaterInTheSentence() {
        assertThat(keys("Moscow and Kyiv agreed at talks in Istanbul on Wednesday to swap 1,200 prisoners each, and Russia "
                + "also proposed short truces along the front.", Language.EN, "2025-07-23"))
                .contains("exchange:1200", "stance:ceasefire:RU:proposed")
                .doesNotContain("stance:ceasefire:RU:accepted", "stance:ceasefire:UA:accepted");
    }

    // ---- who said it ----

    @Test
    void somethingAttributedToAPartysOwnBodyIsNotANewsReport() {
        assertThat(keys("According to the Kremlin, Putin told Trump that talks on the Black Sea could start at once.",
                Language.EN, "2025-03-18")).noneMatch(k -> k.startsWith("claim:report"));
        assertThat(keys("Les Émirats ont servi de médiateurs, selon le ministère russe de la Défense.", Language.FR,
                "2025-03-20")).noneMatch(k -> k.startsWith("claim:report"));
    }

    @Test
    void anOfficialQuotedByAnOutletIsTheOutletsReport() {
        assertThat(keys("The delegations met for four hours, according to an official quoted by Reuters.", Language.EN,
                "2025-11-25")).contains("claim:report:reuters");
        assertThat(keys("Les négociateurs ont discuté du plan, selon un diplomate cité par l'AFP.", Language.FR,
                "2025-11-25")).contains("claim:report:afp");
        assertThat(keys("The draft would cap the army at 600,000, according to a copy seen by Axios.", Language.EN,
                "2025-11-20")).contains("claim:report:axios");
    }

    @Test
    void mutualAccusationsToldClauseByClauseAreEachBodysAccusation() {
        assertThat(keys("Selon le ministère russe de la Défense, les forces ukrainiennes ont tenté de franchir la frontière, "
                + "tandis que l'état-major ukrainien a recensé des dizaines d'assauts russes.", Language.FR, "2025-05-09"))
                .contains("claim:accusation:russian_mod", "claim:accusation:ukrainian_army")
                .doesNotContain("claim:report:russian_mod");
        assertThat(keys("The Russian Defence Ministry recorded 1,200 Ukrainian violations, and Zelensky counted more than "
                + "2,000 violations by Russia.", Language.EN, "2025-04-21"))
                .contains("claim:accusation:russian_mod", "claim:accusation:zelensky");
    }

    @Test
    void heIsThePersonWhoSpokeNotTheLastPersonNamed() {
        assertThat(keys("Zelensky said Ukraine backs the halt on energy strikes, after a call with Trump. Overnight, "
                + "he said, Russian drones had hit power lines near Kharkiv.", Language.EN, "2025-03-19"))
                .contains("claim:accusation:zelensky").doesNotContain("claim:accusation:trump");
    }

    @Test
    void aDemandMadeByHeIsThePartyOfThePersonWhoSpokeBefore() {
        assertThat(keys("Peskov rejected the idea of a holiday truce. Il a aussi jugé inacceptable toute présence de troupes "
                + "étrangères en Ukraine.", Language.FR, "2025-12-16")).contains("position:RU")
                .doesNotContain("position:UA");
    }

    @Test
    void aTruceDecreedBySomeoneNamedAfterTheVerbIsTheirsEvenInsideAnAccusation() {
        assertThat(keys("Le ministère russe de la Défense a accusé Kiev de violer la trêve décrétée par Vladimir Poutine.",
                Language.FR, "2025-05-09")).contains("stance:ceasefire:RU:accepted", "claim:accusation:russian_mod");
        assertThat(keys("The truce was declared unilaterally by Putin for Orthodox Easter.", Language.EN, "2025-04-19"))
                .contains("stance:ceasefire:RU:accepted");
    }

    @Test
    void invitingTheOtherSideToDoTheSameLeavesItPendingAndIsNoProposal() {
        assertThat(keys("Putin declared a three-day ceasefire for the Victory Day holiday and invited Kyiv to do the same.",
                Language.EN, "2025-04-28")).contains("stance:ceasefire:RU:accepted", "stance:ceasefire:UA:pending")
                .doesNotContain("stance:ceasefire:RU:proposed");
    }

    @Test
    void aSideThatHasStillNotAnsweredThreeSentencesLaterIsPending() {
        assertThat(keys("Kyiv accepted a 30-day ceasefire offered by Washington. In return the US resumed its aid. "
                + "Rubio said the offer would go to Moscow. Moscow has yet to respond.", Language.EN, "2025-03-12"))
                .contains("stance:ceasefire:RU:pending");
    }

    @Test
    void offTheAgendaAndHostileToATruceAreRefusals() {
        assertThat(keys("Le sommet prévu à Budapest n'est plus à l'ordre du jour, a indiqué la Maison Blanche.",
                Language.FR, "2025-10-22")).contains("stance:talks:US:rejected");
        assertThat(keys("Trump s'est rangé à l'avis de Moscou, hostile à toute trêve préalable.", Language.FR,
                "2025-08-16")).contains("stance:ceasefire:RU:rejected");
    }

    @Test
    void decliningToNameSomethingIsNoRefusal() {
        assertThat(keys("Ushakov said the two sides had agreed in principle on a summit but declined to name the venue.",
                Language.EN, "2025-08-07")).doesNotContain("stance:talks:RU:rejected");
    }

    // ---- durations, days, counts, places ----

    @Test
    void meetingsThatLastedLessThanAnHourAndDeadlinesWithinDaysAreDurations() {
        assertThat(keys("The delegations met for less than two hours.", Language.EN, "2025-05-16"))
                .contains("duration:2h");
        assertThat(keys("The meeting lasted barely an hour.", Language.EN, "2025-06-02")).contains("duration:1h");
        assertThat(keys("Trump gave Moscow 50 days to agree to a deal, or face tariffs within 50 days.", Language.EN,
                "2025-07-14")).contains("duration:50d");
    }

    @Test
    void aWeekdayAfterWouldOrExpectedIsTheComingOne() {
        assertThat(keys("Zelensky said on Saturday that he would travel to Washington on Monday.", Language.EN,
                "2025-08-16")).contains("date:2025-08-18").doesNotContain("date:2025-08-11");
        assertThat(keys("Le président ukrainien est attendu lundi à la Maison Blanche.", Language.FR, "2025-08-16"))
                .contains("date:2025-08-18");
        assertThat(keys("Les dirigeants ont exigé un cessez-le-feu à compter de lundi.", Language.FR, "2025-05-10"))
                .contains("date:2025-05-12");
    }

    @Test
    void bodiesHandedOverAndASecondFigureReceivedAreEachSidesFigure() {
        assertThat(keys("La Russie a remis les corps de 900 soldats, et en a récupéré 31.", Language.FR, "2025-06-11"))
                .contains("exchange:900", "exchange:31");
    }

    @Test
    void aTotalWordKeepsATotalEvenWhenPeopleWereAlsoBroughtHome() {
        assertThat(keys("Les deux pays ont échangé un total de 250 prisonniers; des civils ont aussi été rapatriés.",
                Language.FR, "2025-08-24")).contains("exchange:total=250").doesNotContain("exchange:250");
    }

    // ---- from the ninth batch (longer readouts and articles) ----

    @Test
    void aTruceOnLandAtSeaAndInTheAirIsAGeneralCeasefireNotANavigationMeasure() {
        assertThat(keys("Macron, Merz and Starmer called for a 30-day ceasefire on land, at sea and in the air.", Language.EN,
                "2025-05-10")).contains("stance:ceasefire:FR:proposed").doesNotContain("measure:navigation_safety");
    }

    @Test
    void untilMidnightFromOneWeekdayToTheNextIsTheComingNight() {
        assertThat(keys("Moscow declares a truce from 18:00 today until midnight from Sunday to Monday.", Language.EN,
                "2025-04-19")).contains("date:2025-04-20", "date:2025-04-21").doesNotContain("date:2025-04-13");
    }

    @Test
    void aTruceToBeDeclaredIsAcceptedByTheOneWhoSaysSo() {
        assertThat(keys("A ceasefire will be declared from 8 May to 10 May, the Kremlin said on Monday.", Language.EN,
                "2025-04-28")).contains("stance:ceasefire:RU:accepted");
        assertThat(keys("Kiev et Moscou se sont accusés de violer la trêve décrétée la veille au soir par Vladimir Poutine.",
                Language.FR, "2025-04-20")).contains("stance:ceasefire:RU:accepted");
    }

    @Test
    void weAgreeButOnTheUnderstandingThatIsTheSpeakersAcceptanceInPrinciple() {
        assertThat(keys("We agree with the proposals to stop the fighting, but on the understanding that the pause leads "
                + "to peace, Vladimir Putin told reporters.", Language.EN, "2025-03-13"))
                .contains("stance:ceasefire:RU:accepted_in_principle");
    }

    @Test
    void aConditionInTheClauseAfterButBelongsToThatClause() {
        assertThat(keys("Washington a annoncé un accord sur la navigation en mer Noire. Kiev a donné son accord, mais le "
                + "Kremlin a précisé que la Russie ne l'appliquerait qu'après la levée des sanctions.", Language.FR,
                "2025-03-26")).contains("stance:navigation_safety:UA:accepted", "position:RU",
                        "stance:navigation_safety:RU:accepted_in_principle")
                .doesNotContain("stance:navigation_safety:UA:accepted_in_principle", "position:UA");
    }

    @Test
    void acceptanceStillAwaitedFromANamedSideLeavesItPending() {
        assertThat(keys("Kyiv is ready to accept the 30-day ceasefire, which is subject to acceptance by the Russian "
                + "Federation.", Language.EN, "2025-03-11")).contains("stance:ceasefire:RU:pending",
                        "stance:ceasefire:UA:accepted_in_principle");
    }

    @Test
    void aStateReadyToHostTalksAcceptsThem() {
        assertThat(keys("Putin proposed direct talks in Istanbul, and Erdogan said Türkiye was ready to host the talks.",
                Language.EN, "2025-05-11")).contains("stance:talks:TR:accepted").doesNotContain("stance:talks:TR:proposed");
    }

    @Test
    void bodiesReturnedByOneSideAndAFewToTheOtherAreEachSidesFigure() {
        assertThat(keys("L'Ukraine a récupéré les dépouilles de 1 000 militaires, tandis que la Russie a reçu les corps de "
                + "19 de ses soldats.", Language.FR, "2025-06-12")).contains("exchange:1000", "exchange:19");
        assertThat(keys("Moscou s'est engagé à restituer les corps de 5 000 soldats.", Language.FR, "2025-06-02"))
                .contains("exchange:5000").doesNotContain("exchange:total=5000");
    }

    @Test
    void attacksRepelledFromTheOtherSideAreAnAccusation() {
        assertThat(keys("Le ministère russe de la Défense affirme avoir repoussé plusieurs attaques des forces de Kiev.",
                Language.FR, "2025-04-20")).contains("claim:accusation:russian_mod");
    }

    // ---- from the tenth batch (a day's mixed material) ----

    @Test
    void aSideAskedToAcceptIsPendingUnlessTheStatementGivesItsAnswer() {
        assertThat(keys("Macron et Merz ont appelé la Russie à accepter un cessez-le-feu de trente jours.", Language.FR,
                "2025-05-10")).contains("stance:ceasefire:RU:pending");
        assertThat(keys("The leaders urged Russia to accept a 30-day ceasefire. Moscow rejected the offer.", Language.EN,
                "2025-05-10")).contains("stance:ceasefire:RU:rejected").doesNotContain("stance:ceasefire:RU:pending");
    }

    @Test
    void aNameAfterAPrepositionIsNotOneOfTheSubjects() {
        assertThat(keys("In a call with Trump, Putin accepted a halt to strikes on energy facilities.", Language.EN,
                "2025-03-19")).contains("stance:strike_halt:RU:accepted").doesNotContain("stance:strike_halt:US:accepted");
    }

    @Test
    void theOfferTwoSentencesLaterIsTheMeasureNamedBefore() {
        assertThat(keys("Putin ordered a three-day ceasefire for the holiday. Kyiv asked why anyone should wait. "
                + "Zelensky said Ukraine would not play along with the offer.", Language.EN, "2025-04-29"))
                .contains("stance:ceasefire:UA:rejected");
    }

    @Test
    void agentsJoinedByAndAllAccept() {
        assertThat(keys("Des cessez-le-feu locaux ont été acceptés par la Russie et l'Ukraine.", Language.FR, "2025-10-20"))
                .contains("stance:ceasefire:RU:accepted", "stance:ceasefire:UA:accepted");
    }

    // ---- from the eleventh batch (French press) ----

    @Test
    void aParticipleAfterHeSaidIsTheSpeakersStance() {
        assertThat(keys("Vladimir Medinsky a parlé aux journalistes. La Russie rendra les corps de soldats ukrainiens, "
                + "a-t-il ajouté, proposant aussi un cessez-le-feu de deux jours.", Language.FR, "2025-06-02"))
                .contains("stance:ceasefire:RU:proposed").doesNotContain("stance:ceasefire:UA:proposed");
        assertThat(keys("Medinsky said the bodies of Ukrainian soldiers would be returned. Russia will hand them over, he "
                + "said, proposing a two-day ceasefire on parts of the front.", Language.EN, "2025-06-02"))
                .contains("stance:ceasefire:RU:proposed").doesNotContain("stance:ceasefire:UA:proposed");
    }

    @Test
    void aRequestTurnedDownByASideIsThatSidesRefusal() {
        assertThat(keys("Kyiv's call for an immediate ceasefire was turned down by the Russian side.", Language.EN,
                "2025-05-16")).contains("stance:ceasefire:RU:rejected").doesNotContain("stance:ceasefire:UA:rejected");
    }

    @Test
    void aSideThatWillConsiderTheProposalIsPending() {
        assertThat(keys("Les Européens ont réclamé une trêve de trente jours. Peskov a répondu que la Russie « réfléchirait » "
                + "à la proposition.", Language.FR, "2025-05-10")).contains("stance:ceasefire:RU:pending");
    }

    @Test
    void aCountOfOneSidesPeopleStaysPerSideEvenAfterATotalWord() {
        assertThat(keys("A total of 150 Ukrainian defenders came home today.", Language.EN, "2025-02-05"))
                .contains("exchange:150").doesNotContain("exchange:total=150");
        assertThat(keys("Cent quatre-vingt-cinq militaires russes ont été rendus jeudi, et autant de prisonniers ukrainiens.",
                Language.FR, "2025-10-02")).contains("exchange:185");
    }

    @Test
    void citiesThatHostTalksNameTheirState() {
        assertThat(keys("Envoys met in Abu Dhabi after the coalition's meeting in Paris.", Language.EN, "2025-11-26"))
                .contains("actor:uae", "actor:france");
    }
}
