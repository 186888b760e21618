package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.format.agreement.AgreementFormatException;

/**
 * FEATURE UNDER TEST (issue 5, wiring): the server loads the example's exchanges.json and
 * timeline.json from beside the agreement and answers {@code /exchanges} (every source's figures
 * side by side, the 23 vs 22 wounded flagged, the running balance) and {@code /timeline}
 * (milestones with their status history and each change's source). A broken file stops the start.
 */
class ProcessApiTest {

    @TempDir
    static Path dir;

    private static TruceServer server;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        ServerConfig config = ServerConfig.defaults().withDataDirectory(dir.resolve("truce-data")).withPort(0)
                .withAgreement(Example.agreement()).withFacilities(Example.facilities()).withZones(Example.zones())
                .withCompanionFiles();
        String token = TestAccounts.create(config.database()).token(TestAccounts.ANALYST);
        server = TruceServer.open(config);
        api = new Api(server.start(0), token);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theCompanionFilesBesideTheAgreementAreFound() {
        ServerConfig config = ServerConfig.defaults().withAgreement(Example.agreement()).withCompanionFiles();
        assertThat(config.exchangesFile()).isEqualTo(Example.dir().resolve("exchanges.json"));
        assertThat(config.timelineFile()).isEqualTo(Example.dir().resolve("timeline.json"));
    }

    @Test
    void everySourcesFiguresAreSideBySideAndTheWoundedDisagree() {
        Api.Response r = api.get("/api/v1/exchanges");

        assertThat(r.status()).isEqualTo(200);
        JsonNode exchange = r.json().get("exchanges").get(0);
        assertThat(exchange.get("date").asText()).isEqualTo("2025-03-19");
        JsonNode wounded = figure(exchange, "RU", "wounded");
        assertThat(wounded.get("agrees").asBoolean()).as("23 announced, 22 reported: flagged").isFalse();
        assertThat(wounded.get("outside_parity").asBoolean()).isTrue();
        assertThat(values(wounded)).contains("seed-2025-03-19-fr=23", "ru-mod-2025-03-19=22");
        assertThat(wounded.get("span").get("text").asText()).as("a span, never an average").isEqualTo("22-23");
        assertThat(figure(exchange, "UA", "servicemen").get("agrees").asBoolean()).isTrue();

        JsonNode discrepancy = r.json().get("discrepancies").get(0);
        assertThat(discrepancy.get("exchange").asText()).isEqualTo(exchange.get("id").asText());
        assertThat(discrepancy.get("description").asText())
                .startsWith("released by RU: wounded (outside parity): 23 (seed-2025-03-19-fr), 22");

        JsonNode row = r.json().get("balances").get(0).get("rows").get(0);
        assertThat(row.get("released_in_parity").get("RU").get("text").asText()).isEqualTo("175");
        assertThat(row.get("released_in_parity").get("UA").get("text").asText()).isEqualTo("175");
        assertThat(row.get("promised_per_side").asInt()).isEqualTo(175);
        assertThat(row.get("parity").asText()).isEqualTo("holds");
        assertThat(row.get("as_promised").asText()).as("22 or 23 wounded against 23 promised")
                .isEqualTo("depends_on_source");
        assertThat(r.json().get("statements").findValuesAsText("id")).contains("seed-2025-03-19-fr",
                "ru-mod-2025-03-19");
    }

    @Test
    void theTimelineListsMilestonesWithTheirStatusHistoryAndSources() {
        Api.Response r = api.get("/api/v1/timeline");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("scale").toString())
                .isEqualTo("[\"not_started\",\"minimal\",\"intermediate\",\"full\"]");
        JsonNode first = r.json().get("milestones").get(0);
        assertThat(first.get("id").asText()).isEqualTo("jeddah-talks");
        assertThat(first.get("date").asText()).isEqualTo("2025-03-11");
        JsonNode experts = milestone(r.json(), "expert-groups");
        assertThat(experts.get("status").asText()).isEqualTo("minimal");
        JsonNode history = experts.get("history");
        assertThat(history.get(0).get("status").asText()).isEqualTo("not_started");
        assertThat(history.get(1).get("on").asText()).isEqualTo("2025-03-24");
        assertThat(history.get(1).get("source").get("statement").asText()).isEqualTo("riyadh-talks-2025-03-24");
        assertThat(r.json().get("statements").findValuesAsText("id")).as("the timeline's own statements too")
                .contains("riyadh-talks-2025-03-24", "seed-2025-03-19-fr");
    }

    @Test
    void withoutCompanionFilesTheLedgersAreEmpty(@TempDir Path other) throws Exception {
        try (ServerFixture fx = ServerFixture.start(other)) {
            assertThat(fx.api.get("/api/v1/exchanges").json().get("exchanges")).isEmpty();
            assertThat(fx.api.get("/api/v1/exchanges").json().get("balances")).isEmpty();
            assertThat(fx.api.get("/api/v1/timeline").json().get("milestones")).isEmpty();
        }
    }

    @Test
    void anUnknownQueryParameterIsRefused() {
        Api.Response r = api.get("/api/v1/exchanges?commitment=x");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("commitment");
    }

    @Test
    void aBrokenExchangesFileStopsTheStartWithFileLineAndField(@TempDir Path folder) throws Exception {
        Files.copy(Example.agreement(), folder.resolve("agreement.json"));
        Files.writeString(folder.resolve("exchanges.json"), """
                {"agreement": "2025-03-18-call",
                 "exchanges": [
                   {"id": "x", "commitment": "pow-exchange-2025-03-19", "stage": 1, "date": "2025-03-19",
                    "accounts": [{"source": {"statement": "seed-2025-03-19-fr"}, "kind": "announced",
                                  "released": [{"by": "RU", "category": "servicemen", "persons": -5}]}]}]}
                """);
        ServerConfig config = ServerConfig.defaults().withDataDirectory(folder.resolve("truce-data"))
                .withAgreement(folder.resolve("agreement.json")).withCompanionFiles();
        assertThat(config.timelineFile()).as("absent: no timeline, not an error").isNull();

        assertThatThrownBy(() -> TruceServer.open(config)).isInstanceOf(AgreementFormatException.class)
                .hasMessageContaining("exchanges.json:5:")
                .hasMessageContaining("exchanges[0].accounts[0].released[0].persons")
                .hasMessageContaining("-5");
        assertThat(Files.exists(folder.resolve("truce-data"))).as("refused before the database is opened")
                .isFalse();
    }

    private static JsonNode figure(JsonNode exchange, String by, String category) {
        for (JsonNode f : exchange.get("figures")) {
            if (f.get("figure").asText().equals("released") && f.get("by").asText().equals(by)
                    && f.get("category").asText().equals(category)) {
                return f;
            }
        }
        throw new AssertionError("no figure released by " + by + " of " + category + " in " + exchange);
    }

    private static List<String> values(JsonNode figure) {
        List<String> out = new ArrayList<>();
        figure.get("values").forEach(v -> out.add(v.get("statement").asText() + "=" + v.get("persons").asInt()));
        return out;
    }

    private static JsonNode milestone(JsonNode timeline, String id) {
        for (JsonNode m : timeline.get("milestones")) {
            if (m.get("id").asText().equals(id)) {
                return m;
            }
        }
        throw new AssertionError("no milestone " + id);
    }
}
