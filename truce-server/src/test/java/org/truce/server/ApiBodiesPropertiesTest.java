package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * FEATURE UNDER TEST: hostile request bodies (issue 6, item 5). Random JSON, and the documented
 * bodies with fields removed or given values of any type, posted to the report intake and to the
 * incident operations of a real server: never a 5xx; a refusal is a 4xx JSON answer with an error
 * and a field member, and changes nothing (no report, no record entry, no incident history).
 */
class ApiBodiesPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> REPORT_FIELDS = List.copyOf(fieldNames(Api.strikeNearSubstation()));
    private static final List<String> OPERATION_FIELDS = List.of("absorbed", "report_ids", "status", "by", "reason");

    private static Path dir;
    private static ServerFixture fx;
    private static String incident;
    private static String other;
    private static long otherReport;
    private static final AtomicInteger KEYS = new AtomicInteger();

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("truce-api-bodies");
        fx = ServerFixture.start(dir);
        JsonNode first = posted("fuzz-base-1", 0);
        JsonNode second = posted("fuzz-base-2", 0.5);
        incident = first.get("incident_id").asText();
        other = second.get("incident_id").asText();
        otherReport = second.get("report_id").asLong();
    }

    @AfterContainer
    static void stop() throws IOException {
        fx.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The example strike, {@code north_deg} further north (half a degree is another incident). */
    private static JsonNode posted(String id, double north_deg) {
        ObjectNode report = Api.strikeNearSubstation();
        report.put("event_id_cnty", id);
        report.put("latitude", report.get("latitude").asDouble() + north_deg);
        Api.Response r = fx.api.postReport("key-" + id, report);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.json();
    }

    private record Counts(long reports, long entries, int history) {
    }

    private static Counts counts() {
        return new Counts(fx.reportCount(), fx.db.record().size(),
                fx.db.incidents().history(incident).size() + fx.db.incidents().history(other).size());
    }

    /** Never a 5xx; a refusal names its error, has a field member, and changes nothing. */
    private static void refusedCleanlyOrDone(Api.Response r, Counts before, String sent) {
        assertThat(r.status()).as("%s -> %s", sent, r.raw().body()).isBetween(200, 499);
        if (r.status() >= 400) {
            assertThat(r.json()).as("%s -> a JSON answer, got %s", sent, r.raw().body()).isNotNull();
            assertThat(r.error()).as(sent).isNotBlank();
            assertThat(r.json().has("field")).as("%s -> %s", sent, r.raw().body()).isTrue();
            assertThat(counts()).as("%s was refused, so nothing changed", sent).isEqualTo(before);
        } else {
            assertThat(counts().entries()).as("%s was taken, so the record grew", sent)
                    .isGreaterThan(before.entries());
        }
    }

    @Property(tries = 60)
    void anyJsonPostedAsAReportIsRefusedCleanlyOrTaken(@ForAll("reportBodies") JsonNode body) {
        Counts before = counts();
        Api.Response r = fx.api.postReport("fuzz-" + KEYS.incrementAndGet(), body);
        refusedCleanlyOrDone(r, before, body.toString());
    }

    @Property(tries = 40)
    void anyTextPostedAsAReportIsRefusedCleanly(@ForAll("text") String body) {
        Counts before = counts();
        Api.Response r = fx.api.post("/api/v1/reports", body, Map.of("Content-Type", "application/json",
                "Idempotency-Key", "fuzz-" + KEYS.incrementAndGet()));
        refusedCleanlyOrDone(r, before, body);
        assertThat(r.status()).as(body).isGreaterThanOrEqualTo(400);
    }

    /** An operation on {@code incident} and its body. */
    record Operation(String name, JsonNode body) {
    }

    @Property(tries = 60)
    void anyJsonPostedToAnIncidentOperationIsRefusedCleanlyOrDone(@ForAll("operationRequests") Operation op) {
        Counts before = counts();
        Api.Response r = fx.api.postJson("/api/v1/incidents/" + incident + "/" + op.name(), op.body().toString());
        refusedCleanlyOrDone(r, before, op.name() + " " + op.body());
    }

    /** Any JSON value: scalars of every type, and arrays and objects of them, two levels deep. */
    private static Arbitrary<JsonNode> anyJson() {
        Arbitrary<JsonNode> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(NODES::textNode),
                Arbitraries.of("2025-03-20", "20 March 2025", "2025-02-30", "", " ", "monitor-1", "nobody", "INC-1",
                        "corroborated", "verified", "Explosions/Remote violence").map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
        Arbitrary<JsonNode> arrays = scalars.list().ofMaxSize(3).map(items -> {
            ArrayNode a = NODES.arrayNode();
            items.forEach(a::add);
            return a;
        });
        return Arbitraries.frequencyOf(Tuple.of(6, scalars), Tuple.of(1, arrays));
    }

    private static Arbitrary<JsonNode> objects(List<String> knownFields) {
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of(knownFields), Arbitraries.strings().ofMaxLength(8));
        return Arbitraries.maps(keys, anyJson()).ofMaxSize(8).map(members -> {
            ObjectNode o = NODES.objectNode();
            members.forEach(o::set);
            return o;
        });
    }

    /** The documented report with up to three fields removed or given another value of any type. */
    @Provide
    Arbitrary<JsonNode> reportBodies() {
        Arbitrary<List<String>> fields = Arbitraries.of(REPORT_FIELDS).list().ofMinSize(1).ofMaxSize(3);
        Arbitrary<JsonNode> mutated = Combinators.combine(fields, anyJson().list().ofSize(3), Arbitraries.of(true, false))
                .as((names, values, remove) -> {
                    ObjectNode r = Api.strikeNearSubstation();
                    r.put("event_id_cnty", "fuzz-" + KEYS.incrementAndGet());
                    for (int i = 0; i < names.size(); i++) {
                        if (remove) {
                            r.remove(names.get(i));
                        } else {
                            r.set(names.get(i), values.get(i));
                        }
                    }
                    return r;
                });
        return Arbitraries.oneOf(mutated, objects(REPORT_FIELDS), anyJson());
    }

    /**
     * Merge, split and verification with documented fields given any values, any object, any JSON;
     * and a few requests the workflow may allow, so that some operations are done and later ones meet them.
     */
    @Provide
    Arbitrary<Operation> operationRequests() {
        Arbitrary<String> names = Arbitraries.of("merge", "split", "verification");
        Arbitrary<Operation> plausible = Combinators.combine(anyJson(), Arbitraries.integers().between(0, 5))
                .as((v, which) -> {
                    ObjectNode o = NODES.objectNode();
                    o.put("by", "analyst-9");
                    o.put("reason", "fuzz");
                    return switch (which) {
                        case 0 -> new Operation("merge", o.set("absorbed", v));
                        case 1 -> new Operation("split", o.set("report_ids", v));
                        case 2 -> new Operation("verification", o.set("status", v));
                        case 3 -> new Operation("split",
                                o.set("report_ids", NODES.arrayNode().add(otherReport).add(v)));
                        case 4 -> new Operation("merge", o.put("absorbed", other));
                        default -> new Operation("verification", o.put("status", "corroborated"));
                    };
                });
        Arbitrary<JsonNode> bodies = Arbitraries.oneOf(objects(OPERATION_FIELDS), anyJson());
        Arbitrary<Operation> random = Combinators.combine(names, bodies).as(Operation::new);
        return Arbitraries.oneOf(plausible, random);
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(60),
                Arbitraries.of("{", "{\"event_date\": ", "[1, 2]", "", "null", "\"report\"", "{\"a\":1}{",
                        "{\"latitude\": 1, \"latitude\": 2}", "\u0000", "{\"notes\": \"\\ud800\"}"));
    }

    private static List<String> fieldNames(ObjectNode o) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
