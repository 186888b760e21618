package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST: reading back what was taken in: GET /reports/{id} with history and
 * findings, GET /reports with filters, GET /findings and GET /summary.
 *
 * <pre>
 *   report  day         place                         actor  energy-moratorium
 *   Q1      2025-03-20  47.92, 35.17 by substation    RU     possible_violation (updated once)
 *   Q2      2025-03-10  48.46, 35.04 by power plant   RU     out_of_scope (before the window)
 *   Q3      2025-03-25  47.90, 37.45 near the line    RU     none (a battle, far from any facility)
 * </pre>
 */
class ReportQueryApiTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static long q1;
    private static long q2;
    private static long q3;

    @BeforeAll
    static void fill() throws Exception {
        fx = ServerFixture.start(dir);
        ObjectNode r1 = Api.strikeNearSubstation();
        r1.put("event_id_cnty", "Q1");
        q1 = fx.api.postReport("q1", r1).json().get("report_id").asLong();
        r1.put("notes", "A drone hit the substation's transformer yard.");
        fx.api.postReport("q1-corrected", r1);

        ObjectNode r2 = Api.strikeNearSubstation();
        r2.put("event_id_cnty", "Q2");
        r2.put("event_date", "2025-03-10");
        r2.put("latitude", 48.46);
        r2.put("longitude", 35.04);
        q2 = fx.api.postReport("q2", r2).json().get("report_id").asLong();

        ObjectNode r3 = Api.strikeNearSubstation();
        r3.put("event_id_cnty", "Q3");
        r3.put("event_date", "2025-03-25");
        r3.put("event_type", "Battles");
        r3.put("sub_event_type", "Armed clash");
        r3.put("actor2", "Military Forces of Ukraine (2019-)");
        r3.put("latitude", 47.90);
        r3.put("longitude", 37.45);
        q3 = fx.api.postReport("q3", r3).json().get("report_id").asLong();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void oneReportComesWithItsHistoryAndFindings() {
        Api.Response r = fx.api.get("/api/v1/reports/" + q1);

        assertThat(r.status()).isEqualTo(200);
        JsonNode report = r.json().get("report");
        assertThat(report.get("id").asLong()).isEqualTo(q1);
        assertThat(report.get("event_id_cnty").asText()).isEqualTo("Q1");
        assertThat(report.get("version").asInt()).isEqualTo(2);
        assertThat(report.get("notes").asText()).isEqualTo("A drone hit the substation's transformer yard.");
        assertThat(report.get("latitude").asDouble()).isEqualTo(47.92);
        assertThat(report.get("deleted").asBoolean()).isFalse();
        assertThat(r.json().get("history")).extracting(v -> v.get("version").asInt() + " " + v.get("change").asText())
                .containsExactly("1 created", "2 updated");
        assertThat(r.json().get("history").get(0).get("content").get("notes").asText())
                .as("the first version is kept as it was").startsWith("A drone hit an industrial site");
        assertThat(r.json().get("history").get(1).get("reason").asText()).isEqualTo("intake q1-corrected");
        assertThat(r.json().get("evidence")).isEmpty();
        assertThat(r.json().get("findings")).extracting(f -> f.get("commitment_id").asText())
                .contains("energy-moratorium");
    }

    @ParameterizedTest(name = "GET /api/v1/reports/{0} -> {1}")
    @CsvSource({"999999, 404, , no report with id 999999", "abc, 400, id, positive whole number",
            "-3, 400, id, positive whole number", "99999999999999999999999, 400, id, positive whole number"})
    void anUnknownOrMalformedIdIsRefused(String id, int status, String field, String message) {
        Api.Response r = fx.api.get("/api/v1/reports/" + id);

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.error()).contains(message);
    }

    @Test
    void reportsAreListedByEventDateWithTheirFindings() {
        Api.Response r = fx.api.get("/api/v1/reports");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("total").asLong()).isEqualTo(3);
        assertThat(r.json().get("limit").asInt()).isEqualTo(100);
        assertThat(ids(r)).containsExactly(q2, q1, q3);
        JsonNode first = r.json().get("items").get(0);
        assertThat(first.get("findings")).anySatisfy(f -> {
            assertThat(f.get("commitment_id").asText()).isEqualTo("energy-moratorium");
            assertThat(f.get("outcome").asText()).isEqualTo("out_of_scope");
            assertThat(f.get("party").asText()).isEqualTo("RU");
        });
    }

    @Test
    void reportsAreFilteredByCommitmentOutcomeDatesAndBox() {
        assertThat(ids(fx.api.get("/api/v1/reports?commitment=energy-moratorium&outcome=possible_violation")))
                .containsExactly(q1);
        assertThat(ids(fx.api.get("/api/v1/reports?commitment=energy-moratorium"))).containsExactly(q2, q1);
        assertThat(ids(fx.api.get("/api/v1/reports?from=2025-03-15&to=2025-03-25"))).containsExactly(q1, q3);
        assertThat(ids(fx.api.get("/api/v1/reports?to=2025-03-10"))).containsExactly(q2);
        assertThat(ids(fx.api.get("/api/v1/reports?bbox=35.0,47.8,35.3,48.0"))).containsExactly(q1);
        assertThat(ids(fx.api.get("/api/v1/reports?bbox=35.0,47.8,35.3,48.0&outcome=out_of_scope"))).isEmpty();
        Api.Response page = fx.api.get("/api/v1/reports?limit=1&offset=1");
        assertThat(ids(page)).containsExactly(q1);
        assertThat(page.json().get("total").asLong()).as("the total ignores paging").isEqualTo(3);
    }

    @Test
    void reportsAreFilteredByTheAttributedParty() {
        // Every report here has a Russian actor; which ones also carry an unattributed finding is
        // read from the unfiltered listing, which shows each finding's party.
        assertThat(ids(fx.api.get("/api/v1/reports?party=RU"))).containsExactly(q2, q1, q3);
        assertThat(fx.api.get("/api/v1/reports?party=RU").json().get("total").asLong()).isEqualTo(3);
        assertThat(ids(fx.api.get("/api/v1/reports?party=UA"))).isEmpty();
        assertThat(ids(fx.api.get("/api/v1/reports?party=RU&commitment=energy-moratorium&outcome=possible_violation")))
                .containsExactly(q1);
        List<Long> unattributed = new ArrayList<>();
        for (JsonNode item : fx.api.get("/api/v1/reports").json().get("items")) {
            for (JsonNode f : item.get("findings")) {
                if (f.get("party").isNull() && !unattributed.contains(item.get("id").asLong())) {
                    unattributed.add(item.get("id").asLong());
                }
            }
        }
        assertThat(ids(fx.api.get("/api/v1/reports?party=none"))).isEqualTo(unattributed);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "party=XX | party | has no party 'XX'",
        "party=ru | party | or none for findings attributed to no party",
        "commitment=no-such-commitment | commitment | has no commitment 'no-such-commitment'",
        "outcome=violation | outcome | must be one of possible_violation, out_of_scope, undetermined",
        "from=2025-3-1 | from | YYYY-MM-DD",
        "to=yesterday | to | YYYY-MM-DD",
        "from=2025-03-20&to=2025-03-01 | from | is after to",
        "bbox=1,2,3 | bbox | 4 numbers",
        "bbox=35,47,x,48 | bbox | 'x' is not a decimal number",
        "bbox=35,47,200,48 | bbox | east longitude must be within -180..180",
        "bbox=36,47,35,48 | bbox | is east of east longitude",
        "bbox=35,49,36,48 | bbox | is north of north latitude",
        "limit=0 | limit | from 1 to 1000",
        "limit=5000 | limit | from 1 to 1000",
        "offset=-1 | offset | from 0",
        "limit=ten | limit | whole number",
        "include_deleted=yes | include_deleted | true or false",
        "sort=date | sort | unknown query parameter 'sort'",
        "limit=1&limit=2 | limit | more than once"})
    void badFiltersAreRefusedNamingTheParameter(String query, String field, String message) {
        Api.Response r = fx.api.get("/api/v1/reports?" + query);

        assertThat(r.status()).as(r.raw().body()).isEqualTo(400);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.error()).contains(message);
    }

    @Test
    void findingsAreListedByCommitmentAndOutcome() {
        Api.Response all = fx.api.get("/api/v1/findings?commitment=energy-moratorium");
        Api.Response violations = fx.api.get("/api/v1/findings?commitment=energy-moratorium&outcome=possible_violation");

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.json().get("total").asLong()).isEqualTo(2);
        assertThat(all.json().get("items")).extracting(f -> f.get("report_id").asLong() + " " + f.get("outcome").asText())
                .containsExactly(q1 + " possible_violation", q2 + " out_of_scope");
        assertThat(violations.json().get("items")).singleElement().satisfies(f -> {
            assertThat(f.get("event_id_cnty").asText()).isEqualTo("Q1");
            assertThat(f.get("report_version").asInt()).isEqualTo(2);
            assertThat(f.get("trace")).isNotEmpty();
        });
        assertThat(fx.api.get("/api/v1/findings?outcome=nope").status()).isEqualTo(400);
        assertThat(fx.api.get("/api/v1/findings?commitment=nope").field()).isEqualTo("commitment");
        assertThat(fx.api.get("/api/v1/findings?bbox=1,2,3,4").field()).as("not a filter of this endpoint")
                .isEqualTo("bbox");
    }

    @Test
    void theSummaryCountsFindingsPerCommitmentPartyAndDay() {
        Api.Response r = fx.api.get("/api/v1/summary");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("agreement_id").asText()).isEqualTo("2025-03-18-call");
        JsonNode energy = commitment(r.json(), "energy-moratorium");
        assertThat(energy.get("kind").asText()).isEqualTo("strike_moratorium");
        assertThat(energy.get("total").toString())
                .isEqualTo("{\"possible_violation\":1,\"out_of_scope\":1,\"undetermined\":0}");
        assertThat(energy.get("by_party")).extracting(JsonNode::toString).containsExactly(
                "{\"party\":\"RU\",\"possible_violation\":1,\"out_of_scope\":1,\"undetermined\":0}");
        assertThat(energy.get("by_day")).extracting(JsonNode::toString).containsExactly(
                "{\"day\":\"2025-03-10\",\"possible_violation\":0,\"out_of_scope\":1,\"undetermined\":0}",
                "{\"day\":\"2025-03-20\",\"possible_violation\":1,\"out_of_scope\":0,\"undetermined\":0}");
        assertThat(energy.get("by_day_and_party")).hasSize(2);
        List<String> assessed = new ArrayList<>();
        r.json().get("commitments").forEach(c -> assessed.add(c.get("commitment_id").asText()));
        assertThat(assessed).as("every commitment assessed from reports, in agreement order")
                .containsExactly("energy-moratorium", "contact-line-ceasefire", "black-sea-navigation");
        for (String c : assessed) {
            long total = 0;
            for (JsonNode n : commitment(r.json(), c).get("total")) {
                total += n.asLong();
            }
            assertThat(total).as("the summary of %s agrees with the findings list", c)
                    .isEqualTo(fx.api.get("/api/v1/findings?commitment=" + c).json().get("total").asLong());
        }
    }

    private static JsonNode commitment(JsonNode summary, String id) {
        for (JsonNode c : summary.get("commitments")) {
            if (c.get("commitment_id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no " + id + " in " + summary);
    }

    private static List<Long> ids(Api.Response r) {
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        r.json().get("items").forEach(i -> ids.add(i.get("id").asLong()));
        return ids;
    }
}
