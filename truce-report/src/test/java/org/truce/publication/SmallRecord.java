package org.truce.publication;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.truce.agreement.Agreement;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.assessment.Evidence;
import org.truce.assessment.Outcome;
import org.truce.format.agreement.AgreementJson;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.finding.FindingBasis;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * A record small enough to count by hand, on a real H2 file, under the example agreement of 18
 * March 2025 (energy moratorium in force from 19 March: Ukraine accepted that day).
 *
 * <pre>
 * day    report  source     area          energy-moratorium finding
 * 18 Mar R0      monitor-1  Zaporizhia    possible violation RU   (before entry into force)
 * 19 Mar R1      monitor-1  Zaporizhia    possible violation RU
 * 20 Mar R2      monitor-1  Kharkiv       possible violation RU
 * 20 Mar R3      monitor-2  Krasnodar     possible violation UA
 * 20 Mar R4      monitor-2  Donetsk       undetermined RU
 * 21 Mar R5      monitor-1  Запоріжжя     possible violation RU, 2 fatalities
 * 21 Mar R6      monitor-2  Zaporizhia    out of scope UA
 * 22 Mar R7      monitor-2  Zaporizhia    out of scope RU
 * </pre>
 */
final class SmallRecord {

    static final FindingBasis BASIS = new FindingBasis("2025-03-18-call", "test-agreement", "test-reference");

    private SmallRecord() {
    }

    static Agreement agreement() throws Exception {
        return AgreementJson.load(repoRoot().resolve("examples/2025-03-18-call/agreement.json"));
    }

    static Path repoRoot() {
        String start = System.getProperty("truce.repo.root", System.getProperty("user.dir"));
        for (Path dir = Path.of(start).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("truce-core"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no folder containing truce-core above " + start);
    }

    static Database open(Path dir) {
        Database db = Database.open(DataSourceConfig.embedded(dir));
        db.sources().register(new Source("monitor-1", "Monitor One", SourceKind.MONITOR));
        db.sources().register(new Source("monitor-2", "Monitor Two", SourceKind.MONITOR));
        add(db, "monitor-1", report("R0", "2025-03-18", "Zaporizhia", 0), Outcome.POSSIBLE_VIOLATION, "RU");
        add(db, "monitor-1", report("R1", "2025-03-19", "Zaporizhia", 0), Outcome.POSSIBLE_VIOLATION, "RU");
        add(db, "monitor-1", report("R2", "2025-03-20", "Kharkiv", 0), Outcome.POSSIBLE_VIOLATION, "RU");
        add(db, "monitor-2", report("R3", "2025-03-20", "Krasnodar", 0), Outcome.POSSIBLE_VIOLATION, "UA");
        add(db, "monitor-2", report("R4", "2025-03-20", "Donetsk", 0), Outcome.UNDETERMINED, "RU");
        add(db, "monitor-1", report("R5", "2025-03-21", "Запоріжжя", 2), Outcome.POSSIBLE_VIOLATION, "RU");
        add(db, "monitor-2", report("R6", "2025-03-21", "Zaporizhia", 0), Outcome.OUT_OF_SCOPE, "UA");
        add(db, "monitor-2", report("R7", "2025-03-22", "Zaporizhia", 0), Outcome.OUT_OF_SCOPE, "RU");
        return db;
    }

    static Report report(String id, String day, String admin1, int fatalities) {
        return new Report(id, LocalDate.parse(day), TimePrecision.ofCode(1), "Explosions/Remote violence",
                "Air/drone strike", "Military Forces of Russia (2000-)", "", "Ukraine", admin1, "Place " + id,
                GeoPoint.of(47.9, 35.2), GeoPrecision.ofCode(1), "Test, monitor", "Notes of " + id + ", \"quoted\"",
                fatalities, "", Map.of());
    }

    private static void add(Database db, String source, Report r, Outcome outcome, String party) {
        long id = db.reports().upsertFromImport(source, r).reportId();
        Assessment a = new Assessment(r.id(), "energy-moratorium", CommitmentKind.STRIKE_MORATORIUM, outcome,
                "test finding " + outcome.wireName(), party, List.of(),
                List.of(Check.holds("event type", "Explosions/Remote violence is listed"),
                        Check.holds("protected target", "registered object X1 at 1.0 km")),
                new Evidence.None(), Assessment.TargetPath.REGISTERED_OBJECT);
        db.findings().replaceFindingsFor(id, BASIS, List.of(a));
    }
}
