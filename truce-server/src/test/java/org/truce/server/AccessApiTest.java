package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST (issue 8, accounts at the door): signing in gives a strict cookie whose
 * writes need the CSRF token; tokens are scoped and revocable through the API; a party's liaison
 * disputes a finding about its party, and the claim joins the incident's history and the record;
 * the access log keeps reads, writes and refusals; every answer carries the security headers.
 */
class AccessApiTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static String incident;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
        incident = fx.api.postReport("access-1", Api.strikeNearSubstation()).json().get("incident_id").asText();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static Api.Response signIn(Api api, String name, String password) {
        return api.postJson("/api/v1/session", "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}");
    }

    private static String cookieOf(Api.Response signedIn) {
        String setCookie = signedIn.raw().headers().firstValue("Set-Cookie").orElseThrow();
        return setCookie.substring(0, setCookie.indexOf(';'));
    }

    private static Api.Response postWithCookie(String path, String cookie, String csrf, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(fx.anonymous().uri(path))
                .header("Content-Type", "application/json").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            b.header("X-CSRF-Token", csrf);
        }
        return fx.anonymous().send(b);
    }

    private static Api.Response getWithCookie(String path, String cookie) {
        return fx.anonymous().send(HttpRequest.newBuilder(fx.anonymous().uri(path)).header("Cookie", cookie).GET());
    }

    @Test
    void aSessionCookieIsStrictAndItsWritesNeedTheCsrfToken() {
        Api.Response in = signIn(fx.anonymous(), TestAccounts.LIAISON_RU, TestAccounts.PASSWORD);
        assertThat(in.status()).as(in.raw().body()).isEqualTo(200);
        assertThat(in.raw().headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                .startsWith("truce_session=").contains("HttpOnly", "SameSite=Strict", "Path=/")
                .doesNotContain("Secure"));
        String cookie = cookieOf(in);
        String csrf = in.json().get("csrf_token").asText();
        assertThat(getWithCookie("/api/v1/session", cookie).json().get("name").asText())
                .isEqualTo(TestAccounts.LIAISON_RU);

        String claim = "{\"commitment_id\": \"energy-moratorium\", \"text\": \"No unit of ours was there.\"}";
        Api.Response forged = postWithCookie("/api/v1/incidents/" + incident + "/counter-claims", cookie, null, claim);
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.field()).isEqualTo("X-CSRF-Token");
        assertThat(postWithCookie("/api/v1/incidents/" + incident + "/counter-claims", cookie, csrf, claim).status())
                .isEqualTo(201);

        HttpRequest.Builder out = HttpRequest.newBuilder(fx.anonymous().uri("/api/v1/session"))
                .header("Cookie", cookie).DELETE();
        assertThat(fx.anonymous().send(out).status()).isEqualTo(200);
        assertThat(getWithCookie("/api/v1/session", cookie).json().get("signed_in").asBoolean())
                .as("signed out: the cookie is worth nothing").isFalse();
        assertThat(signIn(fx.anonymous(), TestAccounts.LIAISON_RU, "not the password").status()).isEqualTo(401);
    }

    @Test
    void signInIsRateLimitedPerAddress() throws Exception {
        TruceServer limited = new TruceServer(fx.db, fx.reference, TruceServer.engineFor(fx.reference),
                ServerConfig.DEFAULT_HOST, ServerConfig.DEFAULT_MAX_BODY_BYTES, EvidenceSettings.linksOnly(),
                AccessSettings.defaults().withSignInsPerMinute(2));
        try {
            Api api = new Api(limited.start(0));
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(signIn(api, TestAccounts.ADMIN, "wrong password " + i).status());
            }
            assertThat(statuses).containsExactly(401, 401, 429, 429);
        } finally {
            limited.stop();
        }
    }

    @Test
    void aTokenDoesOnlyWhatItsScopeSaysUntilRevoked() {
        Api admin = fx.as(TestAccounts.ADMIN);
        Api.Response issued = admin.postJson("/api/v1/tokens", "{\"account\": \"" + TestAccounts.MONITOR
                + "\", \"label\": \"feed\", \"scope\": [\"submit_report\"]}");
        assertThat(issued.status()).as(issued.raw().body()).isEqualTo(201);
        Api feed = fx.api.withToken(issued.json().get("secret").asText());

        assertThat(feed.get("/api/v1/reports").status()).as("the role reads reports, the scope does not")
                .isEqualTo(403);
        var report = Api.strikeNearSubstation();
        report.put("event_id_cnty", "UKR-FEED");
        assertThat(feed.postReport("feed-1", report).status()).isEqualTo(201);
        assertThat(admin.postJson("/api/v1/tokens", "{\"account\": \"" + TestAccounts.MONITOR
                + "\", \"label\": \"too much\", \"scope\": [\"manage_accounts\"]}").field()).isEqualTo("scope");
        assertThat(admin.get("/api/v1/tokens").raw().body()).doesNotContain(issued.json().get("secret").asText());

        long id = issued.json().get("id").asLong();
        assertThat(admin.postJson("/api/v1/tokens/" + id + "/revoke", "{}").json().get("revoked_at").isNull())
                .isFalse();
        Api.Response after = feed.postReport("feed-2", report);
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.field()).isEqualTo("Authorization");
    }

    @Test
    void aLiaisonDisputesOnlyFindingsAboutItsPartyAndTheClaimJoinsHistoryAndRecord() {
        long before = fx.db.record().size();
        String claim = "{\"commitment_id\": \"energy-moratorium\", \"text\": \"Our drones were grounded that night.\","
                + " \"evidence\": [\"https://example.org/flight-log\", \"sha256:" + "ab".repeat(32) + "\"]}";

        Api.Response ua = fx.as(TestAccounts.LIAISON_UA).postJson("/api/v1/incidents/" + incident + "/counter-claims",
                claim);
        assertThat(ua.status()).as("the finding names RU, not UA").isEqualTo(403);
        assertThat(fx.as(TestAccounts.ANALYST).postJson("/api/v1/incidents/" + incident + "/counter-claims", claim)
                .status()).as("only liaisons file counter-claims").isEqualTo(403);
        assertThat(fx.as(TestAccounts.LIAISON_RU).postJson("/api/v1/incidents/" + incident + "/counter-claims",
                "{\"commitment_id\": \"energy-moratorium\", \"text\": \"x\", \"evidence\": [\"ftp://x\"]}").field())
                .isEqualTo("evidence");
        Api.Response ru = fx.as(TestAccounts.LIAISON_RU).postJson("/api/v1/incidents/" + incident + "/counter-claims",
                claim);
        assertThat(ru.status()).as(ru.raw().body()).isEqualTo(201);
        assertThat(ru.json().get("by").asText()).isEqualTo(TestAccounts.LIAISON_RU);

        JsonNode seen = fx.as(TestAccounts.LIAISON_RU).get("/api/v1/incidents/" + incident).json();
        JsonNode last = seen.get("history").get(seen.get("history").size() - 1);
        assertThat(last.get("operation").asText()).isEqualTo("counter_claim");
        assertThat(last.get("claim").asText()).isEqualTo("Our drones were grounded that night.");
        assertThat(last.has("by")).as("account names are restricted").isFalse();
        assertThat(fx.db.record().size()).as("the history row's entry and the claim's").isEqualTo(before + 2);
        assertThat(fx.db.record().entry(before).orElseThrow().kind()).isEqualTo("incident");
        assertThat(fx.db.record().entry(before + 1).orElseThrow().kind()).isEqualTo("counter_claim");
    }

    @Test
    void theAccessLogKeepsReadsWritesAndRefusalsForAdminsOnly() {
        assertThat(fx.anonymous().get("/api/v1/reports?limit=1").status()).isEqualTo(401);
        assertThat(fx.as(TestAccounts.MONITOR).get("/api/v1/access-log").status()).isEqualTo(403);

        JsonNode items = fx.as(TestAccounts.ADMIN).get("/api/v1/access-log?limit=1000").json().get("items");
        List<String> lines = new ArrayList<>();
        items.forEach(e -> lines.add(e.get("actor").asText() + " " + e.get("action").asText() + " "
                + e.get("method").asText() + " " + e.get("path").asText() + " " + e.get("status").asInt()));
        assertThat(lines).contains("anonymous denied GET /api/v1/reports?limit=1 401",
                TestAccounts.MONITOR + " denied GET /api/v1/access-log 403",
                TestAccounts.ANALYST + " write POST /api/v1/reports 201");
    }

    @Test
    void behindATrustedProxyTheLimitAndTheLogCountTheForwardedClient() throws Exception {
        TruceServer proxied = new TruceServer(fx.db, fx.reference, TruceServer.engineFor(fx.reference),
                ServerConfig.DEFAULT_HOST, ServerConfig.DEFAULT_MAX_BODY_BYTES, EvidenceSettings.linksOnly(),
                AccessSettings.defaults().withSignInsPerMinute(2).withTrustedProxies(java.util.Set.of("127.0.0.1")));
        try {
            Api api = new Api(proxied.start(0));
            List<Integer> statuses = new ArrayList<>();
            for (String client : List.of("203.0.113.7", "203.0.113.7", "203.0.113.7", "203.0.113.8")) {
                statuses.add(api.post("/api/v1/session", "{\"name\": \"" + TestAccounts.ADMIN
                        + "\", \"password\": \"wrong password\"}", Map.of("Content-Type", "application/json",
                        "X-Forwarded-For", "1.2.3.4, " + client)).status());
            }
            assertThat(statuses).as("the third try from one client is refused, another client is not")
                    .containsExactly(401, 401, 429, 401);
        } finally {
            proxied.stop();
        }
        JsonNode items = fx.as(TestAccounts.ADMIN).get("/api/v1/access-log?limit=1000").json().get("items");
        List<String> clients = new ArrayList<>();
        items.forEach(e -> clients.add(e.get("client").asText()));
        assertThat(clients).contains("203.0.113.7", "203.0.113.8").doesNotContain("1.2.3.4");
    }

    @Test
    void everyAnswerCarriesTheSecurityHeaders() {
        for (String path : List.of("/", "/api/v1/agreements", "/api/v1/reports")) {
            var headers = fx.anonymous().get(path).raw().headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path)
                    .hasValueSatisfying(v -> assertThat(v).contains("default-src 'self'", "frame-ancestors 'self'",
                            // No tile server configured: images from the dashboard itself only.
                            "img-src 'self' data:;"));
            assertThat(headers.map()).as(path).containsEntry("x-content-type-options", List.of("nosniff"))
                    .containsEntry("x-frame-options", List.of("SAMEORIGIN"))
                    .containsEntry("referrer-policy", List.of("no-referrer"));
        }
    }

    @Test
    void withoutATileServerTheMapSettingsAreEmpty() {
        Api.Response answer = fx.anonymous().get("/api/v1/map-settings");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().isObject()).isTrue();
        assertThat(answer.json().size()).isZero();
    }
}
