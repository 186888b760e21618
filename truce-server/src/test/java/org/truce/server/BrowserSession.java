package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;

/** Signs a browser page in as a test account, through the API's sign-in (the cookie lands in the page's context), and opens signed-in dashboard pages. */
final class BrowserSession {

    private BrowserSession() {
    }

    /** A new page of the dashboard, 1280 x 900, signed in as {@code account}, once {@code readySelector} shows. */
    static Page openSignedIn(Browser browser, int port, String account, String readySelector) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1280, 900));
        signIn(page, port, account);
        page.navigate("http://127.0.0.1:" + port + "/");
        page.waitForSelector(readySelector);
        return page;
    }

    static void signIn(Page page, int port, String account) {
        APIResponse r = page.request().post("http://127.0.0.1:" + port + "/api/v1/session", RequestOptions.create()
                .setHeader("Content-Type", "application/json")
                .setData(Map.of("name", account, "password", TestAccounts.PASSWORD)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
}
