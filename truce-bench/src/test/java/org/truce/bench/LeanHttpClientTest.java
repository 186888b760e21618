package org.truce.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's socket client against the JDK's own small HTTP server: it must read answers of
 * fixed length and in chunks, reuse its connection, and hand back any status as it came.
 */
class LeanHttpClientTest {

    private HttpServer server;
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<Integer> remotePorts = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        // Echoes "method path key body"; /chunked answers without a length, /missing with 404.
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " " + key + " " + body);
            remotePorts.add(exchange.getRemoteAddress().getPort());
            byte[] answer = ("{\"echo\":" + body + "}").getBytes(StandardCharsets.UTF_8);
            String path = exchange.getRequestURI().getPath();
            int status = path.equals("/missing") ? 404 : 201;
            exchange.sendResponseHeaders(status, path.equals("/chunked") ? 0 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private byte[] post(String path, String key, String body) {
        return LeanHttpClient.post("127.0.0.1", server.getAddress().getPort(), path, Map.of("Idempotency-Key", key),
                body);
    }

    @Test
    void twoRequestsGoOverOneKeptAliveConnectionAndEachAnswerIsReadWhole() throws IOException {
        try (LeanHttpClient client = new LeanHttpClient("127.0.0.1", server.getAddress().getPort(), 5_000)) {
            LeanHttpClient.Response first = client.exchange(post("/api/v1/reports", "k1", "{\"n\":1}"));
            LeanHttpClient.Response second = client.exchange(post("/api/v1/reports", "k2", "{\"n\":\"é\"}"));

            assertThat(first.status()).isEqualTo(201);
            assertThat(first.bodyText()).isEqualTo("{\"echo\":{\"n\":1}}");
            assertThat(second.bodyText()).as("UTF-8 body, length in bytes").isEqualTo("{\"echo\":{\"n\":\"é\"}}");
            assertThat(seen).containsExactly("POST /api/v1/reports k1 {\"n\":1}", "POST /api/v1/reports k2 {\"n\":\"é\"}");
            assertThat(remotePorts).as("the same client port: one connection kept alive").hasSize(2)
                    .containsOnly(remotePorts.get(0));
        }
    }

    @Test
    void aChunkedAnswerIsReassembled() throws IOException {
        try (LeanHttpClient client = new LeanHttpClient("127.0.0.1", server.getAddress().getPort(), 5_000)) {
            LeanHttpClient.Response r = client.exchange(post("/chunked", "k", "[1,2,3]"));
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.bodyText()).isEqualTo("{\"echo\":[1,2,3]}");
            // And the connection is still usable after the last chunk.
            assertThat(client.exchange(post("/chunked", "k2", "true")).bodyText()).isEqualTo("{\"echo\":true}");
        }
    }

    @Test
    void aStatusOtherThan201IsHandedBackForTheCallerToCount() throws IOException {
        try (LeanHttpClient client = new LeanHttpClient("127.0.0.1", server.getAddress().getPort(), 5_000)) {
            LeanHttpClient.Response r = client.exchange(post("/missing", "k", "{}"));
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.bodyText()).isEqualTo("{\"echo\":{}}");
        }
    }

    @Test
    void theRequestBytesCarryTheLengthInBytesAndEveryHeader() {
        String request = new String(LeanHttpClient.post("h", 7, "/p", Map.of("Authorization", "Bearer t"), "é"),
                StandardCharsets.UTF_8);
        assertThat(request).isEqualTo("POST /p HTTP/1.1\r\nHost: h:7\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nAuthorization: Bearer t\r\n\r\né");
    }
}
