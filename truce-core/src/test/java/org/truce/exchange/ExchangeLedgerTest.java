package org.truce.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.ExchangeStage;
import org.truce.agreement.Party;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.SourceRef;
import org.truce.agreement.Stance;
import org.truce.agreement.Statement;
import org.truce.agreement.StrikeMoratorium;
import org.truce.agreement.Window;
import org.truce.agreement.WindowReading;

/**
 * FEATURE UNDER TEST: every source's figures of an exchange side by side, disagreements flagged
 * per figure and never averaged, and the running N-for-N balance of a commitment against what it
 * promised.
 */
class ExchangeLedgerTest {

    static final List<PartyStatus> RU_UA = List.of(
            new PartyStatus("RU", Stance.ACCEPTED, LocalDate.parse("2025-03-18"), null),
            new PartyStatus("UA", Stance.ACCEPTED, LocalDate.parse("2025-03-18"), null));

    static PrisonerExchange promise(ExchangeStage... stages) {
        return new PrisonerExchange(new CommitmentTerms("pow", "", List.of(), RU_UA, List.of(), List.of(), null),
                List.of(stages));
    }

    static ExchangeStage stage(String date, int perSide, ExchangeStage.Transfer... transfers) {
        return new ExchangeStage(LocalDate.parse(date), perSide, List.of(transfers), null);
    }

    static Agreement agreement(PrisonerExchange... commitments) {
        var moratorium = new StrikeMoratorium(new CommitmentTerms("energy", "", List.of(), RU_UA,
                List.of(new WindowReading("common", new Window(LocalDate.parse("2025-03-18"), null, null), null)),
                List.of(), null), List.of("energy."), Set.of("Explosions/Remote violence"), 3000);
        List<org.truce.agreement.Commitment> all = new java.util.ArrayList<>(List.of(commitments));
        all.add(moratorium);
        return new Agreement("a", "", List.of(new Statement("readout", "a readout of the call", "", null, "")),
                List.of(new Party("RU", "Russia", List.of()), new Party("UA", "Ukraine", List.of())), all, List.of());
    }

    /** The 18 March promise: 175 for 175, and 23 wounded handed over by RU outside the count. */
    static final Agreement CALL = agreement(promise(stage("2025-03-19", 175, new ExchangeStage.Transfer("RU", "UA", 23, "wounded"))));

    static final List<Statement> OWN = List.of(
            new Statement("ministry", "a ministry of one side", "", null, ""),
            new Statement("president", "the president of the other side", "", null, ""));

    static Account account(String statement, AccountKind kind, Release... releases) {
        return new Account(new SourceRef(statement, null, null), kind, List.of(releases), List.of());
    }

    static Release released(String by, int persons) {
        return new Release(ExchangeCategory.SERVICEMEN, by, persons, false);
    }

    static Release wounded(String by, int persons) {
        return new Release(ExchangeCategory.WOUNDED, by, persons, true);
    }

    static Exchange exchange(String id, String date, int stage, Account... accounts) {
        return new Exchange(id, "pow", stage, LocalDate.parse(date), "a mediator", "", List.of(accounts));
    }

    /** The readout announced 23 wounded, both sides later reported 22; nobody disputes 175 for 175. */
    static final Exchange MARCH_19 = exchange("x1", "2025-03-19", 1,
            account("readout", AccountKind.ANNOUNCED, released("RU", 175), released("UA", 175), wounded("RU", 23)),
            account("ministry", AccountKind.REPORTED, released("RU", 175), released("UA", 175), wounded("RU", 22)),
            account("president", AccountKind.REPORTED, released("RU", 175), wounded("RU", 22)));

    @Test
    void everySourcesFigureIsKeptSideBySide() {
        Figure woundedFigure = MARCH_19.figures().stream()
                .filter(f -> f.key().equals(new FigureKey.Released(ExchangeCategory.WOUNDED, "RU", true)))
                .findFirst().orElseThrow();
        assertThat(woundedFigure.stated()).extracting(Figure.Stated::statement, Figure.Stated::value)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("readout", 23),
                        org.assertj.core.groups.Tuple.tuple("ministry", 22),
                        org.assertj.core.groups.Tuple.tuple("president", 22));
        assertThat(woundedFigure.span()).hasToString("22-23");
    }

    @Test
    void aDisagreementIsFlaggedOnItsOwnFigureAndASilentSourceIsNoDisagreement() {
        var ledger = new ExchangeLedger(CALL, OWN, List.of(MARCH_19));
        assertThat(ledger.discrepancies()).extracting(Discrepancy::describe).containsExactly(
                "released by RU: wounded (outside parity): 23 (readout), 22 (ministry), 22 (president)");
    }

    @Test
    void theBalanceHoldsOnParityAndDependsOnTheSourceForTheWounded() {
        var ledger = new ExchangeLedger(CALL, OWN, List.of(MARCH_19));
        BalanceRow row = ledger.balances().get(0).rows().get(0);
        assertThat(row.releasedInParity()).isEqualTo(Map.of("RU", new Span(175, 175), "UA", new Span(175, 175)));
        assertThat(row.promisedPerSide()).isEqualTo(175);
        assertThat(row.parity()).isEqualTo(LedgerCheck.HOLDS);
        assertThat(row.releasedOutsideParity().get("RU")).isEqualTo(new Span(22, 23));
        assertThat(row.promisedOutsideParity()).isEqualTo(Map.of("RU", 23));
        assertThat(row.asPromised()).as("23 promised; one source says 23, two say 22")
                .isEqualTo(LedgerCheck.DEPENDS_ON_SOURCE);
    }

    @Test
    void theRunningBalanceAddsUpStagesAndShowsAShortfall() {
        var twoStages = agreement(promise(stage("2025-04-01", 100), stage("2025-05-01", 100)));
        var first = exchange("s1", "2025-04-01", 1,
                account("readout", AccountKind.REPORTED, released("RU", 100), released("UA", 100)));
        var second = exchange("s2", "2025-05-02", 2,
                account("readout", AccountKind.REPORTED, released("RU", 90), released("UA", 100)));
        ParityBalance balance = new ExchangeLedger(twoStages, List.of(), List.of(second, first)).balances().get(0);
        assertThat(balance.rows()).extracting(BalanceRow::exchange, r -> r.releasedInParity().get("RU").toString(),
                r -> r.releasedInParity().get("UA").toString(), BalanceRow::promisedPerSide, BalanceRow::parity,
                BalanceRow::asPromised)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("s1", "100", "100", 100, LedgerCheck.HOLDS, LedgerCheck.HOLDS),
                        org.assertj.core.groups.Tuple.tuple("s2", "190", "200", 200, LedgerCheck.FAILS, LedgerCheck.FAILS));
    }

    @Test
    void sourcesThatDisagreeOnOneSideLeaveParityToTheSource() {
        var x = exchange("x", "2025-03-19", 1,
                account("ministry", AccountKind.REPORTED, released("RU", 175), released("UA", 170)),
                account("president", AccountKind.REPORTED, released("RU", 175), released("UA", 175)));
        BalanceRow row = new ExchangeLedger(CALL, OWN, List.of(x)).balances().get(0).rows().get(0);
        assertThat(row.releasedInParity().get("UA")).hasToString("170-175");
        assertThat(row.parity()).isEqualTo(LedgerCheck.DEPENDS_ON_SOURCE);
    }

    @Test
    void nameListsAreCountsSetSideBySideToo() {
        var lists = new Account(new SourceRef("ministry", null, null), AccountKind.REPORTED, List.of(),
                List.of(new NameListCount("UA", 200, 175)));
        var other = new Account(new SourceRef("president", null, null), AccountKind.REPORTED, List.of(),
                List.of(new NameListCount("UA", 200, 180)));
        var x = exchange("x", "2025-03-19", 1, lists, other);
        assertThat(x.discrepancies()).extracting(f -> f.key().describe()).containsExactly("names verified by UA");
        assertThatThrownBy(() -> new NameListCount("UA", 10, 11)).hasMessageContaining("cannot have 11 verified");
    }

    @Test
    void anExchangeMustReferToAPrisonerExchangeOfTheAgreementAndItsParties() {
        var wrongCommitment = new Exchange("x", "energy", 1, LocalDate.parse("2025-03-19"), "", "",
                List.of(account("readout", AccountKind.REPORTED, released("RU", 1))));
        assertThatThrownBy(() -> new ExchangeLedger(CALL, OWN, List.of(wrongCommitment)))
                .hasMessage("exchange x: energy is not a prisoner_exchange commitment of agreement a");
        var wrongParty = exchange("y", "2025-03-19", 1, account("readout", AccountKind.REPORTED, released("US", 1)));
        assertThatThrownBy(() -> new ExchangeLedger(CALL, OWN, List.of(wrongParty)))
                .hasMessage("exchange y: US is not a party to pow (RU, UA)");
        var wrongStage = exchange("z", "2025-03-19", 2, account("readout", AccountKind.REPORTED, released("RU", 1)));
        assertThatThrownBy(() -> new ExchangeLedger(CALL, OWN, List.of(wrongStage)))
                .hasMessage("exchange z: commitment pow has 1 stage(s), not 2");
        var unknownSource = exchange("w", "2025-03-19", 1, account("tabloid", AccountKind.REPORTED, released("RU", 1)));
        assertThatThrownBy(() -> new ExchangeLedger(CALL, OWN, List.of(unknownSource)))
                .hasMessage("exchange w: unknown statement tabloid");
    }

    @Test
    void oneSourceGivesAFigureOnce() {
        assertThatThrownBy(() -> account("readout", AccountKind.REPORTED, released("RU", 1), released("RU", 2)))
                .hasMessage("statement readout gives the figure 'released by RU: servicemen' twice");
    }
}
