package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.Sha256;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST: {@code POST /api/v1/reports/{id}/evidence} (a file body or a JSON link) and
 * {@code GET /api/v1/evidence/{sha256}}, on a real server with an H2 database and an evidence
 * folder in a temporary directory, limited to 4,096-byte files and 2,048-byte JSON bodies.
 */
class EvidenceApiTest {

    private static final long LIMIT_BYTES = 4096;
    /** Below the evidence limit, so that a file between the two shows which limit applies to files. */
    private static final long JSON_LIMIT_BYTES = 2048;

    @TempDir
    static Path dir;

    private static Database db;
    private static TruceServer server;
    private static Api api;
    private static Path evidence;
    private static long report;
    private static long otherReport;

    @BeforeAll
    static void start() throws Exception {
        db = Database.open(DataSourceConfig.embedded(dir.resolve("truce-data")));
        db.sources().register(new Source("monitor-1", "Monitoring team 1", SourceKind.MONITOR));
        ReferenceData reference = Example.load();
        evidence = dir.resolve("truce-data").resolve("evidence");
        server = new TruceServer(db, reference, TruceServer.engineFor(reference), ServerConfig.DEFAULT_HOST,
                JSON_LIMIT_BYTES, new EvidenceSettings(evidence, LIMIT_BYTES));
        api = new Api(server.start(0), TestAccounts.create(db).token(TestAccounts.ANALYST));
        report = api.postReport("e1", Api.strikeNearSubstation()).json().get("report_id").asLong();
        var other = Api.strikeNearSubstation();
        other.put("event_id_cnty", "E2");
        otherReport = api.postReport("e2", other).json().get("report_id").asLong();
    }

    @AfterAll
    static void stop() {
        server.stop();
        db.close();
    }

    private static Api.Response upload(String path, byte[] bytes, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(api.uri(path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(b::header);
        return api.send(b);
    }

    private static List<Path> keptFiles() throws IOException {
        if (!Files.exists(evidence)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(evidence)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aFileIsKeptUnderItsSha256AndServedBack() throws Exception {
        byte[] photo = "not really a PNG, but bytes all the same".getBytes(StandardCharsets.UTF_8);
        String sha = Sha256.hex(photo);

        Api.Response r = upload("/api/v1/reports/" + report + "/evidence", photo,
                Map.of("Content-Type", "image/png", "X-File-Name", "crater.png"));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().get("kind").asText()).isEqualTo("file");
        assertThat(r.json().get("location").asText()).isEqualTo("crater.png");
        assertThat(r.json().get("sha256").asText()).isEqualTo(sha);
        assertThat(r.json().get("size_bytes").asLong()).isEqualTo(photo.length);
        assertThat(r.json().get("media_type").asText()).isEqualTo("image/png");
        assertThat(r.json().get("received_at").asText()).isNotEmpty();
        assertThat(r.raw().headers().firstValue("Location")).contains("/api/v1/evidence/" + sha);
        assertThat(evidence.resolve(sha.substring(0, 2)).resolve(sha.substring(2))).hasBinaryContent(photo);

        Api.Response file = api.get("/api/v1/evidence/" + sha);
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.raw().body()).isEqualTo(new String(photo, StandardCharsets.UTF_8));
        assertThat(file.raw().headers().firstValue("Content-Type")).contains("image/png");
        assertThat(file.raw().headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(file.raw().headers().firstValue("Content-Disposition")).contains("attachment");

        JsonNode items = api.get("/api/v1/reports/" + report).json().get("evidence");
        assertThat(items).extracting(i -> i.get("sha256").asText()).contains(sha);
    }

    @Test
    void theSameContentIsKeptOnceAndTheSameItemRecordedOnce() throws Exception {
        byte[] video = "frames of a strike".getBytes(StandardCharsets.UTF_8);
        String path = "/api/v1/reports/" + report + "/evidence?name=clip.mp4";
        Api.Response first = upload(path, video, Map.of("Content-Type", "video/mp4"));
        Api.Response again = upload(path, video, Map.of("Content-Type", "video/mp4"));
        Api.Response elsewhere = upload("/api/v1/reports/" + otherReport + "/evidence?name=clip.mp4", video,
                Map.of("Content-Type", "video/mp4"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).as("the same item again").isEqualTo(200);
        assertThat(again.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(elsewhere.status()).as("another report").isEqualTo(201);
        String sha = Sha256.hex(video);
        assertThat(keptFiles()).filteredOn(p -> p.getFileName().toString().equals(sha.substring(2))).hasSize(1);
        assertThat(db.evidence().listBySha256(sha)).hasSize(2);
    }

    @Test
    void aFileOverTheJsonBodyLimitButWithinTheEvidenceLimitIsKept() {
        byte[] scan = new byte[3000];
        scan[0] = 1;

        Api.Response r = upload("/api/v1/reports/" + report + "/evidence", scan,
                Map.of("Content-Type", "application/pdf", "X-File-Name", "scan.pdf"));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().get("size_bytes").asLong()).isEqualTo(3000);
        assertThat(api.get("/api/v1/evidence/" + Sha256.hex(scan)).raw().body()).hasSize(3000);
    }

    @Test
    void aLinkIsRecordedNotFetched() {
        Api.Response r = api.postJson("/api/v1/reports/" + report + "/evidence",
                "{\"url\": \"https://example.org/post/123\", \"media_type\": \"text/html\"}");

        assertThat(r.status()).as(r.raw().body()).isEqualTo(201);
        assertThat(r.json().get("kind").asText()).isEqualTo("url");
        assertThat(r.json().get("location").asText()).isEqualTo("https://example.org/post/123");
        assertThat(r.json().get("sha256").isNull()).isTrue();
        assertThat(r.json().get("media_type").asText()).isEqualTo("text/html");
        assertThat(r.raw().headers().firstValue("Location")).isEmpty();
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsKept() throws Exception {
        List<Path> before = keptFiles();
        long itemsBefore = db.evidence().listForReport(report).size();
        byte[] big = new byte[(int) LIMIT_BYTES + 1];

        Api.Response r = upload("/api/v1/reports/" + report + "/evidence", big,
                Map.of("Content-Type", "image/jpeg", "X-File-Name", "big.jpg"));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.error()).contains("limit of 4096 bytes");
        assertThat(keptFiles()).as("no file and no leftover part").isEqualTo(before);
        assertThat(db.evidence().listForReport(report)).hasSize((int) itemsBefore);
        assertThat(db.evidence().listBySha256(Sha256.hex(big))).isEmpty();
    }

    @Test
    void aFileForAnUnknownReportIs404AndNothingIsKept() throws Exception {
        List<Path> before = keptFiles();
        byte[] bytes = "evidence of nothing we know".getBytes(StandardCharsets.UTF_8);

        Api.Response r = upload("/api/v1/reports/999999/evidence", bytes,
                Map.of("Content-Type", "image/jpeg", "X-File-Name", "x.jpg"));

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("no report with id 999999");
        assertThat(keptFiles()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0} {1} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "'' | image/png | abc | 400 | X-File-Name | needs its name",
        "name=a/b.png | image/png | abc | 400 | name | no slashes",
        "name=.. | image/png | abc | 400 | name | no slashes",
        "name=a.png&x=1 | image/png | abc | 400 | x | unknown query parameter",
        "name=a.png | not a type | abc | 400 | Content-Type | media type",
        "name=a.png | image/png | '' | 400 | | empty",
        "'' | application/json | '{\"url\": \"ftp://example.org/a\"}' | 400 | url | http or https",
        "'' | application/json | '{\"url\": \"https://\"}' | 400 | url | ",
        "'' | application/json | '{}' | 400 | url | url is required",
        "'' | application/json | '{\"url\": 3}' | 400 | url | url is required",
        "'' | application/json | '{\"url\": \"https://a.org\", \"sha\": \"x\"}' | 400 | sha | unknown field",
        "'' | application/json | '{\"url\": \"https://a.org\", \"media_type\": \"html\"}' | 400 | media_type | jpeg",
        "'' | application/json | '[1]' | 400 | | expected a JSON object"})
    void badUploadsAreRefusedNamingTheField(String query, String type, String body, int status, String field,
            String message) throws Exception {
        List<Path> before = keptFiles();
        int items = db.evidence().listForReport(report).size();

        Api.Response r = upload("/api/v1/reports/" + report + "/evidence" + (query.isEmpty() ? "" : "?" + query),
                body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", type));

        assertThat(r.status()).as(r.raw().body()).isEqualTo(status);
        assertThat(r.field()).isEqualTo(field);
        if (message != null) {
            assertThat(r.error()).contains(message);
        }
        assertThat(keptFiles()).isEqualTo(before);
        assertThat(db.evidence().listForReport(report)).hasSize(items);
    }

    @Test
    void theNameComesFromTheHeaderOrTheQueryNotBoth() {
        Api.Response r = upload("/api/v1/reports/" + report + "/evidence?name=a.png", new byte[] {1, 2},
                Map.of("Content-Type", "image/png", "X-File-Name", "b.png"));

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("X-File-Name");
        assertThat(r.error()).contains("once");
    }

    @ParameterizedTest(name = "GET /api/v1/evidence/{0} -> {1}")
    @CsvSource({"abc, 400, sha256", "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789, 400, sha256",
            "0000000000000000000000000000000000000000000000000000000000000000, 404, "})
    void aMalformedOrUnknownSha256IsRefused(String sha, int status, String field) {
        Api.Response r = api.get("/api/v1/evidence/" + sha);

        assertThat(r.status()).isEqualTo(status);
        assertThat(r.field()).isEqualTo(field);
    }

    @Test
    void aServerWithoutAnEvidenceFolderTakesLinksButNotFiles() throws Exception {
        try (ServerFixture linksOnly = ServerFixture.start(dir.resolve("links-only"))) {
            long id = linksOnly.api.postReport("l1", Api.strikeNearSubstation()).json().get("report_id").asLong();
            HttpRequest.Builder b = HttpRequest.newBuilder(linksOnly.api.uri("/api/v1/reports/" + id
                    + "/evidence?name=a.png")).POST(HttpRequest.BodyPublishers.ofString("abc"))
                    .header("Content-Type", "image/png");

            Api.Response file = linksOnly.api.send(b);
            Api.Response link = linksOnly.api.postJson("/api/v1/reports/" + id + "/evidence",
                    "{\"url\": \"https://example.org/a\"}");

            assertThat(file.status()).isEqualTo(503);
            assertThat(file.error()).contains("links are accepted");
            assertThat(link.status()).isEqualTo(201);
        }
    }
}
