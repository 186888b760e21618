package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.server.ServerConfig;
import org.truce.server.TruceServer;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;

/**
 * FEATURE UNDER TEST (issue 7): the CLI and the API publish the same bytes from the same record:
 * the daily report (HTML and PDF, with the exchanges and the timeline beside the agreement) and
 * the ACLED CSV export.
 */
class PublicationDoorsIssue7Test {

    private static final Path EXAMPLE = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");

    @Test
    void theCliAndTheApiGiveTheSameBytesForOneRecordAndDay(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        ReportCommandTest.Result imported = ReportCommandTest.run("import", "--source", "acled", "--in",
                EXAMPLE.toString(), "--data", data.toString(), "--rejects", tmp.resolve("rejects.csv").toString(),
                EXAMPLE.resolve("events.csv").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        ReportCommandTest.Result report = ReportCommandTest.run("report", "daily", "--data", data.toString(), "--in",
                EXAMPLE.toString(), "--date", "2025-03-20", "--out", tmp.resolve("out").toString());
        assertThat(report.exit()).as(report.err()).isZero();
        ReportCommandTest.Result export = ReportCommandTest.run("export", "--format", "acled-csv", "--from",
                "2025-03-19", "--in", EXAMPLE.toString(), "--data", data.toString(), "--out",
                tmp.resolve("out/acled.csv").toString());
        assertThat(export.exit()).as(export.err()).isZero();

        Path html = tmp.resolve("out/daily-report-2025-03-20.en.html");
        assertThat(Files.readString(html)).as("the exchange ledger beside the agreement is read")
                .contains("after exchange").doesNotContain("no exchange ledger beside the agreement");

        ServerConfig config = ServerConfig.defaults().withPort(0).withDataDirectory(data)
                .withAgreement(EXAMPLE.resolve("agreement.json"))
                .withFacilities(java.util.List.of(EXAMPLE.resolve("facilities.csv")))
                .withZones(java.util.List.of(EXAMPLE.resolve("black_sea.geojson"),
                        EXAMPLE.resolve("line_of_contact.geojson")))
                .withCompanionFiles();
        // The API serves these whole, to a role cleared for secret fields: an analyst's token.
        String token;
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            db.accounts().create("analyst-1", Role.of(RoleKind.ANALYST), "a test password, not secret", false);
            token = db.apiTokens().issue("analyst-1", "tests", java.util.Set.of()).secret();
        }
        try (TruceServer server = ServeCommand.open(config)) {
            server.start(0);
            String api = server.apiUrl();
            assertThat(get(api + "/daily-reports/2025-03-20", token)).isEqualTo(Files.readAllBytes(html));
            assertThat(get(api + "/daily-reports/2025-03-20?format=pdf", token))
                    .isEqualTo(Files.readAllBytes(tmp.resolve("out/daily-report-2025-03-20.en.pdf")));
            assertThat(get(api + "/exports/acled.csv?from=2025-03-19", token))
                    .isEqualTo(Files.readAllBytes(tmp.resolve("out/acled.csv")));
        }
    }

    private static byte[] get(String url, String token) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }
}
