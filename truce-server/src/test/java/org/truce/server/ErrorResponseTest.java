package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;

/**
 * FEATURE UNDER TEST: what a client sees when things go wrong: JSON errors for unknown endpoints
 * and methods, a generic 500 without internals when the server fails, and a server that listens
 * on the loopback address only unless told otherwise.
 */
class ErrorResponseTest {

    @TempDir
    Path dir;

    @Test
    void unknownEndpointsAndMethodsAreJsonErrors() throws Exception {
        try (ServerFixture fx = ServerFixture.start(dir)) {
            Api.Response unknown = fx.api.get("/api/v1/no-such-thing");
            Api.Response outside = fx.api.get("/nowhere.html");   // "/" is the dashboard
            Api.Response method = fx.api.send(HttpRequest.newBuilder(fx.api.uri("/api/v1/reports")).DELETE());

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.error()).contains("no such endpoint: GET /api/v1/no-such-thing", "/api/v1/openapi.json");
            assertThat(unknown.field()).isNull();
            assertThat(outside.status()).isEqualTo(404);
            assertThat(outside.error()).contains("no such endpoint: GET /nowhere.html");
            assertThat(method.status()).isEqualTo(405);
            assertThat(method.error()).contains("DELETE");
        }
    }

    @Test
    void requestsJettyRefusesGetJsonErrorsToo() throws Exception {
        try (ServerFixture fx = ServerFixture.start(dir)) {
            String badUri = raw(fx.server.port(), "GET /api/v1/reports/%zz HTTP/1.1\r\nHost: t\r\n"
                    + "Connection: close\r\n\r\n");
            String bigHeader = raw(fx.server.port(), "GET /api/v1/reports HTTP/1.1\r\nHost: t\r\nX-Big: "
                    + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n");

            assertThat(badUri).startsWith("HTTP/1.1 400").contains("Content-Type: application/json")
                    .endsWith("{\"error\":\"bad request\",\"field\":null}");
            assertThat(bigHeader).startsWith("HTTP/1.1 431")
                    .endsWith("{\"error\":\"request header fields too large\",\"field\":null}");
        }
    }

    private static String raw(int port, String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anUnexpectedFailureIsAGeneric500WithoutInternals() throws Exception {
        Database db = Database.open(DataSourceConfig.embedded(dir.resolve("truce-data")));
        ReferenceData reference = Example.load();
        TruceServer server = new TruceServer(db, reference, TruceServer.engineFor(reference));
        String token = TestAccounts.create(db).token(TestAccounts.ANALYST);
        try {
            Api api = new Api(server.start(0), token);
            db.close(); // every query now fails inside the server

            Api.Response r = api.get("/api/v1/sources");
            Api.Response post = api.postReport("k-500", Api.strikeNearSubstation());

            assertThat(r.status()).isEqualTo(500);
            assertThat(r.error()).isEqualTo("internal error; the server log has the details");
            assertThat(r.raw().body()).doesNotContain("Exception", "at org.", "Hikari", "jdbc");
            assertThat(post.status()).isEqualTo(500);
        } finally {
            server.stop();
        }
    }

    @Test
    void theServerListensOnTheLoopbackAddressByDefault() throws Exception {
        try (ServerFixture fx = ServerFixture.start(dir)) {
            assertThat(fx.server.apiUrl()).isEqualTo("http://127.0.0.1:" + fx.server.port() + "/api/v1");
            Optional<InetAddress> external = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                    .filter(i -> isUp(i))
                    .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                    .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
                    .findFirst();
            assumeTrue(external.isPresent(), "this machine has no non-loopback IPv4 address");

            boolean reachable;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(external.get(), fx.server.port()), 2000);
                reachable = true;
            } catch (IOException e) {
                reachable = false;
            }
            assertThat(reachable).as("port %d on %s", fx.server.port(), external.get()).isFalse();
        }
    }

    private static boolean isUp(NetworkInterface i) {
        try {
            return i.isUp();
        } catch (IOException e) {
            return false;
        }
    }
}
