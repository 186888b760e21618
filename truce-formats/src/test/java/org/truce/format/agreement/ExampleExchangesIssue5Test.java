package org.truce.format.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.exchange.BalanceRow;
import org.truce.exchange.ExchangeLedger;
import org.truce.exchange.LedgerCheck;
import org.truce.exchange.Span;

/**
 * Issue 5, item 3: the seed article announces 23 severely wounded handed over on 19 March 2025,
 * other sources report 22. The example keeps both as different sources' figures, flags the
 * difference and never averages it; the 175 for 175 parity holds on every source.
 */
class ExampleExchangesIssue5Test {

    static ExchangeLedger ledger;

    @BeforeAll
    static void load() throws Exception {
        Agreement agreement = AgreementJson.load(RepoRoot.example());
        ledger = ExchangesJson.load(RepoRoot.example().resolveSibling(ExchangesJson.FILE_NAME), agreement);
    }

    @Test
    void theWoundedCountIsFlaggedWithEachSourcesFigure() {
        assertThat(ledger.discrepancies()).singleElement().satisfies(d -> assertThat(d.describe()).isEqualTo(
                "released by RU: wounded (outside parity): 23 (seed-2025-03-19-fr), 22 (ru-mod-2025-03-19),"
                        + " 22 (ua-acceptance-2025-03-19)"));
    }

    @Test
    void parityHoldsAndThePromiseOfTheWoundedDependsOnTheSource() {
        BalanceRow row = ledger.balances().get(0).rows().get(0);
        assertThat(row.releasedInParity().get("RU")).isEqualTo(new Span(175, 175));
        assertThat(row.releasedInParity().get("UA")).isEqualTo(new Span(175, 175));
        assertThat(row.parity()).isEqualTo(LedgerCheck.HOLDS);
        assertThat(row.releasedOutsideParity().get("RU")).hasToString("22-23");
        assertThat(row.asPromised()).isEqualTo(LedgerCheck.DEPENDS_ON_SOURCE);
    }

    @Test
    void theTableShowsTheSourcesSideBySide() {
        String table = ExchangeTable.render(ledger);
        assertThat(table).contains("DISAGREE", "23 seed-2025-03-19-fr (announced)", "22 ru-mod-2025-03-19 (reported)",
                "by RU: 22-23 (promised 23)", "depends_on_source", "United Arab Emirates");
        assertThat(table.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(AgreementTable.WIDTH));
    }

    @Test
    void theSeedArticleItselfSays23() throws Exception {
        String sentence = ArticleSentences.split(java.nio.file.Files.readString(RepoRoot.seedArticle())).get(16);
        assertThat(sentence).as("sentence 17 of the seed article").contains("23");
    }
}
