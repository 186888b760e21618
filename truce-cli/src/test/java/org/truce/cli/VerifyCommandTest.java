package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.finding.FindingBasis;
import org.truce.store.report.ReportContent;

/**
 * FEATURE UNDER TEST: {@code truce verify} over a real H2 data folder, and {@code truce export
 * --since} writing a bundle that {@code truce verify-bundle} accepts (issue 6).
 */
class VerifyCommandTest {

    private static final Path EXAMPLE = SharedFolder.repoRoot().resolve("examples/2025-03-18-call");

    private static ReportCommandTest.Result run(String... args) {
        return ReportCommandTest.run(args);
    }

    /** The example's reports imported, a key made, and one checkpoint signed with it. */
    private static Path signedRecord(Path tmp) {
        Path data = tmp.resolve("data");
        ReportCommandTest.Result imported = run("import", "--source", "acled", "--in", EXAMPLE.toString(), "--data",
                data.toString(), "--rejects", tmp.resolve("rejects.csv").toString(),
                EXAMPLE.resolve("events.csv").toString());
        assertThat(imported.exit()).as(imported.err()).isZero();
        assertThat(run("keygen", "--out", tmp.resolve("keys").toString(), "--name", "monitor.example/truce").exit())
                .isZero();
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            db.record().checkpointNow(RecordKeyOptions.load(tmp.resolve("keys/record-signing.key.pem")));
        }
        return data;
    }

    private static void sql(Path data, String statement) {
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            db.jdbi().useHandle(h -> h.execute(statement));
        }
    }

    @Test
    void anUntouchedRecordVerifiesAndItsBundleVerifiesOffline(@TempDir Path tmp) {
        Path data = signedRecord(tmp);
        String key = tmp.resolve("keys/record-verifier.vkey").toString();

        ReportCommandTest.Result verified = run("verify", "--data", data.toString(), "--key", key);
        assertThat(verified.exit()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("1 checkpoint(s)", "key: monitor.example/truce+",
                "OK: every entry, row, node and checkpoint checks");

        Path bundle = tmp.resolve("record.bundle.json");
        ReportCommandTest.Result exported = run("export", "--since", "all", "--key", key, "--data", data.toString(),
                "--out", bundle.toString());
        assertThat(exported.exit()).as(exported.err()).isZero();
        ReportCommandTest.Result offline = run("verify-bundle", bundle.toString(), "--key", key);
        assertThat(offline.exit()).as(offline.out() + offline.err()).isZero();
        assertThat(offline.out()).contains("OK: every checkpoint, proof and entry checks");
    }

    @Test
    void aChangedReportIsNamedAndTheExitCodeSaysSo(@TempDir Path tmp) {
        Path data = signedRecord(tmp);
        sql(data, "UPDATE report_versions SET content_json = REPLACE(content_json, '\"fatalities\":0', "
                + "'\"fatalities\":1') WHERE report_id = 1 AND version = 1");

        ReportCommandTest.Result r = run("verify", "--data", data.toString(), "--key",
                tmp.resolve("keys/record-verifier.vkey").toString());
        assertThat(r.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(r.out()).contains("FAILED: 1 problem(s)", "entry 0: report 1 version 1: the row changed");
    }

    @Test
    void aCheckpointSignedByAnotherKeyIsNamed(@TempDir Path tmp) {
        Path data = signedRecord(tmp);
        assertThat(run("keygen", "--out", tmp.resolve("other").toString(), "--name", "monitor.example/truce").exit())
                .isZero();

        ReportCommandTest.Result r = run("verify", "--data", data.toString(), "--key",
                tmp.resolve("other/record-verifier.vkey").toString());
        assertThat(r.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(r.out()).contains("checkpoint 0 (size ", "no signature by monitor.example/truce+",
                "checkpoint replaced");
    }

    @Test
    void exportSinceACheckpointThatDoesNotExistIsRefused(@TempDir Path tmp) {
        Path data = signedRecord(tmp);
        ReportCommandTest.Result r = run("export", "--since", "7", "--key",
                tmp.resolve("keys/record-verifier.vkey").toString(), "--data", data.toString(), "--out",
                tmp.resolve("b.json").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--since 7: the record has checkpoints 0..0");
    }

    @Test
    void aChangedFindingIsNamed(@TempDir Path tmp) {
        Path data = signedRecord(tmp);
        sql(data, "UPDATE findings SET outcome = 'out_of_scope' WHERE id = (SELECT MIN(id) FROM findings "
                + "WHERE outcome = 'possible_violation')");

        ReportCommandTest.Result r = run("verify", "--data", data.toString(), "--key",
                tmp.resolve("keys/record-verifier.vkey").toString());
        assertThat(r.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(r.out()).contains("FAILED: 1 problem(s)")
                .containsPattern("entry \\d+: findings of report \\d+ under agreement 2025-03-18-call: the rows changed"
                        + " since they were recorded");
    }

    @Test
    void anIncidentWhoseStatusOrMembersChangedInTheTablesIsNamed(@TempDir Path tmp) {
        Path data = signedRecord(tmp);
        try (Database db = Database.open(DataSourceConfig.embedded(data))) {
            // A report taken in as the service does, so that it is grouped into an incident.
            Report strike = new Report("CLI-1", LocalDate.parse("2025-03-20"), TimePrecision.DAY,
                    "Explosions/Remote violence", "Air/drone strike", "Military Forces of Russia (2000-)", "",
                    "Ukraine", "Zaporizhia", "", GeoPoint.of(47.92, 35.17), GeoPrecision.EXACT, "", "", 0, "",
                    Map.of());
            db.intake().submitAssessed("cli-1", "acled", ReportContent.of(strike),
                    new FindingBasis("2025-03-18-call", "v", "r"), List.of());
        }
        Path key = tmp.resolve("keys/record-verifier.vkey");
        assertThat(run("verify", "--data", data.toString(), "--key", key.toString()).exit()).isZero();
        sql(data, "UPDATE incidents SET status = 'verified'");

        ReportCommandTest.Result r = run("verify", "--data", data.toString(), "--key", key.toString());
        assertThat(r.exit()).isEqualTo(VerifyBundleCommand.EXIT_NOT_VERIFIED);
        assertThat(r.out()).containsPattern("incident INC-\\d+: status is verified, the record says reported"
                + " since entry \\d+ \\(created\\): changed without an entry");

        sql(data, "DELETE FROM incident_members");
        assertThat(run("verify", "--data", data.toString(), "--key", key.toString()).out())
                .containsPattern("incident INC-\\d+: report \\d+ is no longer a member since entry \\d+ \\(created\\)");
    }
}
