package org.truce.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST: the web dashboard, in a real headless Chromium (Debian's, never a download)
 * against a real server on the example agreement: reports on the map coloured by finding, a
 * report's rule trace, the intake form, the agreement, the chart and the French words.
 */
class DashboardBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static Playwright playwright;
    private static Browser browser;
    private static long violationId;
    private Page page;

    @BeforeAll
    static void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM))
                .as("the browser test needs Debian's chromium at %s: run .ci/run, or apt-get install -y chromium",
                        CHROMIUM)
                .isTrue();
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

        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (fx != null) {
            fx.close();
        }
    }

    @BeforeEach
    void open() {
        page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        page.setDefaultTimeout(10_000);
        page.navigate("http://127.0.0.1:" + fx.server.port() + "/");
        page.waitForSelector("body[data-ready=true]");
    }

    @AfterEach
    void close() {
        page.close();
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

        Path shot = Path.of("target", "dashboard.png");
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
}
