package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST: {@code truce report daily} writes the day's report as HTML and PDF, from
 * the demo record without a running server, the same bytes on every run; bad arguments get one
 * clear line and write nothing.
 */
class ReportCommandTest {

    private static final Path EXAMPLE = SharedFolder.repoRoot().resolve(DemoCommand.EXAMPLE);

    @Test
    void demoReportIsWrittenAsHtmlAndPdfAndIsTheSameBytesTwice(@TempDir Path tmp) throws Exception {
        Result first = run("report", "daily", "--demo", "--in", EXAMPLE.toString(), "--date", "2025-03-28",
                "--lang", "fr", "--out", tmp.resolve("a").toString());
        Result second = run("report", "daily", "--demo", "--in", EXAMPLE.toString(), "--date", "2025-03-28",
                "--lang", "fr", "--out", tmp.resolve("b").toString());
        assertThat(first.exit).as(first.err).isZero();
        assertThat(second.exit).as(second.err).isZero();
        assertThat(first.out).contains("daily report of 2025-03-28 (fr)", "daily-report-2025-03-28.fr.pdf");

        Path html = tmp.resolve("a/daily-report-2025-03-28.fr.html");
        Path pdf = tmp.resolve("a/daily-report-2025-03-28.fr.pdf");
        assertThat(Files.readString(html)).contains("Rapport quotidien de surveillance", "Synthetic demo stream");
        assertThat(Files.readAllBytes(tmp.resolve("b/daily-report-2025-03-28.fr.html"))).isEqualTo(Files.readAllBytes(html));
        assertThat(Files.readAllBytes(tmp.resolve("b/daily-report-2025-03-28.fr.pdf"))).isEqualTo(Files.readAllBytes(pdf));
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Rapport quotidien de surveillance");
        }
    }

    @Test
    void badDateIsRefusedWithOneLineAndNothingWritten(@TempDir Path tmp) {
        Result r = run("report", "daily", "--demo", "--date", "28/03/2025", "--out", tmp.resolve("out").toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("--date must be YYYY-MM-DD, got '28/03/2025'");
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void aFolderWithoutARecordIsRefused(@TempDir Path tmp) {
        Result r = run("report", "daily", "--data", tmp.resolve("empty").toString(), "--in", EXAMPLE.toString(),
                "--date", "2025-03-28", "--out", tmp.resolve("out").toString());
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("no record there (no truce.mv.db)");
        assertThat(tmp.resolve("empty")).as("no empty database created").doesNotExist();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
