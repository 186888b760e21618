package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium driven by Playwright, headless: the browser every dashboard test uses. Nothing
 * is downloaded; without the package the tests fail and say how to install it.
 */
final class SystemChromium implements AutoCloseable {

    static final Path EXECUTABLE = Paths.get("/usr/bin/chromium");

    private final Playwright playwright;
    private final Browser browser;

    private SystemChromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Fails the test class early, with the fix, when the browser is not installed. */
    static void requireInstalled() {
        assertThat(Files.isExecutable(EXECUTABLE))
                .as("the browser test needs Debian's chromium at %s: run .ci/run, or apt-get install -y chromium",
                        EXECUTABLE)
                .isTrue();
    }

    static SystemChromium launch() {
        requireInstalled();
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(EXECUTABLE)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
        return new SystemChromium(playwright, browser);
    }

    Browser browser() {
        return browser;
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
