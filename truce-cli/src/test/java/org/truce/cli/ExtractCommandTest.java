package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.agreement.Agreement;
import org.truce.format.agreement.AgreementJson;

/** FEATURE UNDER TEST: {@code truce extract} end to end, in-process, on the seed article and small files. */
class ExtractCommandTest {

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
    void theSeedArticleGivesAReadableListAndTheFourFiles(@TempDir Path tmp) throws Exception {
        Path seed = SharedFolder.shared().resolve("seed/2025-03-19-putin-trump-call.fr.txt");
        Result r = run("extract", seed.toString(), "--out", tmp.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("published 2025-03-19 (date on the first line)",
                "strike_halt on energy, 30 days", "RU accepted 2025-03-18",
                "prisoner exchange on 2025-03-19, 175 for 175, plus 23 wounded (UA)",
                "report by bloomberg", "candidate for review, not a finding",
                "wrote draft-agreement.json, items.jsonl, exchanges.json, timeline.json");
        Agreement draft = AgreementJson.load(tmp.resolve("draft-agreement.json"));
        assertThat(draft.title()).startsWith("DRAFT");
        assertThat(tmp.resolve("items.jsonl")).isNotEmptyFile();
        assertThat(Files.readString(tmp.resolve("exchanges.json"))).contains("\"per_side\" : 175");
        assertThat(Files.readString(tmp.resolve("timeline.json"))).contains("2025-03-11", "2025-03-13");
    }

    @Test
    void publishedAndLangOptionsAreUsed(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("readout.txt"),
                "Yesterday Russia agreed to stop strikes on energy facilities for 30 days.\n");
        Result r = run("extract", file.toString(), "--lang", "en", "--published", "2025-03-19",
                "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("published 2025-03-19 (--published)", "RU accepted 2025-03-18");
    }

    @Test
    void anEmptyFileGivesOneClearLineAndExitCode2(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("empty.txt"), "");
        Result r = run("extract", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("truce: ").contains("empty.txt", "empty").doesNotContain("Exception");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aTextWithoutPublicationDateAsksForOne(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("readout.txt"), "Russia agreed to stop strikes on energy.\n");
        Result r = run("extract", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("readout.txt", "--published");
    }

    @Test
    void aTextWithoutMeasureWritesNoDraftAndSaysSo(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("2025-03-20-markets.txt"), "Markets opened higher in London.\n");
        Result r = run("extract", file.toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("nothing to record", "draft-agreement.json not written");
        assertThat(tmp.resolve("out/draft-agreement.json")).doesNotExist();
        assertThat(tmp.resolve("out/items.jsonl")).exists();
    }

    @Test
    void aWrongLanguageOrDateIsNamed(@TempDir Path tmp) throws Exception {
        Path file = Files.writeString(tmp.resolve("a.txt"), "text\n");
        assertThat(run("extract", file.toString(), "--lang", "de").err()).contains("--lang", "'de'");
        assertThat(run("extract", file.toString(), "--published", "19/03/2025").err()).contains("--published", "19/03/2025");
    }

    @Test
    void extractHasHelp() {
        Result r = run("extract", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage:", "--published", "--lang", "--out");
    }
}
