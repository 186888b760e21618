package org.truce.server;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * FEATURE UNDER TEST (issue 8, in the browser): the dashboard opens on the public view; a party's
 * liaison who signs in through the header sees its party's open incidents too, and the header says
 * who is signed in and what the role allows; after signing out the page is the public view again.
 *
 * <pre>
 *   incident     finding names   status     who sees it
 *   settled      RU              refuted    everyone
 *   about-ua     UA              reported   the mission, Ukraine's liaison
 *   about-ru     RU              reported   the mission, Russia's liaison
 * </pre>
 */
class AccessDashboardBrowserTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static SystemChromium chromium;
    private static Browser browser;
    private static String settled;
    private static String aboutUa;
    private static String aboutRu;
    private Page page;

    private static String incidentOf(String id, String date, double lat, String actor) {
        ObjectNode r = Api.strikeNearSubstation();
        r.put("event_id_cnty", id);
        r.put("event_date", date);
        r.put("latitude", lat);
        r.put("actor1", actor);
        Api.Response posted = fx.api.postReport("key-" + id, r);
        assertThat(posted.status()).as(posted.raw().body()).isEqualTo(201);
        return posted.json().get("incident_id").asText();
    }

    @BeforeAll
    static void start() throws Exception {
        SystemChromium.requireInstalled();
        fx = ServerFixture.start(dir);
        settled = incidentOf("UKR-S1", "2025-03-20", 47.92, "Military Forces of Russia (2000-)");
        assertThat(fx.api.postJson("/api/v1/incidents/" + settled + "/verification",
                "{\"status\": \"refuted\", \"reason\": \"imagery shows the site intact\"}").status()).isEqualTo(200);
        aboutUa = incidentOf("UKR-U1", "2025-03-26", 47.92, "Military Forces of Ukraine (2019-)");
        aboutRu = incidentOf("UKR-R1", "2025-04-02", 47.92, "Military Forces of Russia (2000-)");
        assertThat(fx.api.get("/api/v1/incidents/" + aboutUa).json().get("findings").get(0).get("party").asText())
                .isEqualTo("UA");
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
        page.navigate("http://127.0.0.1:" + fx.server.port() + "/");
        page.waitForSelector("body[data-ready=true]");
    }

    @AfterEach
    void close() {
        page.close();
    }

    private Locator row(String incident) {
        return page.locator("#incident-list tr[data-incident-id='" + incident + "']");
    }

    private void assertPublicView() {
        assertThat(page.locator("#signed-in-role")).hasText("public");
        assertThat(row(settled)).hasCount(1);
        assertThat(row(aboutUa)).hasCount(0);
        assertThat(row(aboutRu)).hasCount(0);
        assertThat(page.locator("#intake-section")).isHidden();
        assertThat(page.locator("#report-list-box")).isHidden();
    }

    @Test
    void aLiaisonSeesItsPartysIncidentsAndAfterSigningOutThePublicView() {
        assertPublicView();

        page.locator("#sign-in input[name=name]").fill(TestAccounts.LIAISON_UA);
        page.locator("#sign-in input[name=password]").fill(TestAccounts.PASSWORD);
        page.locator("#sign-in button[type=submit]").click();
        page.waitForSelector("#signed-in-as");
        page.waitForSelector("body[data-ready=true]");

        assertThat(page.locator("#signed-in-as")).hasText(TestAccounts.LIAISON_UA);
        assertThat(page.locator("#signed-in-role")).hasText("party_liaison:UA");
        assertThat(page.locator("#signed-in-may")).containsText("file_counter_claim");
        assertThat(row(settled)).hasCount(1);
        assertThat(row(aboutUa)).hasCount(1);
        assertThat(row(aboutRu)).hasCount(0); // an open incident about the other party
        assertThat(page.locator("#intake-section")).isHidden();

        page.locator("#sign-out").click();
        page.waitForSelector("#sign-in");
        page.waitForSelector("body[data-ready=true]");
        assertPublicView();
    }

    /**
     * Issue 8: a liaison disputes a finding about its party from the incident page. A refused claim
     * (no text) says why and files nothing; a filed one joins the incident's history at once.
     */
    @Test
    void aLiaisonFilesACounterClaimFromTheIncidentPage() {
        page.navigate(home() + "#incident/" + settled);
        page.waitForSelector("#incident-detail .incident-head[data-incident-id='" + settled + "']");
        assertThat(page.locator("#incident-detail form.counter-claim")).hasCount(0); // not for the public
        page.close();

        page = BrowserSession.openSignedIn(browser, fx.server.port(), TestAccounts.LIAISON_UA, "body[data-ready=true]");
        page.navigate(home() + "#incident/" + aboutUa);
        page.waitForSelector("#incident-detail .incident-head[data-incident-id='" + aboutUa + "']");
        Locator form = page.locator("#incident-detail form.counter-claim");
        Locator claims = page.locator("#incident-detail ol.history li[data-operation=counter_claim]");

        form.locator("button[data-claim=file]").click();
        assertThat(form.locator(".claim-refusal[data-field=text]")).containsText("text is required");
        assertThat(claims).hasCount(0);

        form.locator("select[name=commitment_id]").selectOption("energy-moratorium");
        form.locator("textarea[name=text]").fill("Our units were 40 km away; debris of an intercepted drone fell there.");
        form.locator("textarea[name=evidence]").fill("https://mod.example.ua/2025-03-26\n\n");
        form.locator("button[data-claim=file]").click();

        assertThat(page.locator("#incident-detail .claim-ok")).isVisible();
        assertThat(claims).hasCount(1);
        assertThat(claims.first().locator("q.claim")).hasText(
                "Our units were 40 km away; debris of an intercepted drone fell there.");
        assertThat(fx.api.get("/api/v1/incidents/" + aboutUa).json().get("history").toString())
                .as("the API holds the same claim").contains("debris of an intercepted drone", "counter_claim");

        page.navigate(home() + "#incident/" + settled);
        page.waitForSelector("#incident-detail .incident-head[data-incident-id='" + settled + "']");
        // Its finding names Russia: nothing for Ukraine's liaison to dispute.
        assertThat(page.locator("#incident-detail form.counter-claim .claim-none")).isVisible();
    }

    private static String home() {
        return "http://127.0.0.1:" + fx.server.port() + "/";
    }

    @Test
    void aWrongPasswordIsSaidAndNothingOpens() {
        page.locator("#sign-in input[name=name]").fill(TestAccounts.LIAISON_UA);
        page.locator("#sign-in input[name=password]").fill("not the password at all");
        page.locator("#sign-in button[type=submit]").click();

        assertThat(page.locator("#sign-in-error")).hasText("wrong name or password");
        assertPublicView();
    }
}
