package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.server.TruceServer;
import picocli.CommandLine;

/** FEATURE UNDER TEST: {@code truce serve} starts the API on the example agreement and a new database. */
class ServeCommandTest {

    @Test
    void servesTheExampleAgreementFromANewEmbeddedDatabase(@TempDir Path data) throws Exception {
        Path example = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");
        StringWriter out = new StringWriter();
        CommandLine cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--port", "0", "--data", data.toString(),
                "--in", example.toString());
        ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();

        TruceServer server = serve.start();
        try {
            assertThat(out.toString()).contains("serving http://127.0.0.1:" + server.port());
            HttpResponse<String> agreements = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.apiUrl() + "/agreements/2025-03-18-call")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(agreements.statusCode()).isEqualTo(200);
            assertThat(agreements.body()).contains("energy-moratorium", "pow-exchange-2025-03-19");
            assertThat(data.toFile().list()).as("the embedded database was created under --data").isNotEmpty();
        } finally {
            server.stop();
        }
    }

    @Test
    void withoutAnAgreementItSaysWhatToGive() {
        StringWriter err = new StringWriter();
        CommandLine cli = TruceCli.commandLine();
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute("serve", "--port", "0");
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("--agreement");
    }

    @Test
    void aTileUrlWithoutTileNumbersStopsTheStartNamingTheOptionAndOpensNoDatabase(@TempDir Path folder) {
        Path example = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");
        StringWriter err = new StringWriter();
        CommandLine cli = TruceCli.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("serve", "--port", "0", "--data", folder.resolve("data").toString(),
                "--in", example.toString(), "--tile-url", "https://tiles.example.org/{z}/{x}.png");

        assertThat(exit).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(err.toString()).contains("--tile-url", "{y}").doesNotContain("Exception");
        assertThat(Files.exists(folder.resolve("data"))).as("no database was opened").isFalse();
    }

    @Test
    void aBrokenTimelineBesideTheAgreementStopsTheStartWithFileLineAndField(@TempDir Path folder) throws Exception {
        Path example = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");
        Files.copy(example.resolve("agreement.json"), folder.resolve("agreement.json"));
        Files.writeString(folder.resolve("timeline.json"), """
                {"agreement": "2025-03-18-call",
                 "milestones": [
                   {"id": "call", "date": "2025-03-18", "what": "The call",
                    "status": [{"on": "2025-03-18", "status": "halfway", "source": {"statement": "seed-2025-03-19-fr"}}]}]}
                """);
        StringWriter err = new StringWriter();
        CommandLine cli = TruceCli.commandLine();
        cli.setErr(new PrintWriter(err));

        int exit = cli.execute("serve", "--port", "0", "--data", folder.resolve("data").toString(),
                "--agreement", folder.resolve("agreement.json").toString());

        assertThat(exit).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(err.toString()).contains("timeline.json:4:", "milestones[0].status[0].status", "halfway");
        assertThat(Files.exists(folder.resolve("data"))).as("no database was opened").isFalse();
    }

    @Test
    void anAdminPasswordFileMakesTheAdminWhoSignsInAndAShortOneIsRefusedWithFileAndLine(@TempDir Path data)
            throws Exception {
        Path example = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");
        Path shortFile = data.resolve("short.txt");
        Files.writeString(shortFile, "hunter2\n");
        StringWriter err = new StringWriter();
        CommandLine refused = TruceCli.commandLine();
        refused.setErr(new PrintWriter(err));
        assertThat(refused.execute("serve", "--port", "0", "--data", data.resolve("db").toString(), "--in",
                example.toString(), "--admin-password-file", shortFile.toString())).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(err.toString()).contains("short.txt, line 1", "12 to 200 characters");

        Path file = data.resolve("admin.txt");
        Files.writeString(file, "a long enough admin password\n");
        StringWriter out = new StringWriter();
        CommandLine cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        CommandLine.ParseResult parsed = cli.parseArgs("serve", "--port", "0", "--data", data.resolve("db").toString(),
                "--in", example.toString(), "--admin-password-file", file.toString(), "--secure-cookies");
        ServeCommand serve = parsed.subcommand().commandSpec().commandLine().getCommand();
        TruceServer server = serve.start();
        try {
            assertThat(out.toString()).contains("account 'admin' created");
            HttpResponse<String> signIn = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.apiUrl() + "/session"))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"name\": \"admin\", \"password\": \"a long enough admin password\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            assertThat(signIn.body()).contains("\"role\":\"admin\"");
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                    .contains("; Secure"));
        } finally {
            server.stop();
        }
    }
}
