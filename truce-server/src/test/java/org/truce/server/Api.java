package org.truce.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for the tests: real requests to a real server on 127.0.0.1. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String token;

    /** A client without an account: the public. */
    Api(int port) {
        this(port, null);
    }

    /** A client that sends {@code token} as its bearer token on every request (null: none). */
    Api(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.token = token;
    }

    /** The same server, another API token. */
    Api withToken(String newToken) {
        return new Api(URI.create(base).getPort(), newToken);
    }

    /** A response: status, headers and the body parsed as JSON (null when it is not JSON). */
    record Response(int status, HttpResponse<String> raw, JsonNode json) {

        String error() {
            return json.path("error").asText();
        }

        String field() {
            return json.path("field").isNull() ? null : json.path("field").asText();
        }
    }

    Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    Response post(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(b::header);
        return send(b);
    }

    Response postJson(String path, String body) {
        return post(path, body, Map.of("Content-Type", "application/json"));
    }

    /** POST /api/v1/reports under an idempotency key. */
    Response postReport(String key, JsonNode report) {
        return post("/api/v1/reports", report.toString(), Map.of("Content-Type", "application/json",
                "Idempotency-Key", key));
    }

    Response send(HttpRequest.Builder request) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            if (r.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
                json = JSON.readTree(r.body());
            }
            return new Response(r.statusCode(), r, json);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET {@code path} as bytes (a PDF, a CSV), with this client's token. */
    HttpResponse<byte[]> bytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI uri(String path) {
        return URI.create(base + path);
    }

    /**
     * A strike by Russian forces on 20 March 2025, 1.3 km from the example's registered substation
     * X0000001 north of Zaporizhzhia: inside the energy moratorium's window, both sides bound.
     */
    static ObjectNode strikeNearSubstation() {
        ObjectNode r = JSON.createObjectNode();
        r.put("event_id_cnty", "UKR-T1");
        r.put("event_date", "2025-03-20");
        r.put("time_precision", 1);
        r.put("event_type", "Explosions/Remote violence");
        r.put("sub_event_type", "Air/drone strike");
        r.put("actor1", "Military Forces of Russia (2000-)");
        r.put("actor2", "");
        r.put("country", "Ukraine");
        r.put("admin1", "Zaporizhia");
        r.put("location", "Example village A");
        r.put("latitude", 47.92);
        r.put("longitude", 35.17);
        r.put("geo_precision", 1);
        r.put("notes", "A drone hit an industrial site on the northern edge of town.");
        r.put("fatalities", 0);
        r.put("target", "");
        r.put("source_id", "monitor-1");
        return r;
    }
}
