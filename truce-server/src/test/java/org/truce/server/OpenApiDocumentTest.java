package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST: the hand-written OpenAPI document describes the API the app really serves:
 * the same routes, every reference resolving, and the same field names as the responses.
 */
class OpenApiDocumentTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static JsonNode doc;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
        try (InputStream in = TruceServer.class.getResourceAsStream(TruceServer.OPENAPI_RESOURCE)) {
            doc = Api.JSON.readTree(in);
        }
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void everyRouteOfTheAppIsDocumentedAndEveryDocumentedRouteExists() {
        Set<String> documented = new TreeSet<>();
        doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));

        assertThat(fx.server.routes()).as("routes registered in the app").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(documented);
        assertThat(fx.server.routes()).contains("POST /api/v1/reports", "GET /api/v1/reports/{id}",
                "GET /api/v1/summary", "GET /api/v1/openapi.json");
    }

    @Test
    void theDocumentIsServedAsIsAndIsCoherent() {
        Api.Response served = fx.api.get("/api/v1/openapi.json");

        assertThat(served.status()).isEqualTo(200);
        assertThat(served.json()).isEqualTo(doc);
        assertThat(doc.get("openapi").asText()).startsWith("3.0.");
        Set<String> operationIds = new HashSet<>();
        doc.get("paths").forEach(path -> path.forEach(op -> {
            assertThat(operationIds.add(op.get("operationId").asText())).as("unique operationId").isTrue();
            List<String> codes = new ArrayList<>();
            op.get("responses").fieldNames().forEachRemaining(codes::add);
            assertThat(codes).as(op.get("operationId").asText()).anyMatch(c -> c.startsWith("2"));
        }));
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> assertThat(doc.at(ref.substring(1)).isMissingNode())
                .as("%s resolves", ref).isFalse());
    }

    @Test
    void theReportSchemaListsExactlyTheFieldsTheIntakeAccepts() {
        assertThat(names(schema("ReportInput"))).containsExactlyInAnyOrderElementsOf(ReportRequest.FIELDS);
    }

    @Test
    void responsesHaveExactlyTheDocumentedFields() {
        ObjectNode report = Api.strikeNearSubstation();
        Api.Response posted = fx.api.postReport("openapi-1", report);
        long id = posted.json().get("report_id").asLong();
        JsonNode detail = fx.api.get("/api/v1/reports/" + id).json();
        JsonNode listItem = fx.api.get("/api/v1/reports").json().get("items").get(0);
        JsonNode summary = fx.api.get("/api/v1/summary").json();
        JsonNode agreement = fx.api.get("/api/v1/agreements/2025-03-18-call").json();

        assertThat(keys(posted.json())).isEqualTo(names(schema("IntakeResult")));
        assertThat(keys(posted.json().get("findings").get(0))).isEqualTo(names(schema("Finding")));
        assertThat(keys(detail)).isEqualTo(names(schema("ReportDetail")));
        assertThat(keys(detail.get("report"))).isEqualTo(names(schema("Report")));
        assertThat(keys(detail.get("history").get(0))).isEqualTo(
                names(schema("ReportDetail").get("properties").get("history").get("items")));
        assertThat(keys(listItem)).isEqualTo(names(schema("ReportListItem")));
        assertThat(keys(fx.api.get("/api/v1/reports").json())).isEqualTo(names(schema("ReportPage")));
        assertThat(keys(fx.api.get("/api/v1/findings").json())).isEqualTo(names(schema("FindingPage")));
        assertThat(keys(summary)).isEqualTo(names(schema("Summary")));
        assertThat(keys(summary.get("commitments").get(0)))
                .isEqualTo(names(schema("Summary").get("properties").get("commitments").get("items")));
        assertThat(keys(agreement)).isEqualTo(names(schema("Agreement")));
        assertThat(keys(agreement.get("commitments").get(0))).isEqualTo(names(schema("Commitment")));
        assertThat(keys(fx.api.get("/api/v1/agreements").json().get(0))).isEqualTo(names(schema("AgreementSummary")));
        assertThat(keys(fx.api.get("/api/v1/sources").json().get(0))).isEqualTo(names(schema("Source")));
        assertThat(keys(fx.api.get("/api/v1/nowhere").json())).isEqualTo(names(schema("Error")));
        for (String geo : List.of("/api/v1/facilities", "/api/v1/zones")) {
            JsonNode collection = fx.api.get(geo).json();
            assertThat(keys(collection)).as(geo).isEqualTo(names(schema("FeatureCollection")));
            assertThat(collection.get("features")).as(geo).isNotEmpty();
            assertThat(keys(collection.get("features").get(0))).as(geo).isEqualTo(names(schema("Feature")));
        }
    }

    private static JsonNode schema(String name) {
        return doc.get("components").get("schemas").get(name);
    }

    /** The property names of a schema, through $ref and allOf. */
    private static Set<String> names(JsonNode schema) {
        if (!schema.has("properties") && !schema.has("allOf") && !schema.has("$ref")) {
            throw new AssertionError("not a schema with properties: " + schema);
        }
        Set<String> names = new TreeSet<>();
        if (schema.has("$ref")) {
            return names(doc.at(schema.get("$ref").asText().substring(1)));
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(part -> names.addAll(names(part)));
            return names;
        }
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The member names of a response object. */
    private static Set<String> keys(JsonNode response) {
        assertThat(response.isObject()).as("an object: %s", response).isTrue();
        Set<String> keys = new TreeSet<>();
        response.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getKey().equals("$ref")) {
                    refs.add(e.getValue().asText());
                } else {
                    collectRefs(e.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectRefs(n, refs));
        }
    }
}
