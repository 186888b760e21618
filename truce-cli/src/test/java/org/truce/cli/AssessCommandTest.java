package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FEATURE UNDER TEST: {@code truce assess} end to end, in-process, on small files written here. */
class AssessCommandTest {

    static final String AGREEMENT = """
            {"id": "energy-halt",
             "commitments": [
              {"id": "energy-moratorium", "kind": "strike_moratorium", "protected_category_prefix": "energy.",
               "from": "2025-03-18", "until_exclusive": "2025-04-17",
               "event_types": ["Explosions/Remote violence"], "radius_m": 3000}]}
            """;

    /** Strikes in the window, no facility list: the notes alone must say what was hit. */
    static final String EVENTS = """
            event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities
            RUS1,2025-03-21,2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Ukraine (2019-),,Russia,Bryansk,Town A,52.90000,33.40000,1,test,"Drones hit an electrical substation in the district, officials said.",0
            RUS2,2025-03-22,2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Ukraine (2019-),,Russia,Krasnodar,Town B,45.10000,38.90000,1,test,"Des drones ont frappé une raffinerie de pétrole ; un incendie s'est déclaré.",0
            UKR1,2025-03-23,2025,1,Explosions/Remote violence,Shelling/artillery/missile attack,Military Forces of Russia (2000-),,Ukraine,Kherson,Town C,46.70000,32.70000,1,test,"Shelling damaged a residential building, no one was hurt.",0
            UKR2,not-a-date,2025,1,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),,Ukraine,Kharkiv,Town D,49.90000,36.20000,1,test,A row with a broken date.,0
            """;

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    record Result(int exit, String out, String err) {
    }

    @Test
    void strikesWhoseNotesNameAnEnergyTargetAreFoundWithoutAnyFacilityList(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("agreement.json"), AGREEMENT);
        Files.writeString(tmp.resolve("events.csv"), EVENTS);
        Path out = tmp.resolve("out");

        Result r = run("assess", "--quiet", "--findings", "all", "--agreement", tmp.resolve("agreement.json").toString(),
                "--events", tmp.resolve("events.csv").toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("4 read", "3 accepted", "1 rejected");
        List<String> findings = Files.readAllLines(out.resolve("findings.jsonl"), StandardCharsets.UTF_8);
        assertThat(findings).hasSize(3);
        assertThat(line(findings, "RUS1")).contains("\"outcome\":\"possible_violation\"",
                "\"target_path\":\"report_text\"", "energy.substation");
        assertThat(line(findings, "RUS2")).contains("\"outcome\":\"possible_violation\"",
                "\"target_path\":\"report_text\"", "energy.refinery", "raffinerie");
        assertThat(line(findings, "UKR1")).contains("\"outcome\":\"out_of_scope\"", "target not protected");
        assertThat(Files.readString(out.resolve("rejects.csv"))).contains("UKR2", "event_date");
        // Proximity answers count registered objects only: none were given.
        assertThat(Files.readAllLines(out.resolve("moratorium.csv"))).containsExactly("event_id_cnty,facility_id,distance_m");
    }

    @Test
    void byDefaultFindingsListOnlyWhatNeedsALookAndTheSummarySaysHowManyOthersThereAre(@TempDir Path tmp)
            throws Exception {
        Files.writeString(tmp.resolve("agreement.json"), AGREEMENT);
        Files.writeString(tmp.resolve("events.csv"), EVENTS);
        Path out = tmp.resolve("out");

        Result r = run("assess", "--quiet", "--in", tmp.toString(), "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        List<String> findings = Files.readAllLines(out.resolve("findings.jsonl"), StandardCharsets.UTF_8);
        assertThat(findings).hasSize(2).allMatch(l -> l.contains("\"outcome\":\"possible_violation\""));
        assertThat(r.out()).contains("assessments: 3, 2 written to findings.jsonl", "--findings all lists the 1 out of scope");
    }

    @Test
    void anUnknownFindingsChoiceIsRefusedWithTheChoices() {
        Result r = run("assess", "--findings", "some", "--out", "ignored");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--findings", "concerns, all or none", "'some'");
    }

    @Test
    void theInFolderOptionFindsTheConventionalFiles(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("agreement.json"), AGREEMENT);
        Files.writeString(tmp.resolve("events.csv"), EVENTS);
        Result r = run("assess", "--quiet", "--in", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(tmp.resolve("out/findings.jsonl")).isNotEmptyFile();
    }

    @Test
    void withoutFindingsOnlyTheAnswersAndTheSummaryAreWritten(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("agreement.json"), AGREEMENT);
        Files.writeString(tmp.resolve("events.csv"), EVENTS);
        Result r = run("assess", "--quiet", "--no-findings", "--in", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(tmp.resolve("out/findings.jsonl")).doesNotExist();
        assertThat(tmp.resolve("out/moratorium.csv")).exists();
        assertThat(r.out()).contains("assessments: 3").doesNotContain("written to findings.jsonl");
    }

    @Test
    void wrongArgumentsGiveOneClearLineAndExitCode2() {
        Result r = run("assess", "--out", "ignored", "--bogus");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).startsWith("truce: ").contains("--bogus");
    }

    @Test
    void aMissingEventsFileIsNamed(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("agreement.json"), AGREEMENT);
        Result r = run("assess", "--agreement", tmp.resolve("agreement.json").toString(),
                "--events", tmp.resolve("nope.csv").toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("nope.csv").doesNotContain("Exception");
    }

    @Test
    void aMissingRequiredColumnStopsTheRunWithItsName(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("agreement.json"), AGREEMENT);
        Files.writeString(tmp.resolve("events.csv"), "event_id_cnty,event_date,event_type,latitude\nA,2025-03-20,Battles,48\n");
        Result r = run("assess", "--in", tmp.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("longitude").contains("events.csv");
    }

    @Test
    void everyCommandHasHelp() {
        for (String[] cmd : List.of(new String[] {"--help"}, new String[] {"assess", "--help"},
                new String[] {"agreement", "show", "--help"})) {
            Result r = run(cmd);
            assertThat(r.exit()).isZero();
            assertThat(r.out()).contains("Usage:");
        }
    }

    private static String line(List<String> lines, String reportId) {
        return lines.stream().filter(l -> l.contains("\"report_id\":\"" + reportId + "\"")).findFirst().orElseThrow();
    }
}
