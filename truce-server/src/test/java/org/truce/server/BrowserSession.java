package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.RequestOptions;
import java.util.Map;

/** Signs a browser page in as a test account, through the API's sign-in (the cookie lands in the page's context). */
final class BrowserSession {

    private BrowserSession() {
    }

    static void signIn(Page page, int port, String account) {
        APIResponse r = page.request().post("http://127.0.0.1:" + port + "/api/v1/session", RequestOptions.create()
                .setHeader("Content-Type", "application/json")
                .setData(Map.of("name", account, "password", TestAccounts.PASSWORD)));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
    }
}
