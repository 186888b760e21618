package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.report.ChangeKind;
import org.truce.store.report.ReportVersion;

/**
 * FEATURE UNDER TEST: re-importing a newer ACLED file updates reports in place by event_id_cnty,
 * keeps every version, and records as deleted (never erases) what the newer file no longer has.
 */
class ImportCommandTest {

    static final String HEADER = "event_id_cnty,event_date,time_precision,event_type,actor1,latitude,longitude,"
            + "geo_precision,notes,fatalities\n";
    static final String FIRST = HEADER
            + "UKR1,2025-03-20,1,Explosions/Remote violence,Military Forces of Russia (2000-),47.92,35.17,1,Strike on an industrial site.,0\n"
            + "UKR2,2025-03-21,1,Battles,Military Forces of Russia (2000-),47.90,37.45,1,Clashes.,0\n"
            + "UKR3,2025-03-22,1,Battles,Military Forces of Ukraine (2019-),47.95,37.50,1,Clashes.,0\n";
    /** UKR1 corrected (fatalities 0 -> 2), UKR2 unchanged, UKR3 withdrawn, UKR4 new. */
    static final String SECOND = HEADER
            + "UKR1,2025-03-20,1,Explosions/Remote violence,Military Forces of Russia (2000-),47.92,35.17,1,Strike on an industrial site.,2\n"
            + "UKR2,2025-03-21,1,Battles,Military Forces of Russia (2000-),47.90,37.45,1,Clashes.,0\n"
            + "UKR4,2025-03-23,1,Explosions/Remote violence,Military Forces of Ukraine (2019-),45.30,38.20,1,Drones hit a refinery.,0\n";

    @Test
    void aNewerFileUpdatesInPlaceAndRecordsDeletions(@TempDir Path tmp) throws Exception {
        Path example = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");
        Path data = tmp.resolve("data");
        Files.writeString(tmp.resolve("first.csv"), FIRST);
        Files.writeString(tmp.resolve("second.csv"), SECOND);

        String first = run("import", "--source", "acled", "--full", "--in", example.toString(), "--data", data.toString(),
                "--rejects", tmp.resolve("rejects.csv").toString(), tmp.resolve("first.csv").toString());
        assertThat(first).contains("3 new, 0 updated, 0 restored, 0 unchanged, 0 marked deleted");

        String second = run("import", "--source", "acled", "--full", "--in", example.toString(), "--data", data.toString(),
                "--rejects", tmp.resolve("rejects.csv").toString(), tmp.resolve("second.csv").toString());
        assertThat(second).contains("1 new, 1 updated, 0 restored, 1 unchanged, 1 marked deleted",
                "findings stored for 2 new or changed reports");

        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            assertThat(db.reports().history("acled", "UKR1")).extracting(ReportVersion::change)
                    .containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED);
            assertThat(db.reports().history("acled", "UKR3")).extracting(ReportVersion::change)
                    .as("withdrawn, not erased").containsExactly(ChangeKind.CREATED, ChangeKind.DELETED);
            assertThat(db.reports().listLiveExternalIds("acled")).containsExactlyInAnyOrder("UKR1", "UKR2", "UKR4");
            long refinery = db.reports().findCurrent("acled", "UKR4").orElseThrow().id();
            assertThat(db.findings().listForReport(refinery)).isNotEmpty();
        }
    }

    private static String run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = TruceCli.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }
}
