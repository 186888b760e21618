package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST: GET /agreements and /agreements/{id} show the 18 March 2025 agreement as
 * the server holds it: commitments with their kind, parties and stances, windows; positions apart.
 */
class AgreementApiTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void theAgreementsAreListed() {
        Api.Response r = fx.api.get("/api/v1/agreements");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json()).singleElement().satisfies(a -> {
            assertThat(a.get("id").asText()).isEqualTo("2025-03-18-call");
            assertThat(a.get("parties").toString()).isEqualTo("[\"RU\",\"UA\",\"US\"]");
            assertThat(a.get("commitment_count").asInt()).isEqualTo(fx.reference.agreement().commitments().size());
            assertThat(a.get("position_count").asInt()).isEqualTo(6);
        });
    }

    @Test
    void oneAgreementShowsItsCommitmentsWithPartiesStancesAndWindows() {
        Api.Response r = fx.api.get("/api/v1/agreements/2025-03-18-call");

        assertThat(r.status()).isEqualTo(200);
        JsonNode energy = commitment(r.json(), "energy-moratorium");
        assertThat(energy.get("kind").asText()).isEqualTo("strike_moratorium");
        assertThat(energy.get("proposed_by").toString()).isEqualTo("[\"US\"]");
        assertThat(energy.get("parties")).extracting(p -> p.get("party").asText() + " " + p.get("stance").asText() + " "
                + p.get("since").asText() + " binds=" + p.get("binds").asBoolean())
                .containsExactly("RU accepted 2025-03-18 binds=true", "UA accepted 2025-03-19 binds=true");
        assertThat(energy.get("windows")).extracting(w -> w.get("label").asText() + " [" + w.get("from").asText() + ", "
                + w.get("until_exclusive").asText() + ") " + w.get("stated_duration").asText())
                .containsExactly("RU [2025-03-18, 2025-04-17) 30 days", "UA [2025-03-25, 2025-04-24) 30 days");
        assertThat(energy.get("conditions").get(0).get("kind").asText()).isEqualTo("reciprocity");
        assertThat(energy.get("source").get("sentence").asInt()).isEqualTo(13);
        assertThat(energy.get("scope").get("protected_category_prefixes").toString()).isEqualTo("[\"energy.\"]");
        assertThat(energy.get("scope").get("radius_m").asDouble()).isEqualTo(3000);
        assertThat(energy.get("assessed_from_reports").asBoolean()).isTrue();

        JsonNode ceasefire = commitment(r.json(), "contact-line-ceasefire");
        assertThat(ceasefire.get("parties")).extracting(p -> p.get("party").asText() + " " + p.get("stance").asText())
                .containsExactly("UA accepted", "RU pending");
        assertThat(ceasefire.get("scope").get("buffer_m").asDouble()).isEqualTo(15000);

        JsonNode exchange = commitment(r.json(), "pow-exchange-2025-03-19");
        assertThat(exchange.get("kind").asText()).isEqualTo("prisoner_exchange");
        assertThat(exchange.get("assessed_from_reports").asBoolean()).as("exchanges have their own ledger").isFalse();
        assertThat(exchange.get("scope").get("total_per_side").asInt()).isEqualTo(175);
        assertThat(exchange.get("scope").get("stages").get(0).get("transfers").get(0).get("persons").asInt())
                .isEqualTo(23);

        assertThat(commitment(r.json(), "hockey-matches").get("scope").get("step").asText())
                .isEqualTo("joint_initiative");
        assertThat(r.json().get("positions")).extracting(p -> p.get("id").asText())
                .as("demands of one party are listed apart, never among commitments")
                .contains("ru-end-foreign-military-aid", "ru-no-rearmament")
                .doesNotContainAnyElementsOf(r.json().get("commitments").findValuesAsText("id"));
    }

    @Test
    void anUnknownAgreementIs404() {
        Api.Response r = fx.api.get("/api/v1/agreements/2022-02-24-none");

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("no agreement '2022-02-24-none'");
        assertThat(r.field()).isNull();
    }

    private static JsonNode commitment(JsonNode agreement, String id) {
        for (JsonNode c : agreement.get("commitments")) {
            if (c.get("id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no commitment " + id);
    }
}
