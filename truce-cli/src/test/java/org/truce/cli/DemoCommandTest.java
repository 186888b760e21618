package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * FEATURE UNDER TEST: {@code truce demo} serves the dashboard and the API on a new embedded
 * database, with synthetic reports posted through the API and marked synthetic; a second start on
 * the same data replays them instead of storing them twice.
 */
class DemoCommandTest {

    @Test
    void servesSyntheticReportsMarkedAsSuchAndReplaysThemOnRestart(@TempDir Path data) throws Exception {
        Path example = SharedFolder.repoRoot().resolve(DemoCommand.EXAMPLE);
        String reports = null;
        for (int start = 0; start < 2; start++) {
            DemoCommand.Running running = demo(data, example);
            try {
                String base = running.server().apiUrl();
                HttpClient http = HttpClient.newHttpClient();
                reports = get(http, base + "/reports?limit=1000", running.accounts().streamToken());
                assertThat(get(http, base.replace("/api/v1", "/"))).contains("<html");
            } finally {
                running.stop();
            }
            assertThat(reports).contains("[SYNTHETIC]", "SYN1", "SYN6").doesNotContain("SYN7");
        }
        assertThat(reports.split("\"event_id_cnty\":\"SYN1\"", -1)).as("SYN1 stored once").hasSize(2);
    }

    @Test
    void servesTheExamplesExchangesAndTimelineAndTheSeedArticleAsAStatement(@TempDir Path data) throws Exception {
        Path example = SharedFolder.repoRoot().resolve(DemoCommand.EXAMPLE);
        StringWriter out = new StringWriter();
        DemoCommand.Running running = demo(data, example, out);
        try {
            String base = running.server().apiUrl();
            HttpClient http = HttpClient.newHttpClient();
            assertThat(get(http, base + "/exchanges")).contains("\"agrees\":false", "\"persons\":23", "\"persons\":22");
            assertThat(get(http, base + "/timeline")).contains("\"jeddah-talks\"", "\"2025-03-11\"");
            String statements = get(http, base + "/statements");
            assertThat(statements).contains("\"source_id\":\"" + DemoCommand.SEED_SOURCE_ID + "\"",
                    "\"language\":\"fr\"");
            assertThat(out.toString()).contains("seed article added as a statement");
        } finally {
            running.stop();
        }
    }

    @Test
    void withoutTheSeedArticleTheDemoSaysSoAndAddsNoStatement(@TempDir Path data) throws Exception {
        Path example = SharedFolder.repoRoot().resolve(DemoCommand.EXAMPLE);
        StringWriter out = new StringWriter();
        DemoCommand.Running running = demo(data, example, out, "--seed-article", data.resolve("absent.txt").toString());
        try {
            String statements = get(HttpClient.newHttpClient(), running.server().apiUrl() + "/statements");
            assertThat(statements).contains("\"total\":0");
            assertThat(out.toString()).contains("no seed article at", "no statement was added");
        } finally {
            running.stop();
        }
    }

    private static DemoCommand.Running demo(Path data, Path example) throws Exception {
        return demo(data, example, new StringWriter());
    }

    private static DemoCommand.Running demo(Path data, Path example, StringWriter out, String... more)
            throws Exception {
        CommandLine cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        List<String> args = new ArrayList<>(List.of("demo", "--port", "0", "--data",
                data.toString(), "--example", example.toString(), "--initial", "6", "--every", "0"));
        args.addAll(List.of(more));
        CommandLine.ParseResult parsed = cli.parseArgs(args.toArray(String[]::new));
        DemoCommand demo = parsed.subcommand().commandSpec().commandLine().getCommand();
        return demo.start();
    }

    @Test
    void printsADemoAccountForEachRoleThatSignsInAndLeavesThePublicViewOpen(@TempDir Path data) throws Exception {
        Path example = SharedFolder.repoRoot().resolve(DemoCommand.EXAMPLE);
        StringWriter out = new StringWriter();
        DemoCommand.Running running = demo(data, example, out);
        try {
            String printed = out.toString();
            for (String role : List.of("admin", "monitor", "analyst", "party_liaison:RU", "party_liaison:UA",
                    "guarantor")) {
                assertThat(printed).as(role).containsPattern("demo-\\S+ +" + role.replace(":", ":") + " ");
            }
            Matcher line = Pattern.compile("demo-liaison-ru +party_liaison:RU +(\\S+)").matcher(printed);
            assertThat(line.find()).isTrue();
            String base = running.server().apiUrl();
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/session"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"demo-liaison-ru\",\"password\":\""
                            + line.group(1) + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
            assertThat(signIn.body()).contains("\"role\":\"party_liaison\"", "\"party\":\"RU\"");
            assertThat(signIn.headers().firstValue("Set-Cookie")).hasValueSatisfying(c -> assertThat(c)
                    .contains("HttpOnly", "SameSite=Strict"));

            assertThat(get(http, base + "/incidents?limit=5")).as("the public view").contains("\"items\"");
            HttpResponse<String> reports = http.send(HttpRequest.newBuilder(URI.create(base + "/reports")).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(reports.statusCode()).as("reports one by one need an account").isEqualTo(401);
        } finally {
            running.stop();
        }
    }

    private static String get(HttpClient http, String url) throws Exception {
        return get(http, url, null);
    }

    private static String get(HttpClient http, String url, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url).isEqualTo(200);
        return r.body();
    }
}
