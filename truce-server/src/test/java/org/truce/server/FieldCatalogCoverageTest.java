package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.access.FieldCatalog;
import org.truce.access.Redaction;

/**
 * FEATURE UNDER TEST (issue 8, redaction): every field the API shows today has a line in the
 * field catalog, so that no door can show a field nobody decided on. A new field in a view
 * fails here until the catalog says how sensitive it is.
 */
class FieldCatalogCoverageTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private final Redaction redaction = new Redaction(FieldCatalog.builtIn(), 0.1);

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Map<String, Object> map(JsonNode node) {
        return Api.JSON.convertValue(node, new TypeReference<Map<String, Object>>() { });
    }

    @Test
    void reportsTheirVersionsAndTheirFindingsHaveALineForEveryField() {
        Api.Response posted = fx.api.postReport("catalog-1", Api.strikeNearSubstation());
        JsonNode detail = fx.api.get("/api/v1/reports/" + posted.json().get("report_id").asLong()).json();

        assertThat(detail.get("findings")).as("the report was assessed").isNotEmpty();
        assertThat(redaction.uncatalogued("report", map(detail.get("report")))).isEmpty();
        for (JsonNode version : detail.get("history")) {
            Map<String, Object> v = map(version);
            Object content = v.remove("content");
            assertThat(redaction.uncatalogued("version", v)).isEmpty();
            assertThat(redaction.uncatalogued("report", Api.JSON.convertValue(content,
                    new TypeReference<Map<String, Object>>() { }))).isEmpty();
        }
        for (JsonNode finding : detail.get("findings")) {
            assertThat(redaction.uncatalogued("finding", map(finding))).isEmpty();
        }
    }

    @Test
    void incidentsTheirReportsEvidenceAndHistoryHaveALineForEveryField() {
        var report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-CATALOG-INC");
        JsonNode posted = fx.api.postReport("catalog-incident", report).json();
        String id = posted.get("incident_id").asText();
        assertThat(fx.api.postJson("/api/v1/reports/" + posted.get("report_id").asLong() + "/evidence",
                "{\"url\": \"https://example.org/photo.jpg\"}").status()).isEqualTo(201);
        Map<String, Object> detail = map(fx.api.get("/api/v1/incidents/" + id).json());

        for (String nested : new String[] {"reports", "evidence", "history"}) {
            assertThat(detail.get(nested)).as(nested + " is there to check").asList().isNotEmpty();
        }
        for (Object r : (java.util.List<?>) detail.remove("reports")) {
            assertThat(redaction.uncatalogued("report", cast(r))).isEmpty();
        }
        for (Object e : (java.util.List<?>) detail.remove("evidence")) {
            assertThat(redaction.uncatalogued("incident_evidence", cast(e))).isEmpty();
        }
        for (Object h : (java.util.List<?>) detail.remove("history")) {
            assertThat(redaction.uncatalogued("incident_history", cast(h))).isEmpty();
        }
        assertThat(redaction.uncatalogued("incident", detail)).isEmpty();
        for (JsonNode brief : fx.api.get("/api/v1/incidents").json().get("items")) {
            assertThat(redaction.uncatalogued("incident", map(brief))).isEmpty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object o) {
        return (Map<String, Object>) o;
    }

    @Test
    void sourcesAndStatementsHaveALineForEveryField() {
        JsonNode source = fx.api.get("/api/v1/sources").json().get(0);
        fx.api.postJson("/api/v1/statements",
                "{\"source_id\": \"monitor-1\", \"language\": \"en\", \"text\": \"Both sides agreed.\"}");
        JsonNode statement = fx.api.get("/api/v1/statements/1").json();

        assertThat(redaction.uncatalogued("source", map(source))).isEmpty();
        assertThat(redaction.uncatalogued("statement", map(statement))).isEmpty();
    }
}
