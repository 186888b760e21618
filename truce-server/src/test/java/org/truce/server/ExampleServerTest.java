package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.assessment.Assessment;
import org.truce.assessment.AssessmentEngine;
import org.truce.format.RejectSink;
import org.truce.format.acled.AcledReader;
import org.truce.report.Report;
import org.truce.store.Database;
import org.truce.store.Sha256;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST: the 18 March 2025 example (agreement, facilities, line of contact, Black
 * Sea) loads into a server started from a {@link ServerConfig}, as the CLI will start it; every
 * example report posted through the API gets the findings the engine gives on its own; and a
 * changed agreement makes the stored findings stale until they are recomputed.
 */
class ExampleServerTest {

    @TempDir
    Path dir;

    @Test
    void theExampleLoadsAndPostedReportsGetTheEnginesFindings() throws Exception {
        ServerConfig config = exampleConfig(Example.agreement());
        registerSource(config);
        List<Report> events = events();
        AssessmentEngine engine = TruceServer.engineFor(Example.load());

        String token = TestAccounts.create(config.database()).token(TestAccounts.ANALYST);
        try (TruceServer server = TruceServer.open(config)) {
            Api api = new Api(server.start(config.port()), token);

            assertThat(server.warnings()).as("every zone found, every facility row read").isEmpty();
            assertThat(server.apiUrl()).startsWith("http://127.0.0.1:");
            assertThat(api.get("/api/v1/agreements/2025-03-18-call").status()).isEqualTo(200);
            List<String> expected = new ArrayList<>();
            List<String> answered = new ArrayList<>();
            for (Report e : events) {
                for (Assessment a : engine.assess(e)) {
                    expected.add(e.id() + " " + a.commitmentId() + " " + a.outcome().wireName());
                }
                Api.Response r = api.postReport("example-" + e.id(), asJson(e));
                assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
                for (JsonNode f : r.json().get("findings")) {
                    answered.add(e.id() + " " + f.get("commitment_id").asText() + " " + f.get("outcome").asText());
                }
            }
            assertThat(events).hasSizeGreaterThan(5);
            assertThat(answered).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(answered).as("the example has at least one possible violation")
                    .anyMatch(s -> s.endsWith("possible_violation"));
            assertThat(api.get("/api/v1/findings?limit=1000").json().get("total").asInt()).isEqualTo(expected.size());
        }
    }

    @Test
    void aChangedAgreementMakesFindingsStaleUntilTheyAreRecomputed() throws Exception {
        Path agreement = dir.resolve("agreement.json");
        String text = Files.readString(Example.agreement());
        Files.writeString(agreement, text);
        ServerConfig config = exampleConfig(agreement);
        registerSource(config);
        String token = TestAccounts.create(config.database()).token(TestAccounts.ANALYST);
        ObjectNode strike = Api.strikeNearSubstation(); // 1.3 km from the substation
        try (TruceServer server = TruceServer.open(config)) {
            Api api = new Api(server.start(0), token);
            assertThat(outcomeOfEnergy(api.postReport("stale-1", strike).json())).isEqualTo("possible_violation");
        }

        // The radius of the energy moratorium shrinks from 3 km to 1 km.
        assertThat(text).contains("\"radius_m\": 3000");
        Files.writeString(agreement, text.replace("\"radius_m\": 3000", "\"radius_m\": 1000"));
        try (TruceServer server = TruceServer.open(config)) {
            assertThat(server.refreshStaleFindings()).isEqualTo(1);
            assertThat(server.refreshStaleFindings()).as("nothing stale any more").isZero();
            Api api = new Api(server.start(0), token);
            assertThat(api.get("/api/v1/findings?commitment=energy-moratorium&outcome=possible_violation").json()
                    .get("total").asInt()).as("1.3 km is outside the new radius").isZero();
            JsonNode findings = api.get("/api/v1/reports/1").json().get("findings");
            assertThat(findings).as("a strike 1.3 km away whose text names no target no longer concerns it")
                    .noneMatch(f -> f.get("commitment_id").asText().equals("energy-moratorium"));
            String newVersion = Sha256.hex(Files.readAllBytes(agreement));
            assertThat(findings).allSatisfy(f -> assertThat(f.get("agreement_version").asText())
                    .as("whatever remains was computed on the new agreement").isEqualTo(newVersion));
        }
    }

    @Test
    void aReportAssessedWithoutAnyFindingIsAssessedAgainWhenTheAgreementChangesIssue4() throws Exception {
        Path agreement = dir.resolve("agreement-early.json");
        String text = Files.readString(Example.agreement());
        Files.writeString(agreement, text);
        ServerConfig config = exampleConfig(agreement);
        registerSource(config);
        String token = TestAccounts.create(config.database()).token(TestAccounts.ANALYST);
        ObjectNode early = Api.strikeNearSubstation();
        early.put("event_date", "2024-12-01"); // months before any window: no commitment can concern it
        try (TruceServer server = TruceServer.open(config)) {
            Api api = new Api(server.start(0), token);
            assertThat(api.postReport("early-1", early).json().get("findings")).as("nothing to assess it against")
                    .isEmpty();
        }

        // Russia's reading of the energy moratorium moves to cover 1 December 2024.
        String ruWindow = "{\"label\": \"RU\", \"from\": \"2025-03-18\", \"until_exclusive\": \"2025-04-17\"";
        assertThat(text).contains(ruWindow);
        Files.writeString(agreement, text.replace(ruWindow,
                "{\"label\": \"RU\", \"from\": \"2024-11-20\", \"until_exclusive\": \"2024-12-20\""));
        try (TruceServer server = TruceServer.open(config)) {
            assertThat(server.refreshStaleFindings()).as("the report with no finding was assessed on the old file")
                    .isEqualTo(1);
            assertThat(server.refreshStaleFindings()).isZero();
            Api api = new Api(server.start(0), token);
            assertThat(api.get("/api/v1/reports/1").json().get("findings"))
                    .anyMatch(f -> f.get("commitment_id").asText().equals("energy-moratorium"));
        }
    }

    private ServerConfig exampleConfig(Path agreement) {
        return ServerConfig.defaults()
                .withDataDirectory(dir.resolve("truce-data"))
                .withPort(0)
                .withAgreement(agreement)
                .withFacilities(Example.facilities())
                .withZones(Example.zones());
    }

    /** The database is the server's, opened and closed by it; a source is registered beforehand. */
    private static void registerSource(ServerConfig config) {
        try (Database db = Database.open(config.database())) {
            db.sources().register(new Source("monitor-1", "Monitoring team 1", SourceKind.MONITOR));
        }
    }

    private static String outcomeOfEnergy(JsonNode intake) {
        for (JsonNode f : intake.get("findings")) {
            if (f.get("commitment_id").asText().equals("energy-moratorium")) {
                return f.get("outcome").asText();
            }
        }
        return "none";
    }

    private static List<Report> events() throws Exception {
        List<Report> events = new ArrayList<>();
        new AcledReader(RejectSink.ignoring()).read(Example.dir().resolve("events.csv"), events::add);
        return events;
    }

    /** An ACLED row as the JSON the API takes; columns Truce does not interpret go to extra. */
    private static ObjectNode asJson(Report e) {
        ObjectNode r = Api.JSON.createObjectNode();
        r.put("event_id_cnty", e.id());
        r.put("event_date", e.eventDate().toString());
        r.put("time_precision", e.timePrecision().code());
        r.put("event_type", e.eventType());
        r.put("sub_event_type", e.subEventType());
        r.put("actor1", e.actor1());
        r.put("actor2", e.actor2());
        r.put("country", e.country());
        r.put("admin1", e.admin1());
        r.put("location", e.location());
        r.put("latitude", e.point().lat_deg());
        r.put("longitude", e.point().lon_deg());
        r.put("geo_precision", e.geoPrecision().code());
        r.put("source", e.source());
        r.put("notes", e.notes());
        r.put("fatalities", e.fatalities());
        r.put("target", e.target());
        r.put("source_id", "monitor-1");
        ObjectNode extra = r.putObject("extra");
        for (String column : new TreeSet<>(e.extra().keySet())) {
            extra.put(column, e.extra().get(column));
        }
        return r;
    }
}
