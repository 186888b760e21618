package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.extraction.Statements.extraction;
import static org.truce.extraction.Statements.items;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.extraction.output.DraftAgreement;

/**
 * FEATURE UNDER TEST: issue 5, statements written the way the spring 2025 truces were announced:
 * a window with a time of day at each end, a weekday still to come after "until", and wounded
 * handed over in the sentence after the exchange even when that sentence says "handed over".
 * The sentences are ours; the shapes are those of real readouts.
 */
class TruceWindowsAndWoundedIssue5Test {

    @Test
    void aWindowFromAnHourOnOneDayUntilMidnightOnALaterWeekdayGivesBothEnds() {
        // Published on Saturday 19 April 2025: "Monday" after "until" is the 21st, not the 14th.
        Extraction e = extraction("""
                The Kremlin declared a truce from 18:00 Moscow time on Saturday until midnight on Monday.
                """, Language.EN, "2025-04-19");
        MeasureCandidate truce = items(e, MeasureCandidate.class).get(0);
        assertThat(truce.kind()).isEqualTo(MeasureKind.CEASEFIRE);
        assertThat(truce.from()).contains(LocalDate.of(2025, 4, 19));
        // Midnight on Monday ends Monday: the first day outside the window is Tuesday.
        assertThat(truce.untilExclusive()).contains(LocalDate.of(2025, 4, 22));
        assertThat(items(e, DateMention.class)).extracting(DateMention::date)
                .doesNotContain(LocalDate.of(2025, 4, 14));
    }

    @Test
    void untilZeroHundredOnADayEndsTheWindowAsThatDayBegins() {
        Extraction e = extraction("""
                Moscow announced a ceasefire from 00:00 on 8 May until 00:00 on 11 May.
                """, Language.EN, "2025-04-28");
        MeasureCandidate truce = items(e, MeasureCandidate.class).get(0);
        assertThat(truce.from()).contains(LocalDate.of(2025, 5, 8));
        assertThat(truce.untilExclusive()).contains(LocalDate.of(2025, 5, 11));
    }

    @Test
    void frenchHoursAndMidnightInTheNightOfSundayToMonday() {
        Extraction e = extraction("""
                Le Kremlin a annoncé une trêve à partir de 18 heures (heure de Moscou) samedi jusqu'à minuit dans la nuit de dimanche à lundi.
                """, Language.FR, "2025-04-19");
        MeasureCandidate truce = items(e, MeasureCandidate.class).get(0);
        assertThat(truce.from()).contains(LocalDate.of(2025, 4, 19));
        assertThat(truce.untilExclusive()).contains(LocalDate.of(2025, 4, 21));
    }

    @Test
    void timesOfDayAreNotCountsOfAnything() {
        Extraction e = extraction("""
                The truce starts at 18:00 on Saturday and ends at 6 p.m. on Sunday, when 40 observers leave.
                """, Language.EN, "2025-04-18");
        assertThat(items(e, NumberMention.class)).extracting(NumberMention::value).containsExactly(40L);
    }

    @Test
    void theDraftAgreementTakesTheStatedEndOverNothing() throws Exception {
        Extraction e = extraction("""
                2025-04-19
                Russia announced a truce from 18:00 on 19 April until 00:00 on 21 April.
                """, Language.EN, "2025-04-19");
        String json = DraftAgreement.render(e, Statements.gazetteer(), "easter.txt").orElseThrow();
        JsonNode window = new ObjectMapper().readTree(json).path("commitments").get(0).path("windows").get(0);
        assertThat(window.path("from").asText()).isEqualTo("2025-04-19");
        assertThat(window.path("until_exclusive").asText()).isEqualTo("2025-04-21");
        assertThat(window.path("source").path("note").asText()).contains("end stated in the text");
    }

    @Test
    void woundedHandedOverInTheNextSentenceJoinTheExchangeEvenWhenThatSentenceSaysHandedOver() {
        Extraction e = extraction("""
                On 19 March Russia and Ukraine will exchange 175 prisoners for 175. As a gesture of goodwill, \
                23 severely wounded Ukrainian servicemen will also be handed over.
                """, Language.EN, "2025-03-18");
        List<ExchangeCandidate> exchanges = items(e, ExchangeCandidate.class);
        assertThat(exchanges).hasSize(1);
        ExchangeCandidate swap = exchanges.get(0);
        assertThat(swap.per_side()).hasValue(175);
        assertThat(swap.wounded()).hasValue(23);
        assertThat(swap.woundedParty()).contains("UA");
    }

    @Test
    void aSentenceWithItsOwnNumbersAfterAnExchangeStaysAnExchangeOfItsOwn() {
        Extraction e = extraction("""
                Russia and Ukraine swapped 246 prisoners for 246 on Saturday. On Sunday they handed over \
                another 84 prisoners each.
                """, Language.EN, "2025-05-25");
        assertThat(items(e, ExchangeCandidate.class)).extracting(x -> x.per_side().getAsInt())
                .containsExactly(246, 84);
    }

    @Test
    void extendingASilenceToThirtyDaysIsADuration() {
        Extraction e = extraction("""
                Zelensky offered to extend the ceasefire to 30 days.
                """, Language.EN, "2025-04-20");
        MeasureCandidate offer = items(e, MeasureCandidate.class).get(0);
        assertThat(offer.duration_h()).hasValue(30 * 24);
    }

    @Test
    void aCityWhereTalksAreHeldIsNeverAPartyToWhatIsAgreedThere() {
        Extraction e = extraction("""
                After the talks in Istanbul, both sides agreed to exchange 1,000 prisoners of war each. \
                Umerov later confirmed the 1,000-for-1,000 exchange agreed in Istanbul.
                """, Language.EN, "2025-05-16");
        List<ExchangeCandidate> exchanges = items(e, ExchangeCandidate.class);
        // One exchange, named twice; its sides are the statement's main parties, not the host.
        assertThat(exchanges).hasSize(1);
        assertThat(exchanges.get(0).per_side()).hasValue(1000);
        assertThat(exchanges.get(0).parties()).doesNotContain("TR");
        // The city still names the host state, as a place.
        assertThat(items(e, ActorMention.class)).extracting(ActorMention::actor).contains("turkey");
    }

    @Test
    void aCountSmallerThanTheNumberEachSideGaveIsNotTheTotal() {
        Extraction e = extraction("""
                On Sunday each side handed over 303 prisoners, for a total of 1,000 each over three days.
                """, Language.EN, "2025-05-26");
        ExchangeCandidate swap = items(e, ExchangeCandidate.class).get(0);
        assertThat(swap.per_side()).hasValue(1000);
        assertThat(swap.total()).isEmpty();
    }

    @Test
    void anAccusationWithTheSourceNamedAtTheEndIsTheSourcesClaimAboutTheOtherSide() {
        Extraction e = extraction("""
                The Kyiv regime carried out five drone attacks on energy facilities in the Bryansk region \
                despite the moratorium that took effect on 18 March, the Russian Defence Ministry said.
                """, Language.EN, "2025-03-27");
        Claim claim = items(e, Claim.class).get(0);
        assertThat(claim.kind()).isEqualTo(ClaimKind.ACCUSATION);
        assertThat(claim.about()).contains("UA");
        assertThat(claim.source()).isEqualTo("russian_mod");
        // 18 March is when the moratorium began, not the day of the attacks.
        assertThat(claim.date()).isEmpty();
        // What a claim names is never a commitment of the draft.
        assertThat(items(e, MeasureCandidate.class)).allMatch(m -> m.claimedBy().isPresent());
        assertThat(items(e, MeasureCandidate.class).get(0).from()).contains(LocalDate.of(2025, 3, 18));
    }

    @Test
    void aDayMonthAndYearIsThatDayAndNotTheMonthFollowedByTheCenturyOfTheYear() {
        // "18 March 2025" once read as "March 20", the first digits of the year taken as a day.
        Extraction e = extraction("""
                The halt on strikes on energy facilities began on 18 March 2025. On 18 March 19 prisoners were freed.
                """, Language.EN, "2025-04-02");
        assertThat(items(e, DateMention.class)).extracting(DateMention::date)
                .containsOnly(LocalDate.of(2025, 3, 18));
        assertThat(e.eventDay()).isEqualTo(LocalDate.of(2025, 3, 18));
        Extraction fr = extraction("""
                Le moratoire est entré en vigueur le 18 mars 2025.
                """, Language.FR, "2025-04-02");
        assertThat(items(fr, DateMention.class)).extracting(DateMention::date).containsOnly(LocalDate.of(2025, 3, 18));
        assertThat(items(fr, MeasureCandidate.class).get(0).from()).contains(LocalDate.of(2025, 3, 18));
    }

    @Test
    void aBanOnStrikesOnBothSidesEnergyFacilitiesWithAConditionIsAStrikeHalt() {
        Extraction e = extraction("""
                Russia and the United States agreed to implement the ban on strikes on Russian and Ukrainian \
                energy facilities for 30 days starting from 18 March 2025, which would hold only after sanctions were lifted.
                """, Language.EN, "2025-03-25");
        MeasureCandidate ban = items(e, MeasureCandidate.class).get(0);
        assertThat(ban.kind()).isEqualTo(MeasureKind.STRIKE_HALT);
        assertThat(ban.object()).contains("energy");
        assertThat(ban.duration_h()).hasValue(30 * 24);
        assertThat(ban.from()).contains(LocalDate.of(2025, 3, 18));
        assertThat(ban.condition()).hasValueSatisfying(c -> assertThat(c).startsWith("only after"));
        assertThat(ban.stances()).extracting(PartyStance::party).containsExactlyInAnyOrder("RU", "US");
    }

    @Test
    void theLeadersWhoSpokeAreTheMainPartiesNotACountryNamedAsAModifier() {
        Extraction e = extraction("""
                President Trump and President Putin spoke about the need for a ceasefire in the Ukraine war.
                The leaders agreed that the movement to peace will begin with an energy and infrastructure ceasefire.
                """, Language.EN, "2025-03-18");
        assertThat(e.principals()).containsExactly("US", "RU");
        MeasureCandidate energy = items(e, MeasureCandidate.class).stream()
                .filter(m -> m.kind() == MeasureKind.STRIKE_HALT).findFirst().orElseThrow();
        assertThat(energy.stances()).extracting(PartyStance::party).containsExactlyInAnyOrder("US", "RU");
    }

    @Test
    void frenchRangesOfDaysAndOfWeekdaysGiveBothEnds() {
        Extraction may = extraction("""
                Le Kremlin a annoncé un cessez-le-feu de trois jours, du 8 au 10 mai, pour l'anniversaire de la victoire.
                Kiev a répondu qu'il était prêt à un cessez-le-feu de 30 jours, à partir d'aujourd'hui.
                """, Language.FR, "2025-04-28");
        List<MeasureCandidate> measures = items(may, MeasureCandidate.class);
        assertThat(measures.get(0).from()).contains(LocalDate.of(2025, 5, 8));
        assertThat(measures.get(0).untilExclusive()).contains(LocalDate.of(2025, 5, 11));
        assertThat(measures.get(1).from()).contains(LocalDate.of(2025, 4, 28));
        // Published on Saturday 19 April: "dimanche" after "à" is the next day, not the Sunday before.
        Extraction easter = extraction("""
                Vladimir Poutine a décrété une trêve de Pâques, de samedi 18 heures à dimanche minuit.
                """, Language.FR, "2025-04-19");
        MeasureCandidate truce = items(easter, MeasureCandidate.class).get(0);
        assertThat(truce.from()).contains(LocalDate.of(2025, 4, 19));
        assertThat(truce.untilExclusive()).contains(LocalDate.of(2025, 4, 21));
    }

    @Test
    void englishRangeFromOneDayToAnother() {
        Extraction e = extraction("""
                Russia declared a ceasefire from 8 to 10 May.
                """, Language.EN, "2025-04-28");
        MeasureCandidate truce = items(e, MeasureCandidate.class).get(0);
        assertThat(truce.from()).contains(LocalDate.of(2025, 5, 8));
        assertThat(truce.untilExclusive()).contains(LocalDate.of(2025, 5, 11));
    }

    @Test
    void theDelegationsAreBothSidesAndARangeOfDaysLastsItsLongerEnd() {
        Extraction e = extraction("""
                Russia and Ukraine met again in Istanbul. The delegations agreed to exchange at least 1,200 prisoners on each side. \
                Medinsky proposed a ceasefire of two to three days in some areas of the front.
                """, Language.EN, "2025-06-02");
        assertThat(items(e, ExchangeCandidate.class).get(0).parties()).containsExactlyInAnyOrder("RU", "UA");
        MeasureCandidate pause = items(e, MeasureCandidate.class).get(0);
        assertThat(pause.duration_h()).hasValue(3 * 24);
        assertThat(pause.stances()).extracting(PartyStance::party).containsExactly("RU");
    }
}
