package org.truce.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST (issue 7, dashboard): the daily report view (web/daily-report.js) in Debian's
 * headless Chromium against a real server on the example agreement with its companion files and
 * one strike posted for 20 March 2025: the view offers that day, shows the API's report in a frame
 * with its title, links the PDF and the exports, and follows the page's language.
 */
class DailyReportDashboardBrowserTest {

    private static final LocatorAssertions.HasTextOptions FIRST_RENDER =
            new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @TempDir
    static Path dir;

    private static TruceServer server;
    private static SystemChromium chromium;
    private static Browser browser;
    private Page page;

    @BeforeAll
    static void start() throws Exception {
        SystemChromium.requireInstalled();
        ServerConfig config = ServerConfig.defaults().withDataDirectory(dir.resolve("truce-data"))
                .withAgreement(Example.agreement()).withFacilities(Example.facilities()).withZones(Example.zones())
                .withCompanionFiles();
        TestAccounts accounts = TestAccounts.create(config.database());
        server = TruceServer.open(config);
        Api api = new Api(server.start(0), accounts.token(TestAccounts.ANALYST));
        assertThat(api.postJson("/api/v1/sources",
                "{\"id\": \"monitor-1\", \"name\": \"Monitoring team 1\", \"kind\": \"monitor\"}").status())
                .isEqualTo(201);
        assertThat(api.postReport("daily-1", Api.strikeNearSubstation()).status()).isEqualTo(201);
        chromium = SystemChromium.launch();
        browser = chromium.browser();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop();
        }
    }

    @BeforeEach
    void openPage() {
        // The daily report carries reports whole: a role that reads reports signs in first.
        page = BrowserSession.openSignedIn(browser, server.port(), TestAccounts.ANALYST, "#daily-report-section[data-ready=true]");
    }

    @AfterEach
    void closePage() {
        page.close();
    }

    @Test
    void theViewShowsTheReportOfTheLatestDayWithItsTitleAndLinks() {
        assertThat(page.locator("#daily-report-form input[name=date]")).hasValue("2025-03-20");

        page.locator("#daily-report-form button[type=submit]").click();

        FrameLocator report = page.frameLocator("#daily-report-frame");
        // The first report of a JVM draws the map and chart cold: give it more than the default 5 s.
        assertThat(report.locator("h1")).hasText("Daily monitoring report", FIRST_RENDER);
        assertThat(report.locator(".subtitle")).containsText("20 March 2025");
        assertThat(report.locator("ol.top")).containsText("incident INC-");
        assertThat(page.locator("#daily-report-links a").first())
                .hasAttribute("href", "/api/v1/daily-reports/2025-03-20?lang=en&format=pdf");
        assertThat(page.locator("#daily-report-links a")).hasCount(4);
        assertThat(page.locator("header nav a[href='#daily-report-heading']")).hasText("Daily report");
    }

    @Test
    void anotherDayAndFrenchAreShownOnRequest() {
        page.locator("#daily-report-form input[name=date]").fill("2025-03-21");
        page.locator("#daily-report-form button[type=submit]").click();
        page.selectOption("#lang", "fr");

        FrameLocator report = page.frameLocator("#daily-report-frame");
        assertThat(report.locator("h1")).hasText("Rapport quotidien de surveillance", FIRST_RENDER);
        assertThat(report.locator(".subtitle")).containsText("21 mars 2025");
        assertThat(page.locator("#daily-report-heading")).hasText("Rapport quotidien de surveillance");
        assertThat(page.locator("#daily-report-links a").first()).hasAttribute("href",
                "/api/v1/daily-reports/2025-03-21?lang=fr&format=pdf");
    }
}
