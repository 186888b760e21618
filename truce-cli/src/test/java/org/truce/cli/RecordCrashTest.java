package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;

/**
 * FEATURE UNDER TEST (issue 6, crash safety and idempotency): the real server, in its own JVM,
 * takes reports with idempotency keys while it is killed with SIGKILL at random moments; after
 * each restart the client sends again what was not acknowledged. In the end every acknowledged
 * report is stored exactly once and {@code truce verify} passes.
 */
class RecordCrashTest {

    private static final Path EXAMPLE = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");
    private static final int KILLS = 3;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String token;

    @Test
    void acknowledgedReportsSurviveSigkillExactlyOnceAndTheRecordVerifies(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Random random = new Random(20250318);
        Set<String> acknowledged = new LinkedHashSet<>();
        Set<String> unacknowledged = new LinkedHashSet<>();
        int next = 0;
        // The posting client is a monitor with an API token, made before the first start.
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            db.accounts().create("crash-monitor", Role.of(RoleKind.MONITOR), null, false);
            token = db.apiTokens().issue("crash-monitor", "crash test", Set.of()).secret();
        }
        for (int round = 0; round <= KILLS; round++) {
            int port = freePort();
            Process server = start(data, port, tmp.resolve("server-" + round + ".log"));
            try {
                awaitUp(port, server);
                post(port, "/api/v1/sources", null, "{\"id\":\"crash\",\"name\":\"Crash test\",\"kind\":\"monitor\"}");
                for (String key : new ArrayList<>(unacknowledged)) {
                    if (postReport(port, key)) {
                        acknowledged.add(key);
                        unacknowledged.remove(key);
                    }
                }
                if (round == KILLS) {
                    break;
                }
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300 + random.nextInt(900));
                while (server.isAlive()) {
                    String key = "crash-" + next++;
                    if (System.nanoTime() >= killAt) {
                        // SIGKILL while this request may be anywhere between the socket and the commit.
                        Thread t = new Thread(server::destroyForcibly);
                        t.start();
                        boolean ok = postReport(port, key);
                        t.join();
                        (ok ? acknowledged : unacknowledged).add(key);
                        break;
                    }
                    (postReport(port, key) ? acknowledged : unacknowledged).add(key);
                }
                server.waitFor(10, TimeUnit.SECONDS);
            } finally {
                server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }

        assertThat(unacknowledged).as("every report acknowledged after the last restart").isEmpty();
        assertThat(acknowledged).hasSizeGreaterThan(KILLS);
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            List<String> stored = db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT external_id FROM reports WHERE source_id = 'crash' ORDER BY id").mapTo(String.class).list());
            assertThat(stored).as("the crash source's reports").containsExactlyInAnyOrderElementsOf(acknowledged);
            for (String key : acknowledged) {
                int count = db.jdbi().withHandle(h -> h.createQuery(
                                "SELECT COUNT(*) FROM reports WHERE source_id = 'crash' AND external_id = :id")
                        .bind("id", key).mapTo(Integer.class).one());
                assertThat(count).as(key).isEqualTo(1);
            }
            int versions = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM report_versions v JOIN reports r "
                    + "ON r.id = v.report_id WHERE r.source_id = 'crash'").mapTo(Integer.class).one());
            assertThat(versions).as("one version each: nothing stored twice").isEqualTo(acknowledged.size());
        }
        ReportCommandTest.Result verified = ReportCommandTest.run("verify", "--data", data.toString());
        assertThat(verified.exit()).as(verified.out()).isZero();
        assertThat(verified.out()).contains("OK:");
    }

    private static Process start(Path data, int port, Path log) throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TruceCli.class.getName(), "serve",
                "--port", String.valueOf(port), "--data", data.toString(), "--in", EXAMPLE.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitUp(int port, Process server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited with " + server.exitValue());
            }
            try {
                if (get(port, "/api/v1/agreements") == 200) {
                    return;
                }
            } catch (IOException e) {
                Thread.sleep(100); // not listening yet
            }
        }
        throw new IllegalStateException("the server did not start within 60 s");
    }

    private int get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Whether the report was acknowledged (201 stored, 200 a replay); a dropped connection is not. */
    private boolean postReport(int port, String key) throws InterruptedException {
        String body = ("{\"event_id_cnty\":\"%s\",\"event_date\":\"2025-03-20\",\"time_precision\":1,"
                + "\"event_type\":\"Explosions/Remote violence\",\"sub_event_type\":\"Air/drone strike\","
                + "\"actor1\":\"Military Forces of Russia (2000-)\",\"actor2\":\"\",\"country\":\"Ukraine\","
                + "\"admin1\":\"Zaporizhia\",\"location\":\"Example village A\",\"latitude\":47.92,\"longitude\":35.17,"
                + "\"geo_precision\":1,\"notes\":\"Crash test report.\",\"fatalities\":0,\"target\":\"\","
                + "\"source_id\":\"crash\"}").formatted(key);
        try {
            int status = post(port, "/api/v1/reports", key, body);
            if (status != 200 && status != 201) {
                throw new AssertionError("report " + key + " answered " + status);
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private int post(int port, String path, String key, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
