package org.truce.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST (issue 5, dashboard): the process views of the dashboard (web/process.js) in
 * Debian's headless Chromium against a real server on the example agreement with its
 * exchanges.json and timeline.json: the exchange ledger with the 23 vs 22 wounded flagged, the
 * process timeline with the 11 March meeting, and a posted statement's extraction candidates with
 * their words highlighted in the text; in English and French.
 */
class ProcessDashboardBrowserTest {

    @TempDir
    static Path dir;

    private static TruceServer server;
    private static Api api;
    private static long statementId;
    private static SystemChromium chromium;
    private static Browser browser;
    private Page page;

    @BeforeAll
    static void start() throws Exception {
        SystemChromium.requireInstalled();
        ServerConfig config = ServerConfig.defaults().withDataDirectory(dir.resolve("truce-data"))
                .withAgreement(Example.agreement()).withFacilities(Example.facilities()).withZones(Example.zones())
                .withCompanionFiles();
        String token = TestAccounts.create(config.database()).token(TestAccounts.ANALYST);
        server = TruceServer.open(config);
        api = new Api(server.start(0), token);
        assertThat(api.postJson("/api/v1/sources",
                "{\"id\": \"monitor-1\", \"name\": \"Monitoring team 1\", \"kind\": \"monitor\"}").status())
                .isEqualTo(201);
        Api.Response posted = api.postJson("/api/v1/statements",
                ExtractionApiTest.statement("fr", "2025-03-19", ExtractionApiTest.FRENCH).toString());
        assertThat(posted.status()).isEqualTo(201);
        statementId = posted.json().get("id").asLong();

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
        // Reading a statement's candidates is the work of the mission: an analyst is signed in.
        page = BrowserSession.openSignedIn(browser, server.port(), TestAccounts.ANALYST, "#process-section[data-ready=true]");
    }

    @AfterEach
    void closePage() {
        page.close();
    }

    @Test
    void theExchangesViewShowsTwentyThreeAgainstTwentyTwoWoundedAsADiscrepancy() {
        Locator flagged = page.locator("#exchanges tr.discrepancy");

        assertThat(flagged).hasCount(1);
        assertThat(flagged).containsText("released by RU: wounded (outside parity)");
        assertThat(flagged).containsText("23");
        assertThat(flagged).containsText("22");
        assertThat(flagged.locator("td.flag")).hasText("sources differ: 22-23");
        Locator agreed = page.locator("#exchanges tr.figure:not(.discrepancy)");
        assertThat(agreed.first()).containsText("175");
        assertThat(page.locator("#exchanges [data-check=parity]")).hasText("holds");
        assertThat(page.locator("#exchanges [data-check=as_promised]")).hasText("depends on the source");
        assertThat(page.locator("#exchanges .balance")).containsText("175 (promised 175)");
    }

    @Test
    void theTimelineListsTheEleventhMarchMeetingWithItsSource() {
        Locator jeddah = page.locator(".milestone[data-milestone-id=jeddah-talks]");

        assertThat(jeddah.locator(".date")).hasText("2025-03-11");
        assertThat(jeddah).containsText("Jeddah");
        assertThat(jeddah.locator(".history")).containsText("seed-2025-03-19-fr");
        assertThat(jeddah.locator(".scale-badge")).hasText("full");
        Locator experts = page.locator(".milestone[data-milestone-id=expert-groups] .history li");
        assertThat(experts).hasCount(2);
        assertThat(experts.nth(1)).containsText("2025-03-24: minimal");
        assertThat(page.locator(".milestone .date").first()).hasText("2025-03-11"); // date order
    }

    @Test
    void aPostedStatementsExtractionShowsAMeasureWithItsSpanHighlighted() {
        Locator row = page.locator("#statement-list tr[data-statement-id='" + statementId + "']");
        assertThat(row).containsText("Test statement");
        assertThat(row).containsText(api.get("/api/v1/statements/" + statementId).json().get("text_sha256").asText());

        row.locator("button.extract").click();

        Locator measure = page.locator("#extraction-text mark.type-measure").first();
        assertThat(measure).containsText("suspendre les frappes");
        assertThat(page.locator("#candidate-list tr.type-measure").first()).containsText("strike_halt");
        assertThat(page.locator("#extraction-text")).containsText("Le président russe");
        assertThat(page.locator("#extraction")).containsText("nothing was stored");
    }

    @Test
    void theViewsSpeakFrench() {
        page.selectOption("#lang", "fr");

        assertThat(page.locator("#exchanges-heading")).hasText(
                "Échanges de prisonniers : les chiffres de chaque source côte à côte");
        assertThat(page.locator("#exchanges tr.discrepancy td.flag")).hasText("les sources divergent : 22-23");
        assertThat(page.locator(".milestone[data-milestone-id=jeddah-talks] .scale-badge")).hasText("complet");
        assertThat(page.locator("header nav")).containsText("Déclarations");
        page.selectOption("#lang", "en");
    }
}
