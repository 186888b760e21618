package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.access.Sensitivity;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST (issue 8, the role matrix): every route the server has, asked by every role
 * and by no one, is allowed or refused as {@link AccessRules} and the permission table say; a
 * route without a rule fails here; and no answer carries a field above the reader's clearance.
 *
 * <p>The record holds two incidents, both possible violations of the energy moratorium by
 * Russian forces, their report written with marked values in its restricted and secret fields:
 * <pre>
 *   settled    refuted by an analyst: the public and both parties see it (redacted)
 *   open       reported, unchecked: the mission and Russia's liaison see it; the public and
 *              Ukraine's liaison do not
 * </pre>
 */
class RoleMatrixTest {

    /** Exact position of the report, which only secret-cleared readers may see. */
    private static final String LAT = "47.9234";
    private static final String LON = "35.1789";
    private static final List<String> SECRET_MARKS = List.of(LAT, LON, "marked-link.example.org");
    private static final List<String> RESTRICTED_MARKS = List.of("MARKED NOTES", "Marked village", "Marked outlet",
            "marked-source", "Marked source");
    /** Every publication the API offers: a new one must be added here, and so is walked below. */
    private static final List<String> PUBLICATIONS = List.of("GET /api/v1/exports/acled.csv",
            "GET /api/v1/exports/reports.geojson", "GET /api/v1/exports/record.json", "GET /api/v1/daily-reports/{date}");

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static long reportId;
    private static String settled;
    private static String open;
    private static long statementId;

    /** Every caller: each test account and nobody. */
    private record Caller(String label, Role role, Api api) {
    }

    private static List<Caller> callers() {
        List<Caller> out = new ArrayList<>();
        out.add(new Caller("anonymous", Role.PUBLIC, fx.anonymous()));
        out.add(new Caller(TestAccounts.ADMIN, Role.of(RoleKind.ADMIN), fx.as(TestAccounts.ADMIN)));
        out.add(new Caller(TestAccounts.MONITOR, Role.of(RoleKind.MONITOR), fx.as(TestAccounts.MONITOR)));
        out.add(new Caller(TestAccounts.ANALYST, Role.of(RoleKind.ANALYST), fx.as(TestAccounts.ANALYST)));
        out.add(new Caller(TestAccounts.LIAISON_RU, Role.liaisonOf("RU"), fx.as(TestAccounts.LIAISON_RU)));
        out.add(new Caller(TestAccounts.LIAISON_UA, Role.liaisonOf("UA"), fx.as(TestAccounts.LIAISON_UA)));
        out.add(new Caller(TestAccounts.GUARANTOR, Role.of(RoleKind.GUARANTOR), fx.as(TestAccounts.GUARANTOR)));
        return out;
    }

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
        fx.db.sources().register(new Source("marked-source", "Marked source", SourceKind.MONITOR));
        ObjectNode marked = Api.strikeNearSubstation();
        marked.put("event_id_cnty", "UKR-MARKED");
        marked.put("latitude", Double.parseDouble(LAT));
        marked.put("longitude", Double.parseDouble(LON));
        marked.put("notes", "MARKED NOTES: seen from the water tower");
        marked.put("location", "Marked village");
        marked.put("source", "Marked outlet");
        marked.put("source_id", "marked-source");
        JsonNode posted = fx.api.postReport("matrix-1", marked).json();
        reportId = posted.get("report_id").asLong();
        settled = posted.get("incident_id").asText();
        assertThat(fx.api.postJson("/api/v1/reports/" + reportId + "/evidence",
                "{\"url\": \"https://marked-link.example.org/photo.jpg\"}").status()).isEqualTo(201);
        assertThat(fx.api.postJson("/api/v1/incidents/" + settled + "/verification",
                "{\"status\": \"refuted\", \"reason\": \"the site was intact on imagery\"}").status()).isEqualTo(200);

        ObjectNode later = Api.strikeNearSubstation();
        later.put("event_id_cnty", "UKR-OPEN");
        later.put("event_date", "2025-03-29");
        open = fx.api.postReport("matrix-2", later).json().get("incident_id").asText();
        assertThat(open).isNotEqualTo(settled);

        statementId = fx.api.postJson("/api/v1/statements",
                "{\"source_id\": \"monitor-1\", \"language\": \"en\", \"text\": \"Both sides agreed.\"}")
                .json().get("id").asLong();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void everyRouteTheServerHasHasAnAccessRule() {
        AccessRules rules = AccessRules.builtIn();
        List<String> withoutRule = new ArrayList<>();
        for (String route : fx.server.routes()) {
            String[] mp = route.split(" ", 2);
            if (rules.find(mp[0], mp[1]).isEmpty()) {
                withoutRule.add(route);
            }
        }
        assertThat(withoutRule).as("add a line to AccessRules for each new endpoint").isEmpty();
        assertThat(rules.all()).as("no rule for a route that does not exist")
                .allMatch(r -> fx.server.routes().contains(r.method() + " " + r.path()));
    }

    @Test
    void everyRouteAllowsAndRefusesEachRoleAsTheTableSays() {
        AccessRules rules = AccessRules.builtIn();
        List<String> wrong = new ArrayList<>();
        for (String route : fx.server.routes()) {
            String[] mp = route.split(" ", 2);
            AccessRules.Rule rule = rules.find(mp[0], mp[1]).orElseThrow();
            for (Caller c : callers()) {
                boolean allowed = !(rule.need() instanceof AccessRules.Needs n) || c.role().may(n.permission());
                int status = ask(c.api(), mp[0], concrete(mp[1])).status();
                int refusal = c.role().kind() == RoleKind.PUBLIC ? 401 : 403;
                boolean refused = status == 401 || status == 403;
                if (allowed == refused || (refused && status != refusal)) {
                    wrong.add(route + " as " + c.label() + ": " + status + (allowed ? ", should be allowed"
                            : ", should be " + refusal));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void noAnswerCarriesAFieldAboveTheReadersClearance() {
        List<String> leaks = new ArrayList<>();
        for (String route : fx.server.routes()) {
            String[] mp = route.split(" ", 2);
            if (!mp[0].equals("GET")) {
                continue;
            }
            for (Caller c : callers()) {
                Api.Response r = ask(c.api(), "GET", concrete(mp[1]));
                if (r.status() != 200) {
                    continue;
                }
                String body = r.raw().body();
                List<String> forbidden = new ArrayList<>();
                if (!c.role().clearance().includes(Sensitivity.SECRET)) {
                    forbidden.addAll(SECRET_MARKS);
                }
                if (!c.role().clearance().includes(Sensitivity.RESTRICTED)) {
                    forbidden.addAll(RESTRICTED_MARKS);
                }
                for (String mark : forbidden) {
                    if (body.contains(mark)) {
                        leaks.add(route + " as " + c.label() + " shows " + mark);
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(fx.as(TestAccounts.ANALYST).get("/api/v1/incidents/" + settled).raw().body())
                .as("the marks are there for the mission: the check above can fail").contains(LAT, "MARKED NOTES",
                        "marked-link.example.org");
    }

    @Test
    void eachRoleSeesTheIncidentsOfItsScope() {
        Map<String, List<String>> seen = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Caller c : callers()) {
            List<String> ids = new ArrayList<>();
            JsonNode page = c.api().get("/api/v1/incidents?limit=1000").json();
            page.get("items").forEach(i -> ids.add(i.get("id").asText()));
            seen.put(c.label(), ids);
            totals.put(c.label(), page.get("total").asLong());
        }
        // Issue 8: the total once counted every incident, telling the public how many it may not see.
        seen.forEach((label, ids) -> assertThat(totals.get(label)).as("total for " + label).isEqualTo(ids.size()));
        assertThat(seen.get("anonymous")).containsExactly(settled);
        assertThat(seen.get(TestAccounts.LIAISON_UA)).containsExactly(settled);
        assertThat(seen.get(TestAccounts.LIAISON_RU)).containsExactlyInAnyOrder(settled, open);
        for (String mission : List.of(TestAccounts.ADMIN, TestAccounts.MONITOR, TestAccounts.ANALYST,
                TestAccounts.GUARANTOR)) {
            assertThat(seen.get(mission)).as(mission).contains(settled, open);
        }
        assertThat(fx.anonymous().get("/api/v1/incidents/" + open).status()).as("out of scope: not found")
                .isEqualTo(404);
        JsonNode publicView = fx.anonymous().get("/api/v1/incidents/" + settled).json();
        assertThat(publicView.get("latitude").asDouble()).as("rounded to 0.1 degree").isEqualTo(47.9);
        assertThat(publicView.get("reports").get(0).has("notes")).isFalse();
        assertThat(publicView.get("findings").get(0).get("party").asText()).isEqualTo("RU");
    }

    /**
     * Issue 8: the exports and the daily report are the same redacted view as the API for the
     * same role. Every role may take them; each gets only the reports of its scope, without the
     * fields above its clearance, coordinates rounded; a new publication must be listed here.
     */
    @Test
    void everyPublicationIsTheRolesRedactedViewOfTheRecord() {
        assertThat(fx.server.routes().stream().filter(r -> r.contains("/exports/") || r.contains("/daily-reports/")))
                .as("a new export is walked here too: add it to PUBLICATIONS").containsExactlyInAnyOrderElementsOf(
                        PUBLICATIONS);
        List<String> wrong = new ArrayList<>();
        for (String route : PUBLICATIONS) {
            String template = route.split(" ", 2)[1];
            for (String path : List.of(template.replace("{date}", "2025-03-20"),
                    template.replace("{date}", "2025-03-29"))) {
                for (Caller c : callers()) {
                    Api.Response r = c.api().get(path);
                    if (r.status() != 200) {
                        wrong.add(path + " as " + c.label() + ": " + r.status() + ", should be 200");
                        continue;
                    }
                    String body = r.raw().body();
                    boolean seesOpen = org.truce.access.RecordScope.sees(c.role(),
                            org.truce.incident.VerificationStatus.REPORTED, java.util.Set.of("RU"));
                    if (!seesOpen && body.contains("UKR-OPEN")) {
                        wrong.add(path + " as " + c.label() + " shows the unchecked report UKR-OPEN");
                    }
                    if (path.contains("/exports/")) {
                        if (seesOpen && !body.contains("UKR-OPEN")) {
                            wrong.add(path + " as " + c.label() + " lacks UKR-OPEN, which its scope holds");
                        }
                        if (!body.contains("UKR-MARKED")) {
                            wrong.add(path + " as " + c.label() + " lacks the settled report UKR-MARKED");
                        }
                    }
                    for (String mark : forbiddenFor(c.role())) {
                        if (body.contains(mark)) {
                            wrong.add(path + " as " + c.label() + " shows " + mark);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();

        JsonNode publicRecord = fx.anonymous().get("/api/v1/exports/record.json").json();
        assertThat(publicRecord.get("sources")).as("who reports is restricted").isEmpty();
        JsonNode shown = publicRecord.get("reports").get(0);
        assertThat(shown.get("latitude").asDouble()).as("rounded to 0.1 degree").isEqualTo(47.9);
        assertThat(shown.get("source_id").asText()).isEmpty();
        assertThat(shown.get("findings").get(0).get("party").asText()).as("findings are public").isEqualTo("RU");
        assertThat(fx.as(TestAccounts.ANALYST).get("/api/v1/exports/acled.csv").raw().body())
                .as("the analyst takes the export whole: the checks above can fail")
                .contains(LAT, "MARKED NOTES", "marked-source", "UKR-OPEN");
        assertThat(fx.anonymous().get("/api/v1/daily-reports/2025-03-20").raw().body())
                .as("the public daily report says who reported is withheld").contains("withheld from this view");
    }

    /**
     * Issue 8: the record's entries are for anyone to check proofs with, and an evidence entry
     * once carried the evidence's URL, which the catalog calls secret. Every entry, as the public
     * reads it, is walked.
     */
    @Test
    void noRecordEntryShowsAnEvidenceLocationIssue8() {
        long size = fx.db.record().checkpointNow(org.truce.record.SigningKey.generate("monitor.example/truce")).size();
        List<String> kinds = new ArrayList<>();
        for (long i = 0; i < size; i++) {
            Api.Response r = fx.anonymous().get("/api/v1/record/entries/" + i);
            assertThat(r.status()).as("entry " + i).isEqualTo(200);
            kinds.add(r.json().get("kind").asText());
            for (String mark : SECRET_MARKS) {
                assertThat(r.raw().body()).as("entry " + i).doesNotContain(mark);
            }
        }
        assertThat(kinds).as("the marked link's entry is among them").contains("evidence");
    }

    private static List<String> forbiddenFor(Role role) {
        List<String> forbidden = new ArrayList<>();
        if (!role.clearance().includes(Sensitivity.SECRET)) {
            forbidden.addAll(SECRET_MARKS);
        }
        if (!role.clearance().includes(Sensitivity.RESTRICTED)) {
            forbidden.addAll(RESTRICTED_MARKS);
        }
        return forbidden;
    }

    @Test
    void aRouteWithoutARuleIsRefusedToEveryone() throws Exception {
        var gate = new AccessGate(fx.db, AccessRules.builtIn(), new ResponseRedaction(
                new org.truce.access.Redaction(org.truce.access.FieldCatalog.builtIn(), 0.1)), AccessSettings.defaults());
        io.javalin.Javalin app = io.javalin.Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            gate.register(cfg.routes);
            cfg.routes.get(TruceServer.API + "/unruled", ctx -> ctx.result("open to all"));
            cfg.routes.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).result(e.getMessage()));
        });
        try {
            app.start("127.0.0.1", 0);
            Api admin = new Api(app.port(), fx.accounts.token(TestAccounts.ADMIN));
            Api.Response r = admin.get("/api/v1/unruled");
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.raw().body()).doesNotContain("open to all").contains("no access rule");
        } finally {
            app.stop();
        }
    }

    /** A request the route understands enough to decide on access; a bad body is fine (400 after the gate). */
    private static Api.Response ask(Api api, String method, String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(path)).header("Content-Type", "application/json");
        return switch (method) {
            case "GET" -> api.send(b.GET());
            case "DELETE" -> api.send(b.DELETE());
            default -> api.send(b.method(method, HttpRequest.BodyPublishers.ofString("{}")));
        };
    }

    private static String concrete(String template) {
        String p = template;
        if (p.startsWith("/api/v1/incidents/")) {
            p = p.replace("{id}", settled); // the marked one, which every role may read
        } else if (p.startsWith("/api/v1/statements/")) {
            p = p.replace("{id}", Long.toString(statementId));
        } else if (p.startsWith("/api/v1/agreements/")) {
            p = p.replace("{id}", fx.reference.agreement().id());
        } else if (p.startsWith("/api/v1/tokens/")) {
            p = p.replace("{id}", "999999"); // no such token: an allowed admin gets 404, nothing is revoked
        } else {
            p = p.replace("{id}", Long.toString(reportId));
        }
        return p.replace("{sha256}", "0".repeat(64)).replace("{index}", "0").replace("{seq}", "0")
                .replace("{date}", "2025-03-20");
    }
}
