package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST (issue 4, "an optional tile URL in the config"): with a tile server named,
 * the dashboard in Debian's headless Chromium draws its tiles under the outlines, the page's
 * Content-Security-Policy lets images come from that server and nowhere else, and no tile request
 * carries the dashboard's address (Referer). The tile server is a real HTTP server on loopback
 * that answers every tile with the same 1x1 PNG and remembers what it was asked.
 */
class MapTilesBrowserTest {

    /** A 1x1 grey PNG. */
    private static final byte[] TILE = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGOoBwAAggCBwjwa6gAAAABJRU5ErkJggg==");

    @TempDir
    static Path dir;

    private static final List<String> asked = new CopyOnWriteArrayList<>();
    private static final List<String> referers = new CopyOnWriteArrayList<>();
    private static HttpServer tiles;
    private static TruceServer server;
    private static SystemChromium chromium;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        SystemChromium.requireInstalled();
        tiles = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        tiles.createContext("/tiles/", exchange -> {
            asked.add(exchange.getRequestURI().getPath());
            String referer = exchange.getRequestHeaders().getFirst("Referer");
            if (referer != null) {
                referers.add(referer);
            }
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, TILE.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(TILE);
            }
        });
        tiles.start();
        ServerConfig config = ServerConfig.defaults().withDataDirectory(dir.resolve("truce-data"))
                .withAgreement(Example.agreement()).withFacilities(Example.facilities()).withZones(Example.zones())
                .withMap(MapSettings.tiles(tileOrigin() + "/tiles/{z}/{x}/{y}.png", "Test tiles"));
        server = TruceServer.open(config);
        server.start(0);
        chromium = SystemChromium.launch();
        browser = chromium.browser();
    }

    private static String tileOrigin() {
        return "http://127.0.0.1:" + tiles.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.stop();
        }
        if (tiles != null) {
            tiles.stop(0);
        }
    }

    @Test
    void theMapDrawsTheConfiguredTilesWithTheirCreditAndSendsNoReferer() {
        Page page = browser.newPage();
        try {
            page.navigate("http://127.0.0.1:" + server.port() + "/");
            page.waitForSelector("#map[data-tiles=on]");
            page.waitForSelector("img.leaflet-tile-loaded");
            assertThat(page.locator("img.leaflet-tile-loaded").first().getAttribute("src"))
                    .startsWith(tileOrigin() + "/tiles/");
            assertThat(page.locator(".leaflet-control-attribution").textContent()).contains("Test tiles");
            assertThat(page.locator("[data-i18n=\"map.tiles\"]").textContent()).contains("tile server");
        } finally {
            page.close();
        }
        assertThat(asked).isNotEmpty().allMatch(p -> p.matches("/tiles/\\d+/\\d+/\\d+\\.png"));
        assertThat(referers).isEmpty();
    }

    @Test
    void thePageMayLoadImagesFromTheTileServerAndServesItsSettings() throws IOException, InterruptedException {
        HttpResponse<String> settings = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v1/map-settings")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("\"tile_url\":\"" + tileOrigin() + "/tiles/{z}/{x}/{y}.png\"");
        assertThat(settings.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("img-src 'self' data: " + tileOrigin() + ";");
    }
}
