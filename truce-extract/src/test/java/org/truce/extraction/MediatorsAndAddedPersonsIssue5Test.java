package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.extraction.Statements.items;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Stance;

/**
 * FEATURE UNDER TEST: issue 5, exchanges as the summer 2025 ones were reported: a state that
 * mediates is not a side of the exchange however the mediation is worded, persons "also returned"
 * belong to the exchange just told rather than making a second one, service members are captives,
 * and a party that rejects one proposal and calls again for another stands differently on each.
 * The sentences are ours.
 */
class MediatorsAndAddedPersonsIssue5Test {

    private static Extraction extraction(String text, Language lang) {
        return Statements.extraction(text, lang, "2025-08-24");
    }

    @Test
    void withMediationByTheEmiratesNamesAMediatorNotAThirdSide() {
        Extraction e = extraction("""
                Ukraine and Russia exchanged 146 prisoners of war each on Sunday, with mediation by the United Arab Emirates.
                """, Language.EN);
        ExchangeCandidate swap = items(e, ExchangeCandidate.class).get(0);
        assertThat(swap.per_side()).hasValue(146);
        assertThat(swap.parties()).containsExactly("UA", "RU");
        assertThat(swap.mediator()).contains("AE");
    }

    @Test
    void aMediatorNamedBeforeTheWordMediatedIsNotASide() {
        Extraction e = extraction("""
                In a UAE-brokered swap, Russia and Ukraine each handed over 84 prisoners.
                """, Language.EN);
        ExchangeCandidate swap = items(e, ExchangeCandidate.class).get(0);
        assertThat(swap.parties()).doesNotContain("AE");
        assertThat(swap.mediator()).contains("AE");
    }

    @Test
    void frenchMediationNamedByAnAdjective() {
        Extraction e = extraction("""
                L'Ukraine et la Russie ont échangé 146 prisonniers de chaque côté grâce à une médiation émiratie.
                """, Language.FR);
        ExchangeCandidate swap = items(e, ExchangeCandidate.class).get(0);
        assertThat(swap.parties()).containsExactly("UA", "RU");
        assertThat(swap.mediator()).contains("AE");
    }

    @Test
    void personsAlsoReturnedJoinTheExchangeJustToldInsteadOfMakingASecondOne() {
        Extraction e = extraction("""
                Ukraine and Russia exchanged 146 prisoners of war each on Sunday. Eight civilians were also returned to Ukraine, the coordination headquarters said.
                """, Language.EN);
        assertThat(items(e, ExchangeCandidate.class)).singleElement()
                .satisfies(swap -> assertThat(swap.per_side()).hasValue(146));
    }

    @Test
    void withoutAnEarlierExchangeAReturnStillCounts() {
        // The rule above must not swallow a first exchange that happens to say "also".
        Extraction e = extraction("""
                Talks also continued in Istanbul. On Friday 390 prisoners were returned to Ukraine.
                """, Language.EN);
        assertThat(items(e, ExchangeCandidate.class)).extracting(c -> c.per_side().orElse(-1))
                .containsExactly(390);
    }

    @Test
    void serviceMembersAreCountedAsCaptives() {
        Extraction e = extraction("""
                On the third day each side released 303 service members, the defence ministry said.
                """, Language.EN);
        assertThat(items(e, ExchangeCandidate.class)).extracting(c -> c.per_side().orElse(-1))
                .containsExactly(303);
    }

    @Test
    void rejectingOneProposalAndCallingAgainForAnotherGivesBothStances() {
        Extraction e = extraction("""
                Russia proposed a ceasefire of two to three days in some sections of the front. Ukraine rejected the proposal and called again for an unconditional ceasefire of at least 30 days.
                """, Language.EN);
        List<PartyStance> ukraine = items(e, MeasureCandidate.class).stream()
                .flatMap(m -> m.stances().stream()).filter(s -> s.party().equals("UA")).toList();
        assertThat(ukraine).extracting(PartyStance::stance)
                .containsExactlyInAnyOrder(Stance.REJECTED, Stance.PROPOSED);
    }
}
