package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.store.report.EvidenceItem;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST: /api/v1/incidents. Reports posted through the API are grouped into
 * incidents at once; incidents are listed with filters, shown with reports, evidence, findings
 * and history, merged, split and verified; a refused request changes nothing.
 *
 * <p>Each test posts its reports on its own day (days four apart), so no test's reports group
 * with another's. The place is the example's substation X0000001 north of Zaporizhzhia.
 */
class IncidentApiTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
        fx.db.sources().register(new Source("monitor-2", "Monitoring team 2", SourceKind.MONITOR));
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    /** A strike report on {@code day}, {@code north_m} metres north of the example strike. */
    private static ObjectNode strike(String id, String day, double north_m, String sourceId) {
        ObjectNode r = Api.strikeNearSubstation();
        r.put("event_id_cnty", id);
        r.put("event_date", day);
        r.put("latitude", 47.92 + north_m / 111_195.0);
        r.put("source_id", sourceId);
        return r;
    }

    private static JsonNode post(ObjectNode report) {
        Api.Response r = fx.api.postReport("key-" + report.get("event_id_cnty").asText(), report);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.json();
    }

    private static String incidentOf(ObjectNode report) {
        return post(report).get("incident_id").asText();
    }

    private static JsonNode detail(String id) {
        Api.Response r = fx.api.get("/api/v1/incidents/" + id);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        return r.json();
    }

    private static Api.Response op(String id, String operation, String body) {
        return fx.api.postJson("/api/v1/incidents/" + id + "/" + operation, body);
    }

    private static int historySize(String id) {
        return detail(id).get("history").size();
    }

    @Test
    void twoMonitorsReportingOneStrikeMakeOneIncidentWithItsFindingAndReasons() {
        JsonNode first = post(strike("INC-A1", "2025-03-20", 0, "monitor-1"));
        JsonNode second = post(strike("INC-A2", "2025-03-20", 1500, "monitor-2"));

        String id = first.get("incident_id").asText();
        assertThat(id).isEqualTo("INC-" + first.get("report_id").asLong());
        assertThat(second.get("incident_id").asText()).as("1.5 km apart on the same day").isEqualTo(id);

        JsonNode incident = detail(id);
        assertThat(incident.get("report_count").asInt()).isEqualTo(2);
        assertThat(incident.get("independent_sources").asInt()).isEqualTo(2);
        assertThat(incident.get("status").asText()).isEqualTo("reported");
        assertThat(incident.get("first_day").asText()).isEqualTo("2025-03-20");
        assertThat(incident.get("outcome").asText()).isEqualTo("possible_violation");
        assertThat(incident.get("redirected_from").isNull()).isTrue();
        assertThat(incident.get("reports")).extracting(r -> r.get("join_reason").get("kind").asText())
                .containsExactly("anchor", "near");
        JsonNode near = incident.get("reports").get(1).get("join_reason");
        assertThat(near.get("distance_m").asDouble()).isBetween(1450.0, 1550.0);
        assertThat(near.get("allowed_distance_m").asDouble()).isEqualTo(5000.0);
        assertThat(near.get("type_relation").asText()).isEqualTo("same_type");
        JsonNode energy = incident.get("findings").get(0);
        assertThat(energy.get("commitment_id").asText()).isEqualTo("energy-moratorium");
        assertThat(energy.get("party").asText()).isEqualTo("RU");
        assertThat(energy.get("trace")).extracting(c -> c.get("condition").asText())
                .containsExactly("report " + first.get("report_id").asLong(), "report " + second.get("report_id").asLong());
        assertThat(incident.get("history")).extracting(h -> h.get("operation").asText() + " by " + h.get("by").asText())
                .containsExactly("created by intake", "joined by intake");
    }

    @Test
    void theDetailListsTheEvidenceOfItsReports() {
        JsonNode posted = post(strike("INC-E1", "2025-03-24", 0, "monitor-1"));
        long reportId = posted.get("report_id").asLong();
        fx.db.evidence().add(reportId, EvidenceItem.file("evidence/2025/photo-1.jpg",
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", 2048, "image/jpeg",
                Instant.parse("2025-03-24T10:00:00Z")));
        fx.db.evidence().add(reportId, EvidenceItem.url("https://example.org/post/1", "text/html",
                Instant.parse("2025-03-24T11:00:00Z")));

        JsonNode evidence = detail(posted.get("incident_id").asText()).get("evidence");

        assertThat(evidence).extracting(e -> e.get("report_id").asLong()).containsOnly(reportId);
        assertThat(evidence.get(0).get("file_name").asText()).as("its name, not where the store keeps it")
                .isEqualTo("photo-1.jpg");
        assertThat(evidence.get(0).get("size_bytes").asLong()).isEqualTo(2048);
        assertThat(evidence.get(0).get("media_type").asText()).isEqualTo("image/jpeg");
        assertThat(evidence.get(1).get("url").asText()).isEqualTo("https://example.org/post/1");
        assertThat(evidence.get(1).get("sha256").isNull()).isTrue();
    }

    @Test
    void incidentsAreListedWithFiltersAndTheDocumentedFields() {
        String near = incidentOf(strike("INC-L1", "2025-03-28", 0, "monitor-1"));
        // 60 km north: another incident, no protected object in reach.
        String away = incidentOf(strike("INC-L2", "2025-03-28", 60_000, "monitor-1"));

        JsonNode page = fx.api.get("/api/v1/incidents?from=2025-03-28&to=2025-03-28").json();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).extracting(i -> i.get("id").asText()).containsExactly(near, away);
        JsonNode item = page.get("items").get(0);
        assertThat(keys(item)).isEqualTo(documented("IncidentListItem"));
        assertThat(keys(page)).isEqualTo(documented("IncidentPage"));
        assertThat(keys(detail(near))).isEqualTo(documented("IncidentDetail"));
        assertThat(item.get("findings")).extracting(f -> f.get("commitment_id").asText() + " "
                + f.get("outcome").asText() + " " + f.get("party").asText())
                .contains("energy-moratorium possible_violation RU");

        assertThat(ids("?from=2025-03-28&to=2025-03-28&commitment=energy-moratorium&party=RU&status=reported"
                + "&bbox=35.1,47.9,35.2,47.95")).containsExactly(near);
        assertThat(ids("?from=2025-03-28&to=2025-03-28&bbox=35.1,48.4,35.2,48.5")).containsExactly(away);
        assertThat(ids("?from=2025-03-28&to=2025-03-28&status=verified")).isEmpty();
        assertThat(ids("?from=2025-03-28&to=2025-03-28&limit=1&offset=1")).containsExactly(away);
    }

    @Test
    void badListQueriesAreRefusedNamingTheParameter() {
        assertBad("/api/v1/incidents?bbox=35,47,35.3,91", "bbox");
        assertBad("/api/v1/incidents?bbox=35,47,35.3", "bbox");
        assertBad("/api/v1/incidents?from=2025-04-02&to=2025-04-01", "from");
        assertBad("/api/v1/incidents?from=yesterday", "from");
        assertBad("/api/v1/incidents?status=confirmed", "status");
        assertBad("/api/v1/incidents?party=XX", "party");
        assertBad("/api/v1/incidents?commitment=nothing", "commitment");
        assertBad("/api/v1/incidents?limit=0", "limit");
        assertBad("/api/v1/incidents?color=red", "color");
        assertBad("/api/v1/incidents/42", "id");
    }

    @Test
    void anUnknownIncidentIsNotFound() {
        Api.Response r = fx.api.get("/api/v1/incidents/INC-999999");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("INC-999999");
        assertThat(op("INC-999999", "verification", "{\"status\":\"disputed\",\"reason\":\"b\"}")
                .status()).isEqualTo(404);
    }

    @Test
    void aMergedIdAnswersWithTheSurvivor() {
        String survivor = incidentOf(strike("INC-M1", "2025-04-01", 0, "monitor-1"));
        String absorbed = incidentOf(strike("INC-M2", "2025-04-01", 30_000, "monitor-2"));

        Api.Response r = op(survivor, "merge", "{\"absorbed\":\"" + absorbed
                + "\",\"by\":\"analyst-1\",\"reason\":\"one strike; the outlet placed it in the district town\"}");

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.json().get("id").asText()).isEqualTo(survivor);
        assertThat(r.json().get("report_count").asInt()).isEqualTo(2);
        JsonNode old = detail(absorbed);
        assertThat(old.get("id").asText()).isEqualTo(survivor);
        assertThat(old.get("redirected_from").asText()).isEqualTo(absorbed);
        assertThat(old.get("reports").get(1).get("join_reason").get("kind").asText()).isEqualTo("merged_in");
        assertThat(old.get("history")).extracting(h -> h.get("incident_id").asText() + " " + h.get("operation").asText())
                .containsExactly(survivor + " created", absorbed + " created", survivor + " merged",
                        absorbed + " absorbed");
    }

    @Test
    void badMergeRequestsAreRefusedAndChangeNothing() {
        String a = incidentOf(strike("INC-B1", "2025-04-05", 0, "monitor-1"));
        String b = incidentOf(strike("INC-B2", "2025-04-05", 30_000, "monitor-1"));
        int before = historySize(a);

        assertThat(op(a, "merge", "{\"absorbed\":\"" + b + "\",\"by\":\"analyst-2\",\"reason\":\"r\"}").field())
                .as("by is the account signed in, analyst-1, or nothing").isEqualTo("by");
        assertThat(op(a, "merge", "{\"absorbed\":5,\"reason\":\"r\"}").field()).isEqualTo("absorbed");
        assertThat(op(a, "merge", "{\"absorbed\":\"" + b + "\",\"reason\":\"  \"}").field())
                .isEqualTo("reason");
        assertThat(op(a, "merge", "{\"absorbed\":\"" + b + "\",\"reason\":\"r\",\"force\":true}").field())
                .isEqualTo("force");
        assertThat(op(a, "merge", "[1,2]").status()).isEqualTo(400);
        assertThat(op(a, "merge", "{\"absorbed\":\"INC-999999\",\"reason\":\"r\"}").status())
                .isEqualTo(404);
        Api.Response same = op(a, "merge", "{\"absorbed\":\"" + a + "\",\"reason\":\"r\"}");
        assertThat(same.status()).isEqualTo(409);
        assertThat(same.json().get("rule").asText()).isEqualTo("same_incident");
        Api.Response huge = op(a, "merge", "{\"absorbed\":\"" + b + "\",\"reason\":\""
                + "r".repeat(1_100_000) + "\"}");
        assertThat(huge.status()).isEqualTo(413);

        assertThat(historySize(a)).as("nothing recorded").isEqualTo(before);
        assertThat(detail(b).get("id").asText()).as("not merged").isEqualTo(b);
    }

    @Test
    void aSplitMakesANewIncidentAndMustLeaveOneReport() {
        JsonNode first = post(strike("INC-S1", "2025-04-09", 0, "monitor-1"));
        JsonNode second = post(strike("INC-S2", "2025-04-09", 1000, "monitor-2"));
        String id = first.get("incident_id").asText();
        long moving = second.get("report_id").asLong();
        int before = historySize(id);

        assertThat(op(id, "split", "{\"report_ids\":\"" + moving + "\",\"reason\":\"r\"}").field())
                .isEqualTo("report_ids");
        assertThat(op(id, "split", "{\"report_ids\":[],\"reason\":\"r\"}").field()).isEqualTo("report_ids");
        assertThat(op(id, "split", "{\"report_ids\":[1.5],\"reason\":\"r\"}").field()).isEqualTo("report_ids");
        Api.Response all = op(id, "split", "{\"report_ids\":[" + first.get("report_id").asLong() + "," + moving
                + "],\"reason\":\"r\"}");
        assertThat(all.status()).isEqualTo(409);
        assertThat(all.json().get("rule").asText()).isEqualTo("keep_one_report");
        assertThat(historySize(id)).as("nothing recorded").isEqualTo(before);

        Api.Response r = op(id, "split", "{\"report_ids\":[" + moving + "],\"by\":\"analyst-1\","
                + "\"reason\":\"two strikes an hour apart\"}");

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.json().get("report_count").asInt()).isEqualTo(1);
        String newId = "INC-" + moving;
        assertThat(r.raw().headers().firstValue("Location")).hasValue("/api/v1/incidents/" + newId);
        JsonNode split = detail(newId);
        assertThat(split.get("reports").get(0).get("join_reason").get("kind").asText()).isEqualTo("split_off");
        assertThat(split.get("reports").get(0).get("join_reason").get("by").asText()).isEqualTo("analyst-1");
        assertThat(split.get("findings").get(0).get("outcome").asText()).isEqualTo("possible_violation");
    }

    @Test
    void verificationNeedsTwoSourcesAndFourEyes() {
        String id = post(strike("INC-V1", "2025-04-13", 0, "monitor-1")).get("incident_id").asText();

        Api.Response lonely = op(id, "verification", "{\"status\":\"corroborated\",\"by\":\"analyst-1\",\"reason\":\"r\"}");
        assertThat(lonely.status()).isEqualTo(409);
        assertThat(lonely.json().get("rule").asText()).isEqualTo("independent_sources");

        post(strike("INC-V2", "2025-04-13", 800, "monitor-2"));
        assertThat(op(id, "verification", "{\"status\":\"corroborated\",\"by\":\"analyst-1\",\"reason\":\"two teams\"}")
                .status()).isEqualTo(200);
        // The grouping writes "intake" as the incident's creator: an analyst account of that name may not verify it.
        fx.db.accounts().create("intake", Role.of(RoleKind.ANALYST), null, false);
        String intakeToken = fx.db.apiTokens().issue("intake", "four eyes", Set.of()).secret();
        Api.Response own = fx.api.withToken(intakeToken).postJson("/api/v1/incidents/" + id + "/verification",
                "{\"status\":\"verified\",\"reason\":\"r\"}");
        assertThat(own.status()).isEqualTo(409);
        assertThat(own.json().get("rule").asText()).isEqualTo("four_eyes");
        assertThat(op(id, "verification", "{\"status\":\"confirmed\",\"by\":\"a\",\"reason\":\"r\"}").field())
                .isEqualTo("status");
        assertThat(op(id, "verification", "{\"status\":true,\"by\":\"a\",\"reason\":\"r\"}").field())
                .isEqualTo("status");

        Api.Response ok = fx.as(TestAccounts.ANALYST_2).postJson("/api/v1/incidents/" + id + "/verification",
                "{\"status\":\"verified\",\"reason\":\"imagery\"}");

        assertThat(ok.status()).as(ok.raw().body()).isEqualTo(200);
        assertThat(ok.json().get("status").asText()).isEqualTo("verified");
        assertThat(ok.json().get("history")).filteredOn(h -> h.get("operation").asText().equals("status_changed"))
                .extracting(h -> h.get("by").asText() + ": " + h.get("details").get("to").asText())
                .containsExactly("analyst-1: corroborated", "analyst-2: verified");
    }

    private static Set<String> ids(String query) {
        Api.Response r = fx.api.get("/api/v1/incidents" + query);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        Set<String> out = new java.util.LinkedHashSet<>();
        r.json().get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private static void assertBad(String path, String field) {
        Api.Response r = fx.api.get(path);
        assertThat(r.status()).as(path + " " + r.raw().body()).isEqualTo(400);
        assertThat(r.field()).as(path).isEqualTo(field);
        assertThat(r.error()).as(path).isNotBlank();
    }

    private static Set<String> keys(JsonNode n) {
        Set<String> out = new HashSet<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static Set<String> documented(String schema) {
        JsonNode doc = fx.api.get("/api/v1/openapi.json").json();
        Set<String> out = new HashSet<>();
        for (Iterator<String> it = doc.get("components").get("schemas").get(schema).get("properties").fieldNames();
                it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }
}
