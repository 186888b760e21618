package org.truce.format.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.Commitment;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.Position;

class AgreementTableTest {

    private static final String POSITIONS_HEADING = "Positions (demands of one party, not obligations)";

    private static Agreement example;
    private static String table;

    @BeforeAll
    static void render() throws Exception {
        example = AgreementJson.load(RepoRoot.example());
        table = AgreementTable.render(example);
    }

    @Test
    void listsEveryCommitmentWithItsKindAndTheStancesOfItsParties() {
        String commitments = table.substring(0, table.indexOf(POSITIONS_HEADING));
        for (Commitment c : example.commitments()) {
            assertThat(commitments).contains(c.id(), c.kind().wireName());
            for (PartyStatus s : c.terms().parties()) {
                assertThat(commitments).contains(s.party() + " " + s.stance().wireName());
            }
        }
        assertThat(commitments).contains("RU pending 2025-03-18", "UA accepted 2025-03-11", "proposed by US");
    }

    @Test
    void showsBothReadingsOfTheMoratoriumWindow() {
        assertThat(table).contains("RU 2025-03-18..2025-04-17 (30 days)", "UA 2025-03-25..2025-04-24 (30 days)");
    }

    @Test
    void showsTheKeyDetailOfEachKind() {
        assertThat(table).contains("protects energy.* within 3000 m", "within 15000 m of the line of",
                "zone black-sea + 5000 m", "2025-03-19: 175 for 175 + 23", "(RU->UA)", "expert_group, no due date",
                "reciprocity");
    }

    @Test
    void keepsPositionsInTheirOwnSectionAfterTheCommitments() {
        int heading = table.indexOf(POSITIONS_HEADING);
        assertThat(heading).isGreaterThan(table.indexOf("hockey-matches"));
        for (Position p : example.positions()) {
            assertThat(table.indexOf(p.id())).as(p.id()).isGreaterThan(heading);
        }
        assertThat(table.substring(heading)).contains("claim by Bloomberg");
    }

    @Test
    void fitsA120ColumnTerminal() {
        assertThat(table.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(120));
    }

    @Test
    void bareMonitoringRulesBindWhoeverActs() throws Exception {
        String bench = AgreementTable.render(AgreementJson.parse(AgreementJsonTest.BENCH_MINIMAL, "agreement.json"));

        assertThat(bench).contains("whoever acts", "common 2025-03-18..2025-04-17", "none");
    }

    @Test
    void wrapsAtSpacesAndCutsWordsLongerThanTheColumn() {
        assertThat(TextTable.wrap("one two three", 9)).containsExactly("one two", "  three");
        assertThat(TextTable.wrap("abcdefghijkl", 10)).containsExactly("abcdefghij", "  kl");
        assertThat(TextTable.wrap("", 10)).containsExactly("");
    }
}
