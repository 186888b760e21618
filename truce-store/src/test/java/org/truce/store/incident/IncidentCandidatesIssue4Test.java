package org.truce.store.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.geo.GeoPoint;
import org.truce.incident.IncidentGrouper;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.finding.FindingBasis;
import org.truce.store.report.ReportContent;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * Issue 4: the intake's candidate query reads one day range per anchor time precision instead of
 * one range as wide as a month-precise anchor needs. FEATURE UNDER TEST: for any report, the
 * narrowed query finds exactly the anchors in the widest range that the grouper would join, so
 * grouping cannot change. 150 reports of every precision over 60 days at three places make the
 * incidents; probes of every precision on 100 days ask (H2; the contract tests run the intake on
 * PostgreSQL too).
 */
class IncidentCandidatesIssue4Test {

    private static final String STRIKE = "Explosions/Remote violence";
    private static final GeoPoint[] PLACES = {GeoPoint.of(48.85, 37.60), GeoPoint.of(48.90, 37.60),
        GeoPoint.of(47.10, 37.55)};

    @TempDir
    Path tempDir;

    private static Report report(String id, LocalDate day, TimePrecision time, GeoPoint at, GeoPrecision geo) {
        return new Report(id, day, time, STRIKE, "Air/drone strike", "Military Forces of Russia (2000-)", "",
                "Ukraine", "Donetsk", "", at, geo, "", "", 0, "", Map.of());
    }

    @Test
    void theNarrowedQueryFindsEveryAnchorTheWidestRangeFoundThatTheGrouperWouldJoin() {
        Random random = new Random(4);
        LocalDate first = LocalDate.parse("2025-03-01");
        try (Database db = Database.open(DataSourceConfig.embedded(tempDir.resolve("db")))) {
            db.sources().register(new Source("acled", "ACLED", SourceKind.DATASET));
            for (int i = 0; i < 150; i++) {
                TimePrecision time = TimePrecision.values()[random.nextInt(3)];
                GeoPrecision geo = GeoPrecision.values()[random.nextInt(GeoPrecision.values().length)];
                GeoPoint at = PLACES[random.nextInt(PLACES.length)];
                Report r = report("R" + i, first.plusDays(random.nextInt(60)), time,
                        GeoPoint.of(at.lat_deg() + random.nextGaussian() * 0.05, at.lon_deg()), geo);
                db.intake().submitAssessed("key-" + i, "acled", ReportContent.of(r),
                        new FindingBasis("call", "v1", "ref1"), List.of());
            }
            IncidentGrouper grouper = new IncidentGrouper(IncidentSettings.DEFAULT.rules(),
                    IncidentSettings.DEFAULT.affiliations());
            int probes = 0;
            int joinable = 0;
            long narrowedRows = 0;
            long widestRows = 0;
            for (TimePrecision time : TimePrecision.values()) {
                for (GeoPrecision geo : GeoPrecision.values()) {
                    for (int day = -20; day < 80; day++) {
                        Report probe = report("P", first.plusDays(day), time, PLACES[Math.floorMod(day, 3)], geo);
                        IncidentStatements.Reach reach = IncidentStatements.Reach.of(IncidentSettings.DEFAULT, probe);
                        List<IncidentStatements.Candidate> narrowed = db.jdbi().withHandle(
                                h -> IncidentStatements.candidates(h, reach));
                        List<IncidentStatements.Candidate> widest = db.jdbi().withHandle(
                                h -> IncidentStatements.widestCandidates(h, reach));
                        assertThat(ids(narrowed)).as("no incident twice").hasSize(narrowed.size());
                        assertThat(ids(widest)).as("the narrowed rows are among the widest").containsAll(ids(narrowed));
                        Set<String> joins = joinable(grouper, widest, probe);
                        assertThat(joinable(grouper, narrowed, probe))
                                .as("anchors the grouper joins, %s %s day %d", time, geo, day).isEqualTo(joins);
                        probes++;
                        joinable += joins.size();
                        narrowedRows += narrowed.size();
                        widestRows += widest.size();
                    }
                }
            }
            assertThat(joinable).as("the probes do meet joinable anchors").isGreaterThan(probes / 2);
            assertThat(narrowedRows).as("the narrowed query reads fewer rows").isLessThan(widestRows);
        }
    }

    private static Set<String> ids(List<IncidentStatements.Candidate> candidates) {
        Set<String> out = new TreeSet<>();
        candidates.forEach(c -> out.add(c.id()));
        return out;
    }

    private static Set<String> joinable(IncidentGrouper grouper, List<IncidentStatements.Candidate> candidates,
            Report probe) {
        Set<String> out = new TreeSet<>();
        for (IncidentStatements.Candidate c : candidates) {
            if (grouper.compare(c.anchor(), probe).isPresent()) {
                out.add(c.id());
            }
        }
        return out;
    }
}
