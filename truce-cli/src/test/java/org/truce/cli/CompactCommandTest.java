package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;

/**
 * FEATURE UNDER TEST (issue 4, storage): {@code truce compact} gives the embedded database's unused
 * space back, and the database says the same afterwards: the same reports, a record that verifies.
 */
class CompactCommandTest {

    private static final Path EXAMPLE = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");

    private static ReportCommandTest.Result run(String... args) {
        return ReportCommandTest.run(args);
    }

    private static int reportCount(Path data) {
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            return db.jdbi().withHandle(h -> h.createQuery("select count(*) from reports").mapTo(Integer.class).one());
        }
    }

    @Test
    void aGrownFileShrinksAndTheRecordStillVerifies(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        // Importing the same file three times: the first stores the reports, the later ones change
        // nothing but still commit, so the append-only file grows.
        for (int i = 0; i < 3; i++) {
            ReportCommandTest.Result imported = run("import", "--source", "acled", "--in", EXAMPLE.toString(),
                    "--data", data.toString(), "--rejects", tmp.resolve("rejects.csv").toString(),
                    EXAMPLE.resolve("events.csv").toString());
            assertThat(imported.exit()).as(imported.err()).isZero();
        }
        int reports = reportCount(data);
        long before = Files.size(data.resolve("truce.mv.db"));

        ReportCommandTest.Result compacted = run("compact", "--data", data.toString());

        assertThat(compacted.exit()).as(compacted.err()).isZero();
        long after = Files.size(data.resolve("truce.mv.db"));
        assertThat(after).isLessThan(before);
        assertThat(compacted.out()).contains("truce compact:", String.format(Locale.ROOT, "from %,d to %,d bytes", before, after));
        assertThat(reportCount(data)).isEqualTo(reports).isPositive();
        ReportCommandTest.Result verified = run("verify", "--data", data.toString());
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
    }

    @Test
    void aFolderWithoutADatabaseIsRefusedAndStaysEmpty(@TempDir Path tmp) {
        ReportCommandTest.Result refused = run("compact", "--data", tmp.toString());

        assertThat(refused.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(refused.err()).contains("--data", "no truce.mv.db").doesNotContain("Exception");
        assertThat(tmp.toFile().list()).isEmpty();
    }

    @Test
    void aDatabaseServerIsLeftToItsOwnVacuum() {
        ReportCommandTest.Result refused = run("compact", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/truce");

        assertThat(refused.exit()).isEqualTo(TruceCli.EXIT_INPUT);
        assertThat(refused.err()).contains("--jdbc-url", "VACUUM");
    }
}
