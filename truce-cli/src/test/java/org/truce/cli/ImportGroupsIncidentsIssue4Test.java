package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.incident.IncidentFilter;
import org.truce.store.incident.StoredIncident;

/**
 * Issue 4, "reports are grouped into incidents when they describe the same event": an ACLED
 * import groups its reports as the API's intake does, and a full re-import that withdraws a
 * report recomputes the incident it was in.
 *
 * <pre>
 *   Zaporizhzhia, 20 March          Donetsk, 21 March
 *   UKR10 *  *  UKR11 (2 km apart)   UKR12 *
 *   one incident, two reports       its own incident
 * </pre>
 */
class ImportGroupsIncidentsIssue4Test {

    private static final String HEADER = ImportCommandTest.HEADER;
    private static final String FIRST = HEADER
            + "UKR10,2025-03-20,1,Explosions/Remote violence,Military Forces of Russia (2000-),47.920,35.170,1,Drone strike on a substation.,0\n"
            + "UKR11,2025-03-20,1,Explosions/Remote violence,Military Forces of Russia (2000-),47.930,35.190,1,Substation hit by drones.,0\n"
            + "UKR12,2025-03-21,1,Battles,Military Forces of Russia (2000-),47.900,37.450,1,Clashes.,0\n";
    /** UKR11 withdrawn. */
    private static final String SECOND = HEADER
            + "UKR10,2025-03-20,1,Explosions/Remote violence,Military Forces of Russia (2000-),47.920,35.170,1,Drone strike on a substation.,0\n"
            + "UKR12,2025-03-21,1,Battles,Military Forces of Russia (2000-),47.900,37.450,1,Clashes.,0\n";

    @Test
    void anImportGroupsItsReportsAndAWithdrawalRecomputesTheirIncident(@TempDir Path tmp) throws Exception {
        Path example = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");
        Path data = tmp.resolve("data");
        Files.writeString(tmp.resolve("first.csv"), FIRST);
        Files.writeString(tmp.resolve("second.csv"), SECOND);

        String first = run("import", "--source", "acled", "--full", "--in", example.toString(), "--data",
                data.toString(), "--rejects", tmp.resolve("rejects.csv").toString(), tmp.resolve("first.csv").toString());

        assertThat(first).contains("incidents: 2 grouped or recomputed");
        String strike;
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            long ukr10 = db.reports().findCurrent("acled", "UKR10").orElseThrow().id();
            long ukr11 = db.reports().findCurrent("acled", "UKR11").orElseThrow().id();
            long ukr12 = db.reports().findCurrent("acled", "UKR12").orElseThrow().id();
            strike = db.incidents().findIncidentOf(ukr10).orElseThrow();
            assertThat(db.incidents().findIncidentOf(ukr11)).contains(strike);
            assertThat(db.incidents().findIncidentOf(ukr12)).isPresent().get().isNotEqualTo(strike);
            StoredIncident grouped = db.incidents().find(strike, "2025-03-18-call").orElseThrow().incident();
            assertThat(grouped.reportCount()).isEqualTo(2);
            assertThat(grouped.findings()).as("the strike near a registered substation concerns the moratorium")
                    .isNotEmpty().allSatisfy(f -> assertThat(f.assessment().trace()).as("a line per report").hasSize(2));
        }

        String second = run("import", "--source", "acled", "--full", "--in", example.toString(), "--data",
                data.toString(), "--rejects", tmp.resolve("rejects.csv").toString(), tmp.resolve("second.csv").toString());

        assertThat(second).contains("1 marked deleted", "incidents: 1 grouped or recomputed");
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            StoredIncident after = db.incidents().find(strike, "2025-03-18-call").orElseThrow().incident();
            // The withdrawn report stays a member (its history is kept) but no longer speaks in the findings.
            assertThat(after.reportCount()).isEqualTo(2);
            assertThat(after.findings()).isNotEmpty()
                    .allSatisfy(f -> assertThat(f.assessment().trace()).as("only the live report's line").hasSize(1));
            List<StoredIncident> all = db.incidents().listMatching(IncidentFilter.all("2025-03-18-call"), 10, 0);
            assertThat(all).hasSize(2);
        }
    }

    private static String run(String... args) {
        ReportCommandTest.Result r = ReportCommandTest.run(args);
        assertThat(r.exit()).as(r.err()).isZero();
        return r.out();
    }
}
