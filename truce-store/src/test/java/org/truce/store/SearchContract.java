package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.truce.store.Fixtures.ACLED;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.assessment.Outcome;
import org.truce.geo.BoundingBox;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.finding.FindingBasis;
import org.truce.store.finding.FindingCount;
import org.truce.store.finding.FindingFilter;
import org.truce.store.finding.FindingRepository;
import org.truce.store.finding.StoredFinding;
import org.truce.store.report.ReportFilter;
import org.truce.store.report.ReportRepository;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;
import org.truce.store.report.StoredReport;

/**
 * FEATURE UNDER TEST: listing reports and findings with filters, and counting findings, as the
 * HTTP API asks for them. Runs on every database Truce supports, like {@link RepositoryContract}.
 *
 * <pre>
 *   report  day         place (lat, lon)     findings
 *   UKR1    2025-03-20  48.85, 37.61 Donetsk  energy: possible_violation (RU)
 *   UKR2    2025-03-22  47.91, 35.16 Zap.     energy: possible_violation (RU), line: out_of_scope
 *   UKR3    2025-03-25  47.91, 35.16 Zap.     line: undetermined
 *   UKR4    2025-03-26  50.45, 30.52 Kyiv     none; deleted
 * </pre>
 */
abstract class SearchContract {

    private static final FindingBasis BASIS = new FindingBasis("call", "v1", "ref1");

    private final TestClock clock = new TestClock("2025-03-27T09:00:00Z");
    private Database db;
    private ReportRepository reports;
    private FindingRepository findings;
    private long ukr1;
    private long ukr2;
    private long ukr3;
    private long ukr4;

    protected abstract DataSourceConfig freshDatabase() throws Exception;

    @BeforeEach
    void fill() throws Exception {
        db = Database.open(freshDatabase(), clock);
        db.sources().register(new Source(ACLED, "ACLED", SourceKind.DATASET));
        reports = db.reports();
        findings = db.findings();
        ukr1 = reports.upsertFromImport(ACLED, report("UKR1", "2025-03-20", 48.85, 37.61)).reportId();
        ukr2 = reports.upsertFromImport(ACLED, report("UKR2", "2025-03-22", 47.91, 35.16)).reportId();
        ukr3 = reports.upsertFromImport(ACLED, report("UKR3", "2025-03-25", 47.91, 35.16)).reportId();
        ukr4 = reports.upsertFromImport(ACLED, report("UKR4", "2025-03-26", 50.45, 30.52)).reportId();
        findings.replaceFindingsFor(ukr1, BASIS, List.of(Fixtures.violation("UKR1", "energy")));
        findings.replaceFindingsFor(ukr2, BASIS, List.of(Fixtures.violation("UKR2", "energy"),
                Fixtures.nearLine("UKR2", "line", Outcome.OUT_OF_SCOPE, 40_000)));
        findings.replaceFindingsFor(ukr3, BASIS, List.of(Fixtures.nearLine("UKR3", "line", Outcome.UNDETERMINED, 9_000)));
        findings.replaceFindingsFor(ukr4, BASIS, List.of(Fixtures.violation("UKR4", "energy")));
        reports.markDeleted(ACLED, "UKR4", "withdrawn by the source");
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void everyLiveReportByDayWhenNothingIsAsked() {
        assertThat(ids(reports.listMatching(ReportFilter.all(), 100, 0))).containsExactly(ukr1, ukr2, ukr3);
        assertThat(reports.countMatching(ReportFilter.all())).isEqualTo(3);
        assertThat(ids(reports.listMatching(ReportFilter.all().withDeleted(true), 100, 0)))
                .containsExactly(ukr1, ukr2, ukr3, ukr4);
    }

    @Test
    void reportsByFindingDateAndPlace() {
        assertThat(ids(reports.listMatching(ReportFilter.all().withFindings("call", "energy", null), 100, 0)))
                .containsExactly(ukr1, ukr2);
        assertThat(ids(reports.listMatching(ReportFilter.all().withFindings("call", null, Outcome.UNDETERMINED), 100, 0)))
                .containsExactly(ukr3);
        assertThat(ids(reports.listMatching(ReportFilter.all().withFindings("call", "line", Outcome.POSSIBLE_VIOLATION),
                100, 0))).isEmpty();
        assertThat(ids(reports.listMatching(ReportFilter.all().withFindings("other-agreement", "energy", null), 100, 0)))
                .isEmpty();
        assertThat(ids(reports.listMatching(ReportFilter.all()
                .withDates(LocalDate.parse("2025-03-21"), LocalDate.parse("2025-03-25")), 100, 0)))
                .as("both ends included").containsExactly(ukr2, ukr3);
        ReportFilter zaporizhzhia = ReportFilter.all().withBox(new BoundingBox(35.0, 47.8, 35.3, 48.0));
        assertThat(ids(reports.listMatching(zaporizhzhia, 100, 0))).containsExactly(ukr2, ukr3);
        assertThat(reports.countMatching(zaporizhzhia.withFindings("call", "line", Outcome.OUT_OF_SCOPE))).isEqualTo(1);
    }

    @Test
    void reportsByTheAttributedPartyOfAFinding() {
        assertThat(ids(reports.listMatching(ReportFilter.all().withParty("call", "RU"), 100, 0)))
                .as("UKR4 is deleted").containsExactly(ukr1, ukr2);
        assertThat(ids(reports.listMatching(ReportFilter.all().withParty("call", ReportFilter.NO_PARTY), 100, 0)))
                .containsExactly(ukr2, ukr3);
        assertThat(reports.countMatching(ReportFilter.all().withParty("call", "UA"))).isZero();
        assertThat(ids(reports.listMatching(ReportFilter.all().withParty("other-agreement", "RU"), 100, 0))).isEmpty();
        assertThat(ids(reports.listMatching(ReportFilter.all().withParty("call", "RU")
                .withFindings("call", "line", null), 100, 0)))
                .as("party and commitment hold on one finding: UKR2's line finding has no party").isEmpty();
        assertThat(ids(reports.listMatching(ReportFilter.all().withParty("call", "RU").withDeleted(true), 100, 0)))
                .containsExactly(ukr1, ukr2, ukr4);
    }

    @Test
    void aPartyFilterNeedsTheAgreement() {
        assertThatThrownBy(() -> ReportFilter.all().withParty(null, "RU"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs the agreement");
    }

    @Test
    void reportsPageByLimitAndOffset() {
        assertThat(ids(reports.listMatching(ReportFilter.all(), 2, 0))).containsExactly(ukr1, ukr2);
        assertThat(ids(reports.listMatching(ReportFilter.all(), 2, 2))).containsExactly(ukr3);
        assertThat(ids(reports.listMatching(ReportFilter.all(), 2, 4))).isEmpty();
    }

    @Test
    void findingsByCommitmentAndOutcomeLeaveDeletedReportsOut() {
        assertThat(findings.listMatching(new FindingFilter("call", null, null), 100, 0))
                .extracting(StoredFinding::reportId, f -> f.assessment().commitmentId())
                .containsExactly(tuple(ukr1, "energy"), tuple(ukr2, "energy"), tuple(ukr2, "line"), tuple(ukr3, "line"));
        assertThat(findings.countMatching(new FindingFilter("call", "energy", Outcome.POSSIBLE_VIOLATION)))
                .as("UKR4 is deleted").isEqualTo(2);
        assertThat(findings.listMatching(new FindingFilter("call", "line", null), 1, 1))
                .extracting(StoredFinding::reportId).containsExactly(ukr3);
        assertThat(findings.listForReports("call", List.of(ukr2, ukr3)))
                .extracting(StoredFinding::reportId).containsExactly(ukr2, ukr2, ukr3);
        assertThat(findings.listForReports("call", List.of())).isEmpty();
    }

    @Test
    void findingsAreCountedByCommitmentPartyAndDay() {
        assertThat(findings.countByCommitmentPartyDay("call")).containsExactly(
                new FindingCount("energy", "RU", LocalDate.parse("2025-03-20"), Outcome.POSSIBLE_VIOLATION, 1),
                new FindingCount("energy", "RU", LocalDate.parse("2025-03-22"), Outcome.POSSIBLE_VIOLATION, 1),
                new FindingCount("line", "", LocalDate.parse("2025-03-22"), Outcome.OUT_OF_SCOPE, 1),
                new FindingCount("line", "", LocalDate.parse("2025-03-25"), Outcome.UNDETERMINED, 1));
    }

    private static Report report(String id, String day, double lat, double lon) {
        return new Report(id, LocalDate.parse(day), TimePrecision.DAY, Fixtures.STRIKE, "Air/drone strike",
                Fixtures.RUSSIA, "", "Ukraine", "", "", GeoPoint.of(lat, lon), GeoPrecision.EXACT, "", "", 0, "",
                Map.of());
    }

    private static List<Long> ids(List<StoredReport> list) {
        return list.stream().map(StoredReport::id).toList();
    }
}
