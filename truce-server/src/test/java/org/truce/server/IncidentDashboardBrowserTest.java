package org.truce.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST: incidents on the dashboard (issue 4, item 6), in Debian's headless Chromium
 * against a real server: incidents on the map and their filters, the incident page with its rule
 * trace, reports and history, the analyst's actions and their refusals, and the intake form
 * leading to the incident a report joined.
 *
 * <p>The incidents made before the tests, each by grouping the reports posted:
 * <pre>
 *   strike    UKR-A1 (monitor-1) + UKR-A2 (monitor-2, 800 m north): two sources, corroborated
 *   far       UKR-C1, far west, no possible violation               reported
 *   checked   UKR-K1, south-west                                   reported, disputed by a test
 *   disputed  UKR-E1                                               disputed
 *   west/east UKR-G1 and UKR-G2, 15 km apart on one day: two incidents, for the merge and split
 * </pre>
 * Each test works on its own incident, so the order they run in does not matter.
 */
class IncidentDashboardBrowserTest {

    private static final double METRES_PER_DEGREE_OF_LATITUDE = 111_195.0;

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static SystemChromium chromium;
    private static Browser browser;
    private static String strike;
    private static String far;
    private static String checked;
    private static String west;
    private static String east;
    private Page page;

    private static ObjectNode report(String id, String day, double lat, double lon, String sourceId) {
        ObjectNode r = Api.strikeNearSubstation();
        r.put("event_id_cnty", id);
        r.put("event_date", day);
        r.put("location", "Example place " + id);
        r.put("latitude", lat);
        r.put("longitude", lon);
        r.put("source_id", sourceId);
        return r;
    }

    private static String incidentOf(ObjectNode report) {
        Api.Response r = fx.api.postReport("key-" + report.get("event_id_cnty").asText(), report);
        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        return r.json().get("incident_id").asText();
    }

    private static void changeStatus(String incident, String status) {
        Api.Response r = fx.api.postJson("/api/v1/incidents/" + incident + "/verification",
                "{\"status\":\"" + status + "\",\"by\":\"analyst-1\",\"reason\":\"set up by the test\"}");
        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
    }

    private static JsonNode incident(String id) {
        return fx.api.get("/api/v1/incidents/" + id).json();
    }

    private static int incidentsListed(String query) {
        return fx.api.get("/api/v1/incidents?limit=1000" + query).json().get("total").asInt();
    }

    @BeforeAll
    static void start() throws Exception {
        SystemChromium.requireInstalled();
        fx = ServerFixture.start(dir);
        fx.db.sources().register(new Source("monitor-2", "Monitoring team 2", SourceKind.MONITOR));
        // Analysts who act through the page: a third one, and one named as the grouping names an
        // incident's creator ("intake"), whom four eyes stop.
        fx.db.accounts().create("analyst-3", Role.of(RoleKind.ANALYST), TestAccounts.PASSWORD, false);
        fx.db.accounts().create("intake", Role.of(RoleKind.ANALYST), TestAccounts.PASSWORD, false);
        strike = incidentOf(report("UKR-A1", "2025-03-20", 47.92, 35.17, "monitor-1"));
        assertThat(incidentOf(report("UKR-A2", "2025-03-20", 47.92 + 800 / METRES_PER_DEGREE_OF_LATITUDE, 35.17,
                "monitor-2"))).as("800 m away on the same day: the same incident").isEqualTo(strike);
        changeStatus(strike, "corroborated");
        far = incidentOf(report("UKR-C1", "2025-03-20", 49.40, 31.20, "monitor-1"));
        checked = incidentOf(report("UKR-K1", "2025-03-21", 46.50, 30.70, "monitor-1"));
        changeStatus(incidentOf(report("UKR-E1", "2025-03-25", 46.80, 33.00, "monitor-1")), "disputed");
        west = incidentOf(report("UKR-G1", "2025-03-28", 48.60, 34.90, "monitor-1"));
        east = incidentOf(report("UKR-G2", "2025-03-28", 48.60, 35.10, "monitor-2"));
        assertThat(east).as("15 km apart: two incidents").isNotEqualTo(west);

        chromium = SystemChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    private String home() {
        return "http://127.0.0.1:" + fx.server.port() + "/";
    }

    private void openAt(String address) {
        page.navigate(address);
        page.waitForSelector("body[data-ready=true]");
    }

    /** Another account in this page: leave the dashboard first, as a hash change alone would not reload it. */
    private void signInAnew(String account) {
        page.navigate("about:blank");
        BrowserSession.signIn(page, fx.server.port(), account);
    }

    private Locator incidentMarkers() {
        return page.locator(".leaflet-marker-icon.incident-marker");
    }

    private Locator incidentPage(String id) {
        return page.locator("#incident-detail .incident-head[data-incident-id='" + id + "']");
    }

    private Locator history() {
        return page.locator("#incident-detail ol.history li");
    }

    @BeforeEach
    void open() {
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.setDefaultTimeout(10_000);
        BrowserSession.signIn(page, fx.server.port(), TestAccounts.ANALYST);
        openAt(home());
    }

    @AfterEach
    void close() {
        page.close();
    }

    @Test
    void incidentsAreTheDefaultLayerOneMarkerPerIncidentColouredByFinding() {
        assertThat(page.locator("#layer-switch input[value=incidents]")).isChecked();
        assertThat(incidentMarkers()).hasCount(incidentsListed(""));
        assertThat(page.locator(".leaflet-marker-icon.report-marker")).hasCount(0);
        assertThat(page.locator("#incident-list tbody tr[data-incident-id]")).hasCount(incidentsListed(""));
        assertThat(page.locator(".incident-marker [data-incident-id='" + strike + "']"))
                .hasClass("outcome-possible_violation");
        // Far from everything: whatever the incident's finding is, the marker wears it.
        String farOutcome = incident(far).get("outcome").isNull() ? "none" : incident(far).get("outcome").asText();
        assertThat(page.locator(".incident-marker [data-incident-id='" + far + "']")).hasClass("outcome-" + farOutcome);

        page.locator("#layer-switch input[value=reports]").check();
        assertThat(page.locator(".leaflet-marker-icon.report-marker")).hasCount((int) fx.reportCount());
        assertThat(incidentMarkers()).hasCount(0);
        assertThat(page.url()).contains("layer=reports");
    }

    @Test
    void theStatusFilterNarrowsTheMapAndIsKeptInTheAddress() {
        int reported = incidentsListed("&status=reported");
        assertThat(reported).as("the fixture has reported incidents and others").isPositive()
                .isLessThan(incidentsListed(""));

        page.selectOption("#filters select[name=status]", "reported");

        assertThat(incidentMarkers()).hasCount(reported);
        assertThat(page.locator(".incident-marker [data-incident-id='" + strike + "']")).hasCount(0);
        assertThat(page.url()).contains("status=reported");
        openAt(page.url());
        assertThat(page.locator("#filters select[name=status]")).hasValue("reported");
        assertThat(incidentMarkers()).hasCount(reported);
    }

    @Test
    void openingAnIncidentShowsItsReportsEvidenceHistoryAndRuleTrace() throws Exception {
        JsonNode api = incident(strike);
        JsonNode finding = null;
        for (JsonNode f : api.get("findings")) {
            if (f.get("commitment_id").asText().equals("energy-moratorium")) {
                finding = f;
            }
        }
        assertThat(finding).as("the strike near the substation has a finding on the energy moratorium").isNotNull();
        JsonNode line = finding.get("trace").get(0);
        String expected = line.get("condition").asText() + ": " + line.get("verdict").asText()
                + (line.get("detail").isNull() ? "" : " — " + line.get("detail").asText());

        page.locator(".incident-marker [data-incident-id='" + strike + "']").click();

        assertThat(incidentPage(strike)).isVisible();
        assertThat(page.url()).endsWith("#incident/" + strike);
        assertThat(page.locator("#detail-title")).hasText("Incident");
        Locator trace = page.locator("#incident-detail .finding[data-commitment-id='energy-moratorium'] .trace li");
        assertThat(trace).hasCount(finding.get("trace").size());
        assertThat(trace.first()).hasText(expected);
        assertThat(incidentPage(strike)).containsText("2 independent source(s)");
        assertThat(incidentPage(strike)).containsText("corroborated");
        Locator members = page.locator("#incident-detail table.members tr[data-report-id]");
        assertThat(members).hasCount(api.get("reports").size());
        assertThat(page.locator("#incident-detail td.join").first()).containsText("anchor");
        assertThat(page.locator("#incident-detail td.join", new Page.LocatorOptions().setHasText("0.8 km from report #")))
                .hasCount(1);   // UKR-A2, 800 m north of the anchor
        assertThat(history()).hasCount(api.get("history").size());
        assertThat(history().last()).containsText("analyst-1");

        // The README's screenshot: incidents on the map, an incident page beside it.
        Path shot = Path.of("target", "dashboard.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void anIncidentAddressOpensItsPage() {
        openAt(home() + "?status=reported#incident/" + far);

        assertThat(incidentPage(far)).isVisible();
        assertThat(page.locator("#filters select[name=status]")).hasValue("reported");
        assertThat(page.locator("#incident-list tbody tr.selected")).hasAttribute("data-incident-id", far);
    }

    @Test
    void aReportSubmittedThroughTheFormShowsTheIncidentItJoined() {
        page.selectOption("#intake-form select[name=source_id]", "monitor-1");
        page.fill("#intake-form input[name=event_date]", "2025-03-20");
        page.fill("#intake-form input[name=location]", "Form village south of the strike");
        page.fill("#intake-form input[name=latitude]", String.valueOf(47.92 - 600 / METRES_PER_DEGREE_OF_LATITUDE));
        page.fill("#intake-form input[name=longitude]", "35.17");
        page.click("#intake-form button[type=submit]");

        Locator link = page.locator("#intake-result .intake-incident a");
        assertThat(link).hasText(strike);
        String reportId = page.locator("#intake-result .intake-ok").getAttribute("data-report-id");
        assertThat(page.locator(".incident-marker [data-incident-id='" + strike + "']")).isVisible();
        assertThat(incidentMarkers()).hasCount(incidentsListed(""));

        link.click();

        assertThat(incidentPage(strike)).isVisible();
        Locator member = page.locator("#incident-detail table.members tr[data-report-id='" + reportId + "']");
        assertThat(member).containsText("Form village south of the strike");
        assertThat(member.locator("td.join")).containsText("0.6 km from report #");
    }

    @Test
    void changingTheStatusThroughThePageAddsToItsHistory() {
        signInAnew(TestAccounts.ANALYST_2);
        openAt(home() + "#incident/" + checked);
        // The page draws the history after it is ready: wait until it shows what the API holds.
        int before = incident(checked).get("history").size();
        assertThat(history()).hasCount(before);
        Locator actions = page.locator("#incident-detail form.incident-actions");

        assertThat(actions.locator("input[name=by]")).hasValue("analyst-2");
        actions.locator("textarea[name=reason]").fill("a second team says the site was empty");
        actions.locator("select[name=status]").selectOption("disputed");
        actions.locator("button[data-action=verification]").click();

        assertThat(history()).hasCount(before + 1);
        assertThat(history().last()).containsText("analyst-2");
        assertThat(history().last()).containsText("a second team says the site was empty");
        assertThat(history().last()).containsText("reported → disputed");
        assertThat(incidentPage(checked)).containsText("disputed");
        assertThat(page.locator("#incident-detail .action-ok")).isVisible();
        assertThat(incident(checked).get("status").asText()).isEqualTo("disputed");
        // The map follows: the marker's tooltip and the list read the new status.
        assertThat(page.locator("#incident-list tr[data-incident-id='" + checked + "']")).containsText("disputed");
    }

    @Test
    void aFourEyesRefusalIsShownAndChangesNothing() {
        signInAnew("intake");
        openAt(home() + "#incident/" + strike);
        int before = incident(strike).get("history").size();
        assertThat(history()).hasCount(before);
        Locator actions = page.locator("#incident-detail form.incident-actions");

        actions.locator("textarea[name=reason]").fill("looks right to me");
        actions.locator("select[name=status]").selectOption("verified");
        actions.locator("button[data-action=verification]").click();

        Locator refusal = page.locator("#incident-detail .incident-refusal");
        assertThat(refusal).hasAttribute("data-rule", "four_eyes");
        assertThat(refusal).containsText("Refused by the rules (409)");
        assertThat(refusal).containsText("four eyes");
        assertThat(history()).hasCount(before);
        assertThat(incident(strike).get("status").asText()).isEqualTo("corroborated");
    }

    @Test
    void mergingThenSplittingThroughThePage() {
        signInAnew("analyst-3");
        openAt(home() + "#incident/" + west);
        Locator actions = page.locator("#incident-detail form.incident-actions");
        actions.locator("textarea[name=reason]").fill("one strike seen from two villages");
        actions.locator("input[name=absorbed]").fill(east);
        actions.locator("button[data-action=merge]").click();

        assertThat(page.locator("#incident-detail .action-ok")).isVisible();
        assertThat(page.locator("#incident-detail table.members tr[data-report-id]")).hasCount(2);
        assertThat(page.locator(".incident-marker [data-incident-id='" + east + "']")).hasCount(0);

        // The absorbed id still opens, on the survivor, saying so.
        openAt(home() + "#incident/" + east);
        assertThat(incidentPage(west)).isVisible();
        assertThat(page.locator("#incident-detail .redirected")).containsText(east + " was merged into " + west);

        Locator merged = page.locator("#incident-detail table.members tr[data-report-id]").last();
        String moved = merged.getAttribute("data-report-id");
        merged.locator("input.split-pick").check();
        actions.locator("textarea[name=reason]").fill("two strikes after all");
        actions.locator("button[data-action=split]").click();

        Locator created = page.locator("#incident-detail .action-ok a.split-new");
        assertThat(created).isVisible();
        assertThat(page.locator("#incident-detail table.members tr[data-report-id]")).hasCount(1);
        created.click();
        assertThat(page.locator("#incident-detail table.members tr[data-report-id='" + moved + "'] td.join"))
                .containsText("split off from " + west + " by analyst-3");
    }

    @Test
    void everyWordIsInBothLanguagesAndTheIncidentPageSwitchesToFrench() {
        @SuppressWarnings("unchecked")
        Map<String, List<String>> missing = (Map<String, List<String>>) page.evaluate("() => {"
                + " const d = window.TRUCE_I18N, en = Object.keys(d.en), fr = Object.keys(d.fr);"
                + " const used = Array.from(document.querySelectorAll('[data-i18n]')).map(e => e.dataset.i18n);"
                + " return { fr: en.filter(k => !fr.includes(k)), en: fr.filter(k => !en.includes(k)),"
                + "   page: used.filter(k => !en.includes(k) || !fr.includes(k)) }; }");
        assertThat(missing.get("fr")).as("keys without French").isEmpty();
        assertThat(missing.get("en")).as("keys without English").isEmpty();
        assertThat(missing.get("page")).as("words of the page missing in a language").isEmpty();

        openAt(home() + "#incident/" + strike);
        page.selectOption("#lang", "fr");

        assertThat(page.locator("#layer-switch")).containsText("signalements");
        assertThat(page.locator("#detail-title")).hasText("Incident");
        assertThat(incidentPage(strike)).containsText("corroboré");
        assertThat(incidentPage(strike)).containsText("2 source(s) indépendante(s)");
        assertThat(page.locator("#incident-detail td.join").first()).containsText("ancre");
        assertThat(page.locator("#filters select[name=status] option[value=refuted]")).hasText("réfuté");
    }
}
