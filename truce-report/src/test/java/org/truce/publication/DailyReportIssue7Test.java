package org.truce.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.agreement.Agreement;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.assessment.Evidence;
import org.truce.assessment.Outcome;
import org.truce.exchange.LedgerCheck;
import org.truce.format.agreement.ExchangesJson;
import org.truce.format.agreement.TimelineJson;
import org.truce.geo.GeoPoint;
import org.truce.incident.VerificationStatus;
import org.truce.publication.DailyReport.MilestoneLine;
import org.truce.publication.DailyReport.TopItem;
import org.truce.publication.DailyReport.TopMember;
import org.truce.record.SigningKey;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.finding.FindingBasis;
import org.truce.store.report.ReportContent;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;
import org.truce.timeline.ImplementationStatus;

/**
 * FEATURE UNDER TEST (issue 7): the daily report reads incidents, the exchange ledger, the process
 * timeline and the record's signed checkpoints, not only reports and findings.
 *
 * <pre>
 * report  day     place                    cites               energy-moratorium       fatalities
 * A1      20 Mar  48.8527, 37.6054         Ukrainska Pravda    possible violation RU   3
 * A2      20 Mar  2.2 km north of A1       Ministry of Defence possible violation RU   5   -> incident A with A1
 * K1      20 Mar  Kyiv, 400 km away        Kyiv Independent    possible violation RU   0   -> incident K
 *
 * incident A: corroborated, then verified by analyst-2; incident K: reported
 * checkpoint 0 signed 20 Mar 12:00 UTC; then L1 (22 Mar, Kyiv) and checkpoint 1 signed 22 Mar 10:00 UTC
 * </pre>
 */
class DailyReportIssue7Test {

    private static final FindingBasis BASIS = new FindingBasis("2025-03-18-call", "test-agreement", "test-reference");
    private static final LocalDate DAY = LocalDate.parse("2025-03-20");

    @TempDir
    Path dir;

    private final MovableClock clock = new MovableClock(Instant.parse("2025-03-20T09:00:00Z"));
    private Agreement agreement;
    private Database db;
    private StoreRecord record;
    private String incidentA;
    private String incidentK;

    @BeforeEach
    void record() throws Exception {
        agreement = SmallRecord.agreement();
        Path example = SmallRecord.repoRoot().resolve("examples/2025-03-18-call");
        db = Database.open(DataSourceConfig.embedded(dir), clock);
        db.sources().register(new Source("acled", "ACLED", SourceKind.DATASET));
        incidentA = take(report("A1", 48.8527, 37.6054, "Ukrainska Pravda", 3));
        assertThat(take(report("A2", 48.8725, 37.6054, "Ministry of Defence", 5))).as("one strike, two reports")
                .isEqualTo(incidentA);
        incidentK = take(report("K1", 50.45, 30.52, "Kyiv Independent", 0));
        db.incidents().changeStatus(incidentA, VerificationStatus.CORROBORATED, "analyst-1", "two outlets");
        db.incidents().changeStatus(incidentA, VerificationStatus.VERIFIED, "analyst-2", "imagery matches");

        SigningKey key = SigningKey.generate("truce.test/issue7");
        clock.now = Instant.parse("2025-03-20T12:00:00Z");
        db.record().checkpointNow(key);
        clock.now = Instant.parse("2025-03-22T10:00:00Z");
        take(report("L1", LocalDate.parse("2025-03-22"), 50.45, 30.52, "Kyiv Independent", 0));
        db.record().checkpointNow(key);

        record = new StoreRecord(db, ExchangesJson.load(example.resolve("exchanges.json"), agreement),
                TimelineJson.load(example.resolve("timeline.json"), agreement));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void verifiedAndNotVerifiedComeFromTheIncidentsOfTheDay() {
        DailyReport r = new DailyReportBuilder(agreement, record).build(DAY);

        DailyReport.Verification v = r.inForce().get(0).verification();
        assertThat(r.inForce().get(0).possibleViolationsOnDay()).as("three reports").isEqualTo(3);
        assertThat(v.verified()).as("incident A").isEqualTo(1);
        assertThat(v.count(VerificationStatus.REPORTED)).as("incident K").isEqualTo(1);
        assertThat(v.notVerified()).isEqualTo(1);
        assertThat(v.reportsInNoIncident()).isZero();
    }

    @Test
    void topItemsAreIncidentsWithTheirReportsTraces() {
        DailyReport r = new DailyReportBuilder(agreement, record).build(DAY);

        assertThat(r.topItems()).extracting(TopItem::incidentId).containsExactly(incidentA, incidentK);
        TopItem a = r.topItems().get(0);
        assertThat(a.status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(a.fatalities()).as("the highest figure, not the sum of two reports of one strike").isEqualTo(5);
        assertThat(a.independentSources()).isEqualTo(2);
        assertThat(a.trace()).as("one line per report").hasSize(2);
        assertThat(a.members()).extracting(TopMember::reportId).containsExactly("A1", "A2");
        assertThat(a.members()).allSatisfy(m -> assertThat(m.trace()).as("each report's own rule trace").hasSize(2));

        String html = new DailyReportHtml(Language.EN, List.of(), List.of()).render(r);
        assertThat(html).contains("incident " + incidentA + " (verified)")
                .contains("verified: 1; not verified: 1 (corroborated by independent sources: 0; reported only: 1;");
    }

    @Test
    void exchangeBalanceAndMilestonesComeFromTheCompanionFiles() {
        DailyReport r = new DailyReportBuilder(agreement, record).build(DAY);

        assertThat(r.exchangesRecorded()).isTrue();
        assertThat(r.exchangeBalances()).singleElement().satisfies(line -> {
            assertThat(line.commitmentId()).isEqualTo("pow-exchange-2025-03-19");
            assertThat(line.balance().date()).isEqualTo("2025-03-19");
            assertThat(line.balance().promisedPerSide()).isEqualTo(175);
            assertThat(line.balance().parity()).isEqualTo(LedgerCheck.HOLDS);
        });
        assertThat(r.timelineRecorded()).isTrue();
        assertThat(r.milestones()).filteredOn(m -> "expert-groups".equals(m.milestoneId()))
                .extracting(MilestoneLine::status, MilestoneLine::statusSince)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ImplementationStatus.NOT_STARTED,
                        LocalDate.parse("2025-03-18")));
        assertThat(r.milestones()).as("a step before the day has the status it had then")
                .filteredOn(m -> "prisoner-exchange".equals(m.milestoneId()))
                .extracting(MilestoneLine::status).containsExactly(ImplementationStatus.FULL);

        DailyReport before = new DailyReportBuilder(agreement, record).build(LocalDate.parse("2025-03-18"));
        assertThat(before.milestones()).filteredOn(m -> "prisoner-exchange".equals(m.milestoneId()))
                .extracting(MilestoneLine::status).containsExactly(ImplementationStatus.NOT_STARTED);
        assertThat(before.exchangeBalances()).as("no exchange was due yet").isEmpty();
    }

    @Test
    void theCheckpointIsTheLatestSignedByTheEndOfTheDay() {
        assertThat(new DailyReportBuilder(agreement, record).build(LocalDate.parse("2025-03-19")).checkpoint())
                .as("none signed yet").isNull();
        DailyReport.Checkpoint onDay = new DailyReportBuilder(agreement, record).build(DAY).checkpoint();
        assertThat(onDay.seq()).isZero();
        assertThat(onDay.origin()).isEqualTo("truce.test/issue7");
        assertThat(onDay.signedAt()).isEqualTo("2025-03-20T12:00:00Z");
        assertThat(new DailyReportBuilder(agreement, record).build(LocalDate.parse("2025-03-21")).checkpoint().seq())
                .isZero();
        DailyReport.Checkpoint later = new DailyReportBuilder(agreement, record).build(LocalDate.parse("2025-03-22"))
                .checkpoint();
        assertThat(later.seq()).isEqualTo(1);
        assertThat(later.size()).isGreaterThan(onDay.size());

        String html = new DailyReportHtml(Language.FR, List.of(), List.of())
                .render(new DailyReportBuilder(agreement, record).build(DAY));
        assertThat(html).contains("Point de contr\u00f4le 0 de truce.test/issue7").contains(onDay.rootHex());
    }

    @Test
    void theSameRecordGivesTheSameBytesWithIncidentsExchangesAndCheckpoint() throws Exception {
        DailyReportHtml html = new DailyReportHtml(Language.EN, List.of(), List.of());
        String first = html.render(new DailyReportBuilder(agreement, record).build(DAY));
        String second = html.render(new DailyReportBuilder(agreement, record).build(DAY));
        assertThat(second).isEqualTo(first);
        assertThat(DailyReportPdf.render(second, "t", DAY)).isEqualTo(DailyReportPdf.render(first, "t", DAY));
    }

    private String take(Report r) {
        Assessment a = new Assessment(r.id(), "energy-moratorium", CommitmentKind.STRIKE_MORATORIUM,
                Outcome.POSSIBLE_VIOLATION, "strike on a substation of " + r.id(), "RU", List.of(),
                List.of(Check.holds("event type", "Explosions/Remote violence is listed"),
                        Check.holds("protected target", "registered object X1 at 1.0 km")),
                new Evidence.None(), Assessment.TargetPath.REGISTERED_OBJECT);
        return db.intake().submitAssessed("key-" + r.id(), "acled", ReportContent.of(r), BASIS, List.of(a))
                .incidentId();
    }

    private static Report report(String id, double lat, double lon, String cites, int fatalities) {
        return report(id, DAY, lat, lon, cites, fatalities);
    }

    private static Report report(String id, LocalDate day, double lat, double lon, String cites, int fatalities) {
        return new Report(id, day, TimePrecision.ofCode(1), "Explosions/Remote violence", "Air/drone strike",
                "Military Forces of Russia (2000-)", "", "Ukraine", "Donetsk", "Place " + id, GeoPoint.of(lat, lon),
                GeoPrecision.ofCode(1), cites, "", fatalities, "", Map.of());
    }

    /** The database's clock, moved by the test: checkpoints carry the time they were signed. */
    private static final class MovableClock extends Clock {

        Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
