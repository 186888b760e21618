package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * FEATURE UNDER TEST: POST /api/v1/reports. A report is checked field by field, stored under its
 * idempotency key, assessed at once, and answered with its findings; a refused request leaves
 * nothing in the database.
 */
class ReportIntakeApiTest {

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
    void aStrikeNextToAProtectedEnergyObjectInTheWindowIsAPossibleViolation() {
        ObjectNode report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-V1");

        Api.Response r = fx.api.postReport("key-violation-1", report);

        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.raw().headers().firstValue("Location")).hasValue("/api/v1/reports/" + r.json().get("report_id"));
        assertThat(r.json().get("version").asInt()).isEqualTo(1);
        assertThat(r.json().get("effect").asText()).isEqualTo("created");
        assertThat(r.json().get("replayed").asBoolean()).isFalse();
        JsonNode energy = finding(r.json(), "energy-moratorium");
        assertThat(energy.get("outcome").asText()).isEqualTo("possible_violation");
        assertThat(energy.get("party").asText()).isEqualTo("RU");
        assertThat(energy.get("reason").asText()).isNotBlank();
        assertThat(energy.get("evidence").get("object").get("id").asText()).isEqualTo("X0000001");
        assertThat(energy.get("evidence").get("distance_m").asDouble()).isBetween(1000.0, 2000.0);
        assertThat(energy.get("target_path").asText()).isEqualTo("registered_object");
        assertThat(energy.get("readings")).extracting(x -> x.get("reading").asText() + " " + x.get("outcome").asText())
                .as("Russia counts from 18 March, Ukraine from 25 March")
                .containsExactly("RU possible_violation", "UA out_of_scope");
        assertThat(energy.get("trace")).extracting(c -> c.get("condition").asText() + ": " + c.get("verdict").asText())
                .containsExactly("event type: holds", "window[RU]: holds", "window[UA]: fails",
                        "protected target: holds", "party bound: holds");

        long id = r.json().get("report_id").asLong();
        assertThat(fx.db.findings().listForReport(id)).as("the findings are stored, not only answered")
                .anySatisfy(f -> assertThat(f.assessment().outcome().wireName()).isEqualTo("possible_violation"));
    }

    @Test
    void aRetryWithTheSameKeyAndBodyIsAReplayThatStoresNothing() {
        ObjectNode report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-R1");
        Api.Response first = fx.api.postReport("key-replay-1", report);
        long before = fx.reportCount();

        // The same report written with other spacing and key order is the same request.
        String reordered = "{ \"source_id\": \"monitor-1\", " + report.toString().substring(1);
        ObjectNode same = (ObjectNode) parse(reordered);
        Api.Response again = fx.api.postReport("key-replay-1", same);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("replayed").asBoolean()).isTrue();
        assertThat(again.json().get("report_id")).isEqualTo(first.json().get("report_id"));
        assertThat(again.json().get("version")).isEqualTo(first.json().get("version"));
        assertThat(again.json().get("findings")).isEqualTo(first.json().get("findings"));
        assertThat(fx.reportCount()).isEqualTo(before);
    }

    @Test
    void concurrentRetriesWithOneKeyStoreOneReport() throws Exception {
        ObjectNode report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-P1");
        long before = fx.reportCount();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> fx.api.postReport("key-parallel-1", report)));
            }
            List<Integer> statuses = new ArrayList<>();
            Set<Long> ids = new HashSet<>();
            for (Future<Api.Response> a : answers) {
                statuses.add(a.get().status());
                ids.add(a.get().json().get("report_id").asLong());
            }
            assertThat(statuses).as("one creation, the rest replays").containsOnly(200, 201)
                    .filteredOn(s -> s == 201).hasSize(1);
            assertThat(ids).hasSize(1);
            assertThat(fx.reportCount()).isEqualTo(before + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndStoresNothing() {
        ObjectNode report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-C1");
        assertThat(fx.api.postReport("key-conflict-1", report).status()).isEqualTo(201);
        long id = fx.db.reports().findCurrent("monitor-1", "UKR-C1").orElseThrow().id();
        long before = fx.reportCount();

        report.put("fatalities", 3);
        Api.Response r = fx.api.postReport("key-conflict-1", report);

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.field()).isEqualTo("Idempotency-Key");
        assertThat(r.error()).contains("key-conflict-1", "different request");
        assertThat(fx.reportCount()).isEqualTo(before);
        assertThat(fx.db.reports().history(id)).as("no second version").hasSize(1);
    }

    @Test
    void aNewKeyForChangedContentIsANewVersionOfTheSameReport() {
        ObjectNode report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-U1");
        Api.Response first = fx.api.postReport("key-update-1", report);
        report.put("event_date", "2025-03-10");
        Api.Response second = fx.api.postReport("key-update-2", report);

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("report_id")).isEqualTo(first.json().get("report_id"));
        assertThat(second.json().get("version").asInt()).isEqualTo(2);
        assertThat(second.json().get("effect").asText()).isEqualTo("updated");
        assertThat(finding(second.json(), "energy-moratorium").get("outcome").asText())
                .as("8 days before the moratorium: reassessed on the new version").isEqualTo("out_of_scope");
        assertThat(finding(second.json(), "energy-moratorium").get("report_version").asInt()).isEqualTo(2);
    }

    @Test
    void aReportWithoutExternalIdGetsOneFromItsKey() {
        ObjectNode report = Api.strikeNearSubstation();
        report.remove("event_id_cnty");

        Api.Response r = fx.api.postReport("3f1c9a2e-anonymous", report);
        Api.Response replay = fx.api.postReport("3f1c9a2e-anonymous", report);

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("event_id_cnty").asText()).isEqualTo("api:3f1c9a2e-anonymous");
        assertThat(replay.json().get("replayed").asBoolean()).isTrue();
    }

    @Test
    void optionalFieldsAndExtraColumnsAreKept() {
        ObjectNode report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-X1");
        report.put("target_category", "energy.substation");
        report.put("explosions", 4);
        report.put("radius_m", 500);
        report.put("notes_language", "en");
        report.put("source", "Regional administration; Telegram");
        report.putObject("extra").put("iso", "804").put("admin2", "Zaporizkyi");

        Api.Response r = fx.api.postReport("key-extra-1", report);
        JsonNode stored = fx.api.get("/api/v1/reports/" + r.json().get("report_id")).json().get("report");

        assertThat(r.status()).isEqualTo(201);
        assertThat(stored.get("target_category").asText()).isEqualTo("energy.substation");
        assertThat(stored.get("explosions").asInt()).isEqualTo(4);
        assertThat(stored.get("radius_m").asInt()).isEqualTo(500);
        assertThat(stored.get("notes_language").asText()).isEqualTo("en");
        assertThat(stored.get("source").asText()).isEqualTo("Regional administration; Telegram");
        assertThat(stored.get("extra").get("admin2").asText()).isEqualTo("Zaporizkyi");
        assertThat(stored.get("source_id").asText()).isEqualTo("monitor-1");
    }

    // --- refused requests ---------------------------------------------------------------------

    static Stream<Arguments> badReports() {
        return Stream.of(
                bad("event_date", r -> r.remove("event_date"), "event_date is required"),
                bad("event_date", r -> r.putNull("event_date"), "event_date is required"),
                bad("event_date", r -> r.put("event_date", "2025-02-30"), "YYYY-MM-DD"),
                bad("event_date", r -> r.put("event_date", "20/03/2025"), "YYYY-MM-DD"),
                bad("event_date", r -> r.put("event_date", 20250320), "must be a string, got a number"),
                bad("event_date", r -> r.put("event_date", "1850-01-01"), "between"),
                bad("time_precision", r -> r.put("time_precision", 4), "from 1 to 3"),
                bad("time_precision", r -> r.put("time_precision", 0), "from 1 to 3"),
                bad("time_precision", r -> r.put("time_precision", 1.5), "whole number"),
                bad("time_precision", r -> r.put("time_precision", "1"), "got a string"),
                bad("time_precision", r -> r.remove("time_precision"), "time_precision is required"),
                bad("geo_precision", r -> r.put("geo_precision", 7), "from 1 to 3"),
                bad("latitude", r -> r.put("latitude", 91.0), "within -90..90"),
                bad("latitude", r -> r.put("latitude", -90.5), "within -90..90"),
                bad("latitude", r -> r.put("latitude", "47.9"), "must be a number"),
                bad("latitude", r -> r.remove("latitude"), "latitude is required"),
                bad("longitude", r -> r.put("longitude", 180.01), "within -180..180"),
                bad("longitude", r -> r.put("longitude", true), "got a boolean"),
                bad("event_type", r -> r.remove("event_type"), "event_type is required"),
                bad("event_type", r -> r.put("event_type", " "), "must not be blank"),
                bad("event_type", r -> r.putArray("event_type").add("Battles"), "got an array"),
                bad("actor1", r -> r.put("actor1", 12), "must be a string"),
                bad("fatalities", r -> r.put("fatalities", -1), "from 0"),
                bad("fatalities", r -> r.put("fatalities", "none"), "got a string"),
                bad("radius_m", r -> r.put("radius_m", 0), "from 1"),
                bad("notes_language", r -> r.put("notes_language", "english please"), "BCP 47"),
                bad("notes", r -> r.put("notes", "a\u0000b"), "NUL"),
                bad("source_id", r -> r.remove("source_id"), "source_id is required"),
                bad("source_id", r -> r.put("source_id", "nobody"), "unknown source 'nobody'"),
                bad("source_id", r -> r.put("source_id", "bad id!"), "source_id must be"),
                bad("event_id_cnty", r -> r.put("event_id_cnty", "x".repeat(201)), "at most 200"),
                bad("event_id_cnty", r -> r.put("event_id_cnty", ""), "must not be blank"),
                bad("lattitude", r -> r.put("lattitude", 47.9), "unknown field 'lattitude'"),
                bad("extra", r -> r.put("extra", "iso=804"), "object of strings"),
                bad("extra.iso", r -> r.putObject("extra").put("iso", 804), "must be a string"),
                bad("extra.latitude", r -> r.putObject("extra").put("latitude", "1"), "field of its own"));
    }

    private static Arguments bad(String field, Consumer<ObjectNode> change, String message) {
        return Arguments.of(field, change, message);
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("badReports")
    void aBadFieldIsRefusedWith400NamingItAndNothingIsStored(String field, Consumer<ObjectNode> change,
            String message) {
        ObjectNode report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-BAD");
        change.accept(report);
        long before = fx.reportCount();
        String key = "key-bad-" + field + "-" + Math.abs(message.hashCode());

        Api.Response r = fx.api.postReport(key, report);

        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.error()).contains(message);
        assertNothingStored(before, key);
    }

    @Test
    void aMissingOrBadIdempotencyKeyIsRefused() {
        long before = fx.reportCount();
        Api.Response missing = fx.api.post("/api/v1/reports", Api.strikeNearSubstation().toString(),
                Map.of("Content-Type", "application/json"));
        Api.Response tooLong = fx.api.postReport("k".repeat(129), Api.strikeNearSubstation());
        Api.Response withSpace = fx.api.postReport("my key", Api.strikeNearSubstation());

        for (Api.Response r : new Api.Response[] {missing, tooLong, withSpace}) {
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.field()).isEqualTo("Idempotency-Key");
        }
        assertThat(missing.error()).contains("header is required");
        assertThat(fx.reportCount()).isEqualTo(before);
    }

    @Test
    void bodiesThatAreNotAReportObjectAreRefused() {
        long before = fx.reportCount();
        Map<String, String> json = Map.of("Content-Type", "application/json", "Idempotency-Key", "key-body-1");

        Api.Response malformed = fx.api.post("/api/v1/reports", "{\"event_date\": ", json);
        Api.Response array = fx.api.post("/api/v1/reports", "[1, 2]", json);
        Api.Response empty = fx.api.post("/api/v1/reports", "", json);
        Api.Response duplicate = fx.api.post("/api/v1/reports", "{\"latitude\": 1, \"latitude\": 2}", json);
        Api.Response trailing = fx.api.post("/api/v1/reports", Api.strikeNearSubstation() + " {}", json);
        Api.Response text = fx.api.post("/api/v1/reports", "event_date=2025-03-20",
                Map.of("Content-Type", "text/plain", "Idempotency-Key", "key-body-1"));

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.error()).startsWith("malformed JSON at line 1");
        assertThat(array.status()).isEqualTo(400);
        assertThat(array.error()).contains("expected a JSON object, got an array");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.error()).contains("empty");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.error()).contains("Duplicate field 'latitude'");
        assertThat(trailing.status()).isEqualTo(400);
        assertThat(text.status()).isEqualTo(415);
        assertThat(text.field()).isEqualTo("Content-Type");
        assertNothingStored(before, "key-body-1");
    }

    @Test
    void anOversizedBodyIsRefusedWith413WhetherItsLengthIsDeclaredOrNot() {
        long before = fx.reportCount();
        ObjectNode report = Api.strikeNearSubstation();
        report.put("notes", "x".repeat((1 << 20) + 10));
        byte[] body = report.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);

        Api.Response declared = fx.api.send(HttpRequest.newBuilder(fx.api.uri("/api/v1/reports"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-big-1")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
        Api.Response streamed = fx.api.send(HttpRequest.newBuilder(fx.api.uri("/api/v1/reports"))
                .header("Content-Type", "application/json").header("Idempotency-Key", "key-big-2")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.error()).contains("larger than the limit of 1048576 bytes");
        assertThat(streamed.status()).as("chunked, no declared length").isEqualTo(413);
        assertNothingStored(before, "key-big-1");
        assertNothingStored(before, "key-big-2");
    }

    private static void assertNothingStored(long reportsBefore, String key) {
        assertThat(fx.reportCount()).as("no report stored").isEqualTo(reportsBefore);
        assertThat(fx.db.intake().find(key)).as("the key was not used").isEmpty();
    }

    private static JsonNode finding(JsonNode response, String commitment) {
        for (JsonNode f : response.get("findings")) {
            if (f.get("commitment_id").asText().equals(commitment)) {
                return f;
            }
        }
        throw new AssertionError("no finding for " + commitment + " in " + response);
    }

    private static JsonNode parse(String json) {
        try {
            return Api.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
