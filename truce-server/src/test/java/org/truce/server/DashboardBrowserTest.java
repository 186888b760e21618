package org.truce.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.NavigationSafetyArea;
import org.truce.geo.GeoPoint;
import org.truce.zone.Zone;

/**
 * FEATURE UNDER TEST: the web dashboard, in a real headless Chromium (Debian's, never a download)
 * against a real server on the example agreement: reports on the map coloured by finding, a
 * report's rule trace, the intake form, the filters (kept in the page's address), the line of
 * contact's buffer, the agreement with each commitment's state, the chart and the French words.
 *
 * <p>The reports posted before the tests, all by Russian forces:
 * <pre>
 *   UKR-T0  2025-03-17  next to the power plant, the day before the moratorium   out of scope
 *   UKR-T1  2025-03-20  1.3 km from substation X0000001                         possible violation
 *   UKR-T2  2025-03-20  far west, far from any facility and from the line       out of scope
 *   UKR-T3  2025-03-20  "somewhere in the district", region precision          undetermined
 * </pre>
 */
class DashboardBrowserTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static SystemChromium chromium;
    private static Browser browser;
    private static long violationId;
    private Page page;

    private String home() {
        return "http://127.0.0.1:" + fx.server.port() + "/";
    }

    /** The dashboard with the reports on the map; incidents are the default layer (see IncidentDashboardBrowserTest). */
    private String reportsLayer() {
        return home() + "?layer=reports";
    }

    private void openAt(String address) {
        page.navigate(address);
        page.waitForSelector("body[data-ready=true]");
    }

    /** How many reports the API lists for a query, which the dashboard must show as markers. */
    private int reportsListed(String query) {
        return fx.api.get("/api/v1/reports?limit=1000" + query).json().get("total").asInt();
    }

    private Locator markers() {
        return page.locator(".leaflet-marker-icon.report-marker");
    }

    @BeforeAll
    static void start() throws Exception {
        SystemChromium.requireInstalled();
        fx = ServerFixture.start(dir);
        violationId = fx.api.postReport("browser-1", Api.strikeNearSubstation()).json().get("report_id").asLong();
        ObjectNode before = Api.strikeNearSubstation();
        before.put("event_id_cnty", "UKR-T0");
        before.put("event_date", "2025-03-17");
        before.put("location", "Near the example power plant, the day before");
        before.put("latitude", 48.475);
        before.put("longitude", 35.035);
        assertThat(fx.api.postReport("browser-0", before).status()).isEqualTo(201);
        ObjectNode far = Api.strikeNearSubstation();
        far.put("event_id_cnty", "UKR-T2");
        far.put("location", "Example town far from facilities");
        far.put("latitude", 49.40);
        far.put("longitude", 31.20);
        assertThat(fx.api.postReport("browser-2", far).status()).isEqualTo(201);
        ObjectNode vague = Api.strikeNearSubstation();
        vague.put("event_id_cnty", "UKR-T3");
        vague.put("location", "Somewhere in the district");
        vague.put("latitude", 47.96);
        vague.put("longitude", 35.22);
        vague.put("geo_precision", 3);
        assertThat(fx.api.postReport("browser-3", vague).status()).isEqualTo(201);

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

    @BeforeEach
    void open() {
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.setDefaultTimeout(10_000);
        // The mission's view: reports, the timeline and the intake form need an analyst's account.
        BrowserSession.signIn(page, fx.server.port(), TestAccounts.ANALYST);
        openAt(reportsLayer());
    }

    @AfterEach
    void close() {
        page.close();
    }

    @Test
    void theDashboardAsksNothingOfAnyOtherHost() {
        List<String> elsewhere = new ArrayList<>();
        Page fresh = browser.newPage();
        BrowserSession.signIn(fresh, fx.server.port(), TestAccounts.ANALYST);
        fresh.onRequest(r -> {
            if (!r.url().startsWith(home()) && !r.url().startsWith("data:")) {
                elsewhere.add(r.url());
            }
        });
        fresh.navigate(home());
        fresh.waitForSelector("body[data-ready=true]");
        assertThat(fresh.locator("#map[data-base-map=drawn]")).hasCount(1);
        assertThat(fresh.locator("path.buffer-zone")).hasCount(2);
        fresh.close();

        assertThat(elsewhere).as("everything, base map included, comes from the server itself").isEmpty();
    }

    @Test
    void theMapShowsFacilitiesTheLineOfContactAndReportsColouredByFinding() throws Exception {
        assertThat(page.locator(".leaflet-marker-icon.report-marker")).hasCount((int) fx.reportCount());
        assertThat(page.locator(".leaflet-marker-icon.facility-marker")).hasCount(fx.reference.objects().size());
        assertThat(page.locator(".report-marker [data-report-id='" + violationId + "']"))
                .hasClass("outcome-possible_violation");
        assertThat(page.locator(".report-marker .outcome-undetermined")).not().hasCount(0);
        assertThat(page.locator(".report-marker .outcome-out_of_scope")).not().hasCount(0);
        assertThat(page.locator("path.leaflet-interactive")).not().hasCount(0);   // zones drawn
        assertThat(page.locator("#commitments")).containsText("energy-moratorium");
        assertThat(page.locator("#chart-empty")).isHidden();

        // The reports layer with a report's rule trace; the README's screenshot shows incidents instead.
        page.locator(".report-marker [data-report-id='" + violationId + "']").click();
        assertThat(page.locator("#report-detail .trace").first()).isVisible();
        Path shot = Path.of("target", "dashboard-reports.png");
        page.screenshot(new Page.ScreenshotOptions().setPath(shot).setFullPage(true));
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    @Test
    void clickingAMarkerShowsTheReportAndItsRuleTrace() {
        page.locator(".report-marker [data-report-id='" + violationId + "']").click();

        Locator detail = page.locator("#report-detail");
        assertThat(detail.locator(".report-head[data-report-id='" + violationId + "']")).isVisible();
        assertThat(detail.locator(".finding")).containsText("energy-moratorium");
        assertThat(detail.locator(".trace")).containsText("protected target");
        assertThat(detail.locator(".trace").first()).containsText("X0000001");

        page.locator("#report-list tbody tr").last().click();
        assertThat(detail.locator(".report-head")).not().hasAttribute("data-report-id", String.valueOf(violationId));
    }

    @Test
    void aReportSubmittedThroughTheFormIsStoredAssessedAndShown() {
        page.selectOption("#intake-form select[name=source_id]", "monitor-1");
        page.fill("#intake-form input[name=event_date]", "2025-03-22");
        page.fill("#intake-form input[name=sub_event_type]", "Shelling/artillery/missile attack");
        page.fill("#intake-form input[name=actor1]", "Military Forces of Russia (2000-)");
        page.fill("#intake-form input[name=location]", "Form village");
        page.fill("#intake-form input[name=latitude]", "50.595");
        page.fill("#intake-form input[name=longitude]", "36.595");
        page.fill("#intake-form textarea[name=notes]", "Entered through the dashboard form.");
        page.click("#intake-form button[type=submit]");

        Locator ok = page.locator("#intake-result .intake-ok");
        assertThat(ok).containsText("possible violation");
        String id = ok.getAttribute("data-report-id");
        assertThat(page.locator(".leaflet-marker-icon.report-marker")).hasCount((int) fx.reportCount());
        assertThat(page.locator(".report-marker [data-report-id='" + id + "']")).hasClass("outcome-possible_violation");
        assertThat(page.locator("#report-list tbody tr[data-report-id='" + id + "']")).containsText("Form village");
        assertThat(page.locator("#report-detail .report-head[data-report-id='" + id + "']")).isVisible();
        assertThat(fx.api.get("/api/v1/reports/" + id).json().at("/report/notes").asText())
                .isEqualTo("Entered through the dashboard form.");
    }

    @Test
    void theWordsSwitchToFrench() {
        page.selectOption("#lang", "fr");

        assertThat(page.locator("html")).hasAttribute("lang", "fr");
        assertThat(page.locator("#intake-form button[type=submit]")).hasText("Envoyer le signalement");
        assertThat(page.locator("#report-list")).containsText("violation possible");
    }

    @Test
    void theOutcomeFilterNarrowsTheMapAndTheListAndIsKeptInTheAddress() {
        int violations = reportsListed("&outcome=possible_violation");
        assertThat(violations).as("the fixture has a possible violation and other reports")
                .isPositive().isLessThan((int) fx.reportCount());

        page.selectOption("#filters select[name=outcome]", "possible_violation");

        assertThat(markers()).hasCount(violations);
        assertThat(page.locator("#report-list tbody tr[data-report-id]")).hasCount(violations);
        assertThat(page.locator(".report-marker [data-report-id='" + violationId + "']"))
                .hasClass("outcome-possible_violation");
        assertThat(page.url()).contains("outcome=possible_violation");

        String shared = page.url();
        openAt(shared);
        assertThat(page.locator("#filters select[name=outcome]")).hasValue("possible_violation");
        assertThat(markers()).hasCount(violations);

        page.click("#filters button[type=reset]");
        assertThat(markers()).hasCount((int) fx.reportCount());
        assertThat(page.url()).doesNotContain("outcome=");
    }

    @Test
    void anAddressNamingACommitmentTheAgreementLacksIsReadWithoutIt() {
        openAt(reportsLayer() + "&commitment=no-such-commitment&outcome=possible_violation");

        assertThat(page.locator("#filters select[name=commitment]")).hasValue("");
        assertThat(markers()).hasCount(reportsListed("&outcome=possible_violation"));
        assertThat(page.url()).doesNotContain("no-such-commitment").contains("outcome=possible_violation");
        assertThat(page.locator("#report-detail .error")).hasCount(0);
    }

    @Test
    void thePartyFilterKeepsTheReportsWithAFindingForThatParty() {
        page.selectOption("#filters select[name=party]", "UA");

        assertThat(markers()).hasCount(0);
        assertThat(page.locator("#report-list tbody")).containsText("No report matches the filters.");
        assertThat(page.locator("#chart-empty")).isVisible();

        page.selectOption("#filters select[name=party]", "RU");

        assertThat(page.locator(".report-marker [data-report-id='" + violationId + "']")).isVisible();
        assertThat(page.locator("#chart-empty")).isHidden();
        assertThat(page.locator("#chart-section")).not().hasAttribute("data-series", "0");
        assertThat(page.url()).contains("party=RU");
    }

    @Test
    void theDateAndCommitmentFiltersComeFromTheAddress() {
        int fromTheWindow = reportsListed("&commitment=energy-moratorium&from=2025-03-18&to=2025-03-31");
        assertThat(fromTheWindow).as("the report of 17 March is left out").isLessThan(
                reportsListed("&commitment=energy-moratorium"));

        openAt(reportsLayer() + "&commitment=energy-moratorium&from=2025-03-18&to=2025-03-31");

        assertThat(page.locator("#filters select[name=commitment]")).hasValue("energy-moratorium");
        assertThat(page.locator("#filters input[name=from]")).hasValue("2025-03-18");
        assertThat(markers()).hasCount(fromTheWindow);
        assertThat(page.locator("#report-list")).not().containsText("2025-03-17");
    }

    @Test
    void theMapAreaFilterShowsOnlyTheReportsInTheBoxShown() {
        // A box around UKR-T2, far west of everything else.
        openAt(reportsLayer() + "&bbox=30.9,49.2,31.5,49.6");

        assertThat(page.locator("#filters input[name=in_view]")).isChecked();
        assertThat(markers()).hasCount(1);
        assertThat(page.locator("#report-list tbody")).containsText("Example town far from facilities");
        assertThat(page.locator("#chart-box-note")).isVisible();
        assertThat(page.locator("#chart-empty")).isVisible();   // nothing possibly violated out there

        // A box around UKR-T1 and UKR-T3, south of the power plant of UKR-T0.
        openAt(reportsLayer() + "&bbox=35.0,47.8,35.4,48.1");
        assertThat(page.locator(".report-marker [data-report-id='" + violationId + "']")).isVisible();
        assertThat(page.locator("#report-list tbody")).not().containsText("Near the example power plant");
        assertThat(page.locator("#chart-empty")).isHidden();
        assertThat(page.locator("#chart-section")).hasAttribute("data-series", "1");
    }

    @Test
    void theLineOfContactsBufferIsDrawnAtTheCommitmentsDistanceOnTheSphere() {
        CeasefireZone ceasefire = fx.reference.agreement().commitments().stream()
                .filter(c -> c instanceof CeasefireZone).map(c -> (CeasefireZone) c).findFirst().orElseThrow();
        assertThat(ceasefire.zone()).as("the example names no zone: the one line of contact given").isNull();
        List<Zone> lines = fx.reference.zones().stream().filter(z -> z instanceof Zone.Line).toList();
        assertThat(lines).hasSize(1);

        assertThat(page.locator("path.buffer-zone.buffer-line")).hasCount(1);
        List<List<Number>> ring = drawnBand(ceasefire.id(), lines.get(0).id());
        assertThat(ring).as("offsets on both sides, round joins and two caps").hasSizeGreaterThan(40);
        assertThat(verticesOffTheBand(ring, lines.get(0), ceasefire.buffer_m()))
                .as("every vertex of the band's outline is buffer_m = %s m from the line, as the engine measures "
                        + "it (1 m tolerance)", ceasefire.buffer_m())
                .isEmpty();
    }

    @Test
    void theSeaAreasBufferIsDrawnOutsideItAtTheCommitmentsDistance() {
        NavigationSafetyArea navigation = fx.reference.agreement().commitments().stream()
                .filter(c -> c instanceof NavigationSafetyArea).map(c -> (NavigationSafetyArea) c).findFirst()
                .orElseThrow();
        Zone.Area sea = (Zone.Area) fx.reference.zones().stream().filter(z -> z.id().equals(navigation.zone()))
                .findFirst().orElseThrow();

        assertThat(page.locator("path.buffer-zone.buffer-area")).hasCount(1);
        List<List<Number>> ring = drawnBand(navigation.id(), sea.id());
        assertThat(ring).hasSizeGreaterThan(sea.ring().size());
        assertThat(verticesOffTheBand(ring, sea, navigation.buffer_m()))
                .as("every vertex is buffer_m = %s m outside the area (1 m tolerance)", navigation.buffer_m())
                .isEmpty();
    }

    /** The outline the page drew for a commitment's band, as [lon, lat] positions. */
    @SuppressWarnings("unchecked")
    private List<List<Number>> drawnBand(String commitmentId, String zoneId) {
        List<Map<String, Object>> bands = (List<Map<String, Object>>) page.evaluate(
                "() => window.TruceDashboard.buffers()");
        Map<String, Object> band = bands.stream().filter(b -> commitmentId.equals(b.get("commitment_id")))
                .findFirst().orElseThrow(() -> new AssertionError("no band drawn for " + commitmentId));
        assertThat(band).containsEntry("zone_id", zoneId);
        List<List<Number>> ring = (List<List<Number>>) band.get("ring");
        assertThat(ring.get(ring.size() - 1)).as("a closed ring").isEqualTo(ring.get(0));
        return ring;
    }

    /** The core's distances from the zone of the vertices more than 1 m off {@code buffer_m}. */
    private static List<Double> verticesOffTheBand(List<List<Number>> ring, Zone zone, double buffer_m) {
        List<Double> off = new ArrayList<>();
        for (List<Number> position : ring) {
            double d = zone.distanceTo_m(GeoPoint.of(position.get(1).doubleValue(), position.get(0).doubleValue()));
            if (Math.abs(d - buffer_m) > 1.0) {
                off.add(d);
            }
        }
        return off;
    }

    @Test
    void theAgreementListsEveryCommitmentWithItsStateAndThePositionsApart() {
        Locator commitments = page.locator("#commitments .commitment");
        assertThat(commitments).hasCount(fx.reference.agreement().commitments().size());

        long energyViolations = 0;
        for (var c : fx.api.get("/api/v1/summary").json().get("commitments")) {
            if (c.get("commitment_id").asText().equals("energy-moratorium")) {
                energyViolations = c.at("/total/possible_violation").asLong();
            }
        }
        assertThat(energyViolations).as("the fixture's strike near the substation").isPositive();
        Locator energy = page.locator("#commitments .commitment[data-commitment-id='energy-moratorium']");
        assertThat(energy).containsText("strike moratorium");
        assertThat(energy).containsText("possible violations recorded");
        assertThat(energy.locator(".count[data-outcome=possible_violation]")).containsText(" " + energyViolations);
        assertThat(energy).containsText("RU accepted");

        assertThat(page.locator("#positions .position")).hasCount(fx.reference.agreement().positions().size());
        assertThat(page.locator("#commitments")).not().containsText("All foreign military assistance to Kyiv stops");
        assertThat(page.locator("#positions")).containsText("All foreign military assistance to Kyiv stops");

        energy.locator("button.show-on-map").click();
        assertThat(page.locator("#filters select[name=commitment]")).hasValue("energy-moratorium");
        assertThat(page.url()).contains("commitment=energy-moratorium");
    }

    @Test
    void theNewPartsSwitchToFrenchToo() {
        page.selectOption("#lang", "fr");

        assertThat(page.locator("#filters button[type=reset]")).hasText("Effacer les filtres");
        assertThat(page.locator("#chart-heading")).hasText("Violations possibles par jour, partie et engagement");
        assertThat(page.locator("#commitments .commitment[data-commitment-id='energy-moratorium']"))
                .containsText("moratoire sur les frappes");
        assertThat(page.locator("#legend")).containsText("bande de 15 km du cessez-le-feu");
        assertThat(page.locator("#filters select[name=outcome] option[value=undetermined]")).hasText("indéterminé");
    }
}
