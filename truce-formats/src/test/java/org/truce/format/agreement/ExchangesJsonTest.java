package org.truce.format.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.exchange.ExchangeLedger;
import org.truce.exchange.LedgerCheck;

/** FEATURE UNDER TEST: the strict reader of exchanges files and the text it is shown as. */
class ExchangesJsonTest {

    static Agreement example;

    @BeforeAll
    static void loadAgreement() throws Exception {
        example = AgreementJson.load(RepoRoot.example());
    }

    /** One exchange with one account; {@code %s} is replaced by the release's members. */
    static String file(String release) {
        return """
                {
                  "agreement": "2025-03-18-call",
                  "exchanges": [
                    {"id": "x", "commitment": "pow-exchange-2025-03-19", "stage": 1, "date": "2025-03-19",
                     "accounts": [
                       {"source": {"statement": "seed-2025-03-19-fr"}, "kind": "reported",
                        "released": [{%s}]}
                     ]}
                  ]
                }
                """.formatted(release);
    }

    @Test
    void aSmallFileReadsIntoALedger() throws Exception {
        ExchangeLedger ledger = ExchangesJson.parse(file("\"by\": \"RU\", \"category\": \"servicemen\", \"persons\": 175"),
                "x.json", example);
        assertThat(ledger.exchanges()).singleElement().satisfies(x -> assertThat(x.figures()).hasSize(1));
        assertThat(ledger.balances().get(0).rows().get(0).parity()).as("UA released nobody on this account")
                .isEqualTo(LedgerCheck.FAILS);
    }

    @Test
    void problemsNameTheFileTheLineAndTheField() {
        assertThatThrownBy(() -> ExchangesJson.parse(
                file("\"by\": \"US\", \"category\": \"prisoners\", \"persons\": -1, \"outside_parity\": \"yes\""),
                "x.json", example))
                .isInstanceOf(AgreementFormatException.class)
                .hasMessageContaining("x.json: 4 problems")
                .hasMessageContaining("x.json:7:23: exchanges[0].accounts[0].released[0].by: \"US\" is not a party"
                        + " to the commitment; expected one of RU, UA")
                .hasMessageContaining("exchanges[0].accounts[0].released[0].category: expected one of servicemen,"
                        + " wounded, young_soldiers, civilians, bodies, other, found \"prisoners\"")
                .hasMessageContaining("released[0].persons: expected a whole number >= 0, found -1")
                .hasMessageContaining("released[0].outside_parity: expected true or false, found \"yes\"");
    }

    @Test
    void referencesAreCheckedAgainstTheAgreement() {
        String json = """
                {"agreement": "another", "exchanges": [
                  {"id": "x", "commitment": "energy-moratorium", "stage": 1, "date": "2025-03-19",
                   "accounts": [{"source": {"statement": "rumour"}, "kind": "reported",
                                 "released": [{"by": "RU", "category": "civilians", "persons": 1}]}]}]}
                """;
        assertThatThrownBy(() -> ExchangesJson.parse(json, "x.json", example))
                .hasMessageContaining("agreement: this file belongs to agreement \"another\"")
                .hasMessageContaining("exchanges[0].commitment: commitment \"energy-moratorium\" is a strike_moratorium;"
                        + " expected a prisoner_exchange: pow-exchange-2025-03-19")
                .hasMessageContaining("source.statement: unknown statement \"rumour\"");
    }

    @Test
    void anUnknownFieldIsAnError() {
        assertThatThrownBy(() -> ExchangesJson.parse(
                file("\"by\": \"RU\", \"category\": \"wounded\", \"persons\": 3, \"outside\": true"), "x.json", example))
                .hasMessageContaining("released[0].outside: unknown field of a release; expected one of by, category,"
                        + " persons, outside_parity");
    }
}
