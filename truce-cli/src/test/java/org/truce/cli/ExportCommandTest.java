package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.format.Rejection;
import org.truce.format.acled.AcledReader;
import org.truce.report.Report;

/**
 * FEATURE UNDER TEST: {@code truce export} writes the record imported from the example ACLED file
 * as ACLED CSV (read back by Truce's own reader), GeoJSON and JSON; an unknown format is refused.
 */
class ExportCommandTest {

    private static final Path EXAMPLE = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");

    @Test
    void exportsTheImportedRecordInThreeFormats(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        ReportCommandTest.Result imported = ReportCommandTest.run("import", "--source", "acled", "--in",
                EXAMPLE.toString(), "--data", data.toString(), "--rejects", tmp.resolve("rejects.csv").toString(),
                EXAMPLE.resolve("events.csv").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();

        List<Report> fromExample = new ArrayList<>();
        new AcledReader(bad -> { }).read(EXAMPLE.resolve("events.csv"), fromExample::add); // one row is bad on purpose
        int n = fromExample.size();
        for (String format : List.of("acled-csv", "geojson", "json")) {
            ReportCommandTest.Result r = ReportCommandTest.run("export", "--format", format, "--in", EXAMPLE.toString(),
                    "--data", data.toString(), "--out", tmp.resolve("out." + format).toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("exported " + n + " report(s) as " + format);
        }

        List<Report> fromExport = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        new AcledReader(rejected::add).read(tmp.resolve("out.acled-csv"), fromExport::add);
        assertThat(rejected).isEmpty();
        assertThat(fromExport).extracting(Report::id).containsExactlyInAnyOrderElementsOf(
                fromExample.stream().map(Report::id).toList());
        assertThat(fromExport).filteredOn(r -> r.id().equals("EXA1")).singleElement()
                .satisfies(r -> assertThat(r.extra()).containsEntry("truce_commitment_id", "energy-moratorium")
                        .containsEntry("truce_outcome", "possible_violation").containsEntry("truce_party", "RU")
                        .containsEntry("truce_verification", "reported")
                        .satisfies(extra -> assertThat(extra.get("truce_incident_id")).as("imports group reports")
                                .startsWith("INC-")));

        JsonNode geo = new ObjectMapper().readTree(tmp.resolve("out.geojson").toFile());
        assertThat(geo.path("features")).hasSize(n);
        JsonNode record = new ObjectMapper().readTree(tmp.resolve("out.json").toFile());
        assertThat(record.path("reports")).hasSize(n);
        assertThat(record.path("reports").get(0).path("findings").get(0).path("trace")).isNotEmpty();
    }

    @Test
    void unknownFormatIsRefused(@TempDir Path tmp) {
        ReportCommandTest.Result r = ReportCommandTest.run("export", "--format", "xlsx", "--in", EXAMPLE.toString(),
                "--data", tmp.resolve("data").toString(), "--out", tmp.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--format must be one of acled-csv, geojson, json, got 'xlsx'");
        assertThat(tmp.resolve("out")).doesNotExist();
    }
}
