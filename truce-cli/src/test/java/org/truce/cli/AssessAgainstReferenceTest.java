package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FEATURE UNDER TEST: {@code truce assess} gives the same answers as the benchmark's plain Python
 * reference on generated data (20,000 events, 2,000 facilities, seed 7), as judged by the
 * benchmark's own checker.
 */
class AssessAgainstReferenceTest {

    @Test
    void answersMatchTheReferenceOnGeneratedData(@TempDir Path tmp) throws Exception {
        Path bench = SharedFolder.shared().resolve("bench");
        Path data = tmp.resolve("data");
        Path ours = tmp.resolve("truce");
        Path reference = tmp.resolve("reference");

        var gen = Processes.run(tmp, List.of("python3", bench.resolve("gen.py").toString(),
                "--events", "20000", "--facilities", "2000", "--seed", "7", "--out", data.toString()));
        assertThat(gen.exitCode()).as(gen.output()).isZero();

        StringWriter out = new StringWriter();
        var cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        int exit = cli.execute("assess", "--quiet",
                "--agreement", data.resolve("agreement.json").toString(),
                "--events", data.resolve("events.csv").toString(),
                "--facilities", data.resolve("facilities.csv").toString(),
                "--zones", data.resolve("line_of_contact.geojson").toString(),
                "--out", ours.toString());
        assertThat(exit).as(out.toString()).isZero();
        assertThat(out.toString()).contains("20,000 read", "20,000 accepted", "0 rejected");
        assertThat(ours.resolve("findings.jsonl")).isNotEmptyFile();

        var ref = Processes.run(tmp, List.of("python3", bench.resolve("reference.py").toString(),
                data.toString(), reference.toString()));
        assertThat(ref.exitCode()).as(ref.output()).isZero();

        var compare = Processes.run(tmp, List.of("python3", bench.resolve("compare.py").toString(),
                reference.toString(), ours.toString(), "--agreement", data.resolve("agreement.json").toString()));
        assertThat(compare.exitCode()).as(compare.output()).isZero();
        assertThat(Files.readAllLines(ours.resolve("moratorium.csv"))).hasSizeGreaterThan(100);
        assertThat(Files.readAllLines(ours.resolve("contact_line_daily.csv"))).hasSize(31);

        // The answer does not depend on the number of threads: one thread gives the same bytes.
        Path oneThread = tmp.resolve("one-thread");
        int exit1 = TruceCli.commandLine().execute("assess", "--quiet", "--threads", "1", "--in", data.toString(),
                "--out", oneThread.toString());
        assertThat(exit1).isZero();
        for (String file : List.of("findings.jsonl", "moratorium.csv", "contact_line_daily.csv", "rejects.csv")) {
            assertThat(Files.mismatch(ours.resolve(file), oneThread.resolve(file))).as(file).isEqualTo(-1L);
        }
    }
}
