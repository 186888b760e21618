package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.truce.store.Fixtures.ACLED;
import static org.truce.store.Fixtures.strike;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.assessment.Assessment;
import org.truce.assessment.Outcome;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.finding.FindingBasis;
import org.truce.store.finding.FindingRepository;
import org.truce.store.finding.StoredFinding;
import org.truce.store.report.AssessedIntake;
import org.truce.store.report.ChangeKind;
import org.truce.store.report.EvidenceItem;
import org.truce.store.report.EvidenceRepository;
import org.truce.store.report.FullImport;
import org.truce.store.report.IdempotencyConflictException;
import org.truce.store.report.ImportOutcome;
import org.truce.store.report.ImportOutcome.Effect;
import org.truce.store.report.ImportSummary;
import org.truce.store.report.IntakeRepository;
import org.truce.store.report.IntakeResult;
import org.truce.store.report.ReportContent;
import org.truce.store.report.ReportRepository;
import org.truce.store.report.ReportVersion;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;
import org.truce.store.report.StoredEvidence;
import org.truce.store.report.StoredReport;
import org.truce.store.report.UnknownSourceException;

/**
 * FEATURE UNDER TEST: storage of reports, their versions, idempotent intake, evidence and findings.
 * The same tests run on every database Truce supports: each subclass only says how to get a
 * fresh, empty database (an H2 file, a real PostgreSQL). Each test starts on a new database.
 */
abstract class RepositoryContract {

    protected final TestClock clock = new TestClock("2025-03-21T09:00:00Z");
    private DataSourceConfig config;
    protected Database db;
    protected ReportRepository reports;

    /** A database no test has used yet. */
    protected abstract DataSourceConfig freshDatabase() throws Exception;

    /** The product name JDBC reports, to prove which database the suite really ran on. */
    protected abstract String expectedProduct();

    @BeforeEach
    void open() throws Exception {
        config = freshDatabase();
        db = Database.open(config, clock);
        db.sources().register(new Source(ACLED, "ACLED", SourceKind.DATASET));
        reports = db.reports();
    }

    @AfterEach
    void close() {
        db.close();
    }

    // --- migrations -------------------------------------------------------------------------

    /**
     * The versions of the migrations the module ships (V1__....sql, and V8__... as a Java class where
     * the two databases need different statements), ascending.
     */
    private static List<Integer> migrationVersionsOnClassPath() throws Exception {
        URL dir = RepositoryContract.class.getClassLoader().getResource("db/migration");
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.matches("V\\d+__[^$]*\\.(sql|class)"))
                    .map(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void migrationsApplyOnAFreshDatabaseAndOnlyOnce() throws Exception {
        List<Integer> versions = migrationVersionsOnClassPath();
        assertThat(versions).as("migration files found").isNotEmpty().startsWith(1);
        assertThat(db.schemaVersion()).isEqualTo(String.valueOf(versions.get(versions.size() - 1)));
        assertThat(db.migrationsApplied()).as("every migration applied on the fresh database").isEqualTo(versions.size());
        try (Connection c = db.dataSource().getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(expectedProduct());
        }
        reports.upsertFromImport(ACLED, strike("UKR1"));
        db.close();
        db = Database.open(config, clock);
        assertThat(db.migrationsApplied()).as("nothing left to apply on reopening").isZero();
        assertThat(db.reports().findCurrent(ACLED, "UKR1")).as("data survives reopening").isPresent();
    }

    // --- versioning -------------------------------------------------------------------------

    @Test
    void aNewReportIsVersionOneCreated() {
        ImportOutcome outcome = reports.upsertFromImport(ACLED, strike("UKR1"));

        assertThat(outcome.effect()).isEqualTo(Effect.CREATED);
        assertThat(outcome.version()).isEqualTo(1);
        StoredReport stored = reports.findCurrent(ACLED, "UKR1").orElseThrow();
        assertThat(stored.id()).isEqualTo(outcome.reportId());
        assertThat(stored.report()).as("every field reads back as written").isEqualTo(strike("UKR1"));
        assertThat(stored.deleted()).isFalse();
        assertThat(stored.createdAt()).isEqualTo(clock.instant());
        List<ReportVersion> history = reports.history(ACLED, "UKR1");
        assertThat(history).extracting(ReportVersion::version, ReportVersion::change)
                .containsExactly(tuple(1, ChangeKind.CREATED));
        assertThat(history.get(0).receivedAt()).as("stored in UTC, read back to the microsecond")
                .isEqualTo(Instant.parse("2025-03-21T09:00:00Z"));
    }

    @Test
    void theSameContentAgainWritesNothing() {
        ImportOutcome first = reports.upsertFromImport(ACLED, strike("UKR1"));
        clock.advance(Duration.ofDays(7));

        ImportOutcome again = reports.upsertFromImport(ACLED, strike("UKR1"));

        assertThat(again).isEqualTo(new ImportOutcome(first.reportId(), 1, Effect.UNCHANGED));
        assertThat(reports.history(ACLED, "UKR1")).hasSize(1);
        assertThat(reports.findCurrent(ACLED, "UKR1").orElseThrow().updatedAt())
                .as("an unchanged report is not touched").isEqualTo(Instant.parse("2025-03-21T09:00:00Z"));
    }

    @Test
    void newContentUpdatesTheRowInPlaceAndKeepsTheOldVersion() {
        ImportOutcome first = reports.upsertFromImport(ACLED, strike("UKR1", "Strike on a substation.", 0));
        clock.advance(Duration.ofDays(7));

        ImportOutcome second = reports.upsertFromImport(ACLED, strike("UKR1", "Strike on a substation; 2 killed.", 2));

        assertThat(second).isEqualTo(new ImportOutcome(first.reportId(), 2, Effect.UPDATED));
        StoredReport current = reports.findCurrent(ACLED, "UKR1").orElseThrow();
        assertThat(current.id()).as("updated in place by event_id_cnty").isEqualTo(first.reportId());
        assertThat(current.report().fatalities()).isEqualTo(2);
        assertThat(current.updatedAt()).isEqualTo(clock.instant());
        List<ReportVersion> history = reports.history(first.reportId());
        assertThat(history).extracting(ReportVersion::change).containsExactly(ChangeKind.CREATED, ChangeKind.UPDATED);
        assertThat(history.get(0).content().report()).as("version 1 still says what it said")
                .isEqualTo(strike("UKR1", "Strike on a substation.", 0));
        assertThat(history.get(1).content()).isEqualTo(current.content());
    }

    @Test
    void aDeletionIsRecordedAndTheRowKept() {
        ImportOutcome created = reports.upsertFromImport(ACLED, strike("UKR1"));
        clock.advance(Duration.ofDays(30));

        assertThat(reports.markDeleted(ACLED, "UKR1", "withdrawn by ACLED")).isTrue();
        assertThat(reports.markDeleted(ACLED, "UKR1", "again")).as("already deleted: nothing written").isFalse();

        StoredReport row = reports.findCurrent(ACLED, "UKR1").orElseThrow();
        assertThat(row.deleted()).isTrue();
        assertThat(row.deletedAt()).isEqualTo(clock.instant());
        assertThat(row.report()).as("the content is kept").isEqualTo(strike("UKR1"));
        List<ReportVersion> history = reports.history(created.reportId());
        assertThat(history).extracting(ReportVersion::change).containsExactly(ChangeKind.CREATED, ChangeKind.DELETED);
        assertThat(history.get(1).reason()).isEqualTo("withdrawn by ACLED");
        assertThat(history.get(1).contentSha256()).isEqualTo(history.get(0).contentSha256());
        assertThatThrownBy(() -> reports.markDeleted(ACLED, "NOPE", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeletedReportSeenAgainIsRestored() {
        reports.upsertFromImport(ACLED, strike("UKR1"));
        reports.markDeleted(ACLED, "UKR1", "");

        ImportOutcome back = reports.upsertFromImport(ACLED, strike("UKR1"));

        assertThat(back.effect()).isEqualTo(Effect.RESTORED);
        assertThat(back.version()).isEqualTo(3);
        StoredReport row = reports.findCurrent(ACLED, "UKR1").orElseThrow();
        assertThat(row.deleted()).isFalse();
        assertThat(row.deletedAt()).isNull();
    }

    @Test
    void aFullReImportUpdatesInPlaceAndRecordsWhatDisappeared() {
        FullImport first = reports.beginFullImport(ACLED, "export 2025-03-25");
        for (String id : List.of("UKR1", "UKR2", "UKR3", "UKR4")) {
            first.add(strike(id));
        }
        assertThat(first.finish().created()).isEqualTo(4);
        clock.advance(Duration.ofDays(7));

        FullImport second = reports.beginFullImport(ACLED, "export 2025-04-01");
        second.add(strike("UKR1"));
        second.add(strike("UKR2", "Corrected: a transformer station.", 1));
        second.keep("UKR3"); // in the file, but its row could not be read
        second.add(strike("UKR5"));
        ImportSummary summary = second.finish();

        assertThat(summary).isEqualTo(new ImportSummary(1, 1, 0, 1, List.of("UKR4")));
        assertThat(reports.listLiveExternalIds(ACLED)).containsExactly("UKR1", "UKR2", "UKR3", "UKR5");
        assertThat(reports.findCurrent(ACLED, "UKR4").orElseThrow().deleted()).as("recorded, never erased").isTrue();
        assertThat(reports.history(ACLED, "UKR4").get(1).reason()).contains("absent from a full re-import");
        assertThat(reports.history(ACLED, "UKR3")).as("an unreadable row is not a deletion").hasSize(1);
    }

    @Test
    void anImportThatSawNothingDeletesNothing() {
        reports.upsertFromImport(ACLED, strike("UKR1"));
        FullImport empty = reports.beginFullImport(ACLED, "an empty file");

        assertThatThrownBy(empty::finish).isInstanceOf(IllegalStateException.class).hasMessageContaining("saw no report");
        assertThat(reports.listLiveExternalIds(ACLED)).containsExactly("UKR1");
    }

    @Test
    void nothingIsOverwrittenWithoutAVersion() {
        reports.upsertFromImport(ACLED, strike("UKR1", "a", 0));
        reports.upsertFromImport(ACLED, strike("UKR1", "b", 0));
        reports.upsertFromImport(ACLED, strike("UKR1", "b", 0));
        reports.markDeleted(ACLED, "UKR1", "gone");
        reports.upsertFromImport(ACLED, strike("UKR1", "c", 3));
        reports.upsertFromImport(ACLED, strike("UKR2"));

        for (String id : List.of("UKR1", "UKR2")) {
            StoredReport row = reports.findCurrent(ACLED, id).orElseThrow();
            List<ReportVersion> history = reports.history(row.id());
            assertThat(history).extracting(ReportVersion::version).as("versions 1..n without a gap")
                    .containsExactlyElementsOf(IntStream.rangeClosed(1, row.version()).boxed().toList());
            ReportVersion last = history.get(history.size() - 1);
            assertThat(last.content()).as("the current row is the last version").isEqualTo(row.content());
            assertThat(last.contentSha256()).isEqualTo(row.contentSha256()).isEqualTo(Sha256.hex(last.contentJson()));
        }
        assertThat(reports.history(ACLED, "UKR1")).extracting(v -> v.content().report().notes())
                .containsExactly("a", "b", "b", "c");
    }

    @Test
    void theStoresOwnFieldsComeFromExtraColumnsAndReadBack() {
        Map<String, String> extra = new HashMap<>(strike("UKR1").extra());
        extra.put("target_category", "energy.substation");
        extra.put("explosions", "3");
        extra.put("radius_m", "2500");
        extra.put("notes_language", "uk");
        Report r = strike("UKR1");
        Report withExtra = new Report(r.id(), r.eventDate(), r.timePrecision(), r.eventType(), r.subEventType(),
                r.actor1(), r.actor2(), r.country(), r.admin1(), r.location(), r.point(), r.geoPrecision(), r.source(),
                "Удар дрона по підстанції.", r.fatalities(), "підстанція", extra);

        reports.upsertFromImport(ACLED, withExtra);

        StoredReport stored = reports.findCurrent(ACLED, "UKR1").orElseThrow();
        assertThat(stored.content().targetCategory()).isEqualTo("energy.substation");
        assertThat(stored.content().explosions()).isEqualTo(3);
        assertThat(stored.content().radius_m()).isEqualTo(2500);
        assertThat(stored.content().notesLanguage()).isEqualTo("uk");
        assertThat(stored.report().notes()).isEqualTo("Удар дрона по підстанції.");
        assertThat(stored.report().extra()).as("each fact in one place").doesNotContainKeys("explosions", "radius_m");
        assertThat(stored.content()).isEqualTo(ReportContent.of(withExtra));
    }

    // --- transactions -------------------------------------------------------------------------

    @Test
    void aFailedBatchLeavesNothing() {
        reports.upsertFromImport(ACLED, strike("UKR1", "before", 0));
        Report tooLong = new Report("UKR2", LocalDate.parse("2025-03-20"),
                TimePrecision.DAY, Fixtures.STRIKE, "", "", "", "Ukraine", "x".repeat(300), "",
                GeoPoint.of(48, 37), GeoPrecision.EXACT, "", "", 0, "", Map.of());

        assertThatThrownBy(() -> reports.upsertAll(ACLED, List.of(
                ReportContent.of(strike("UKR1", "after", 0)), ReportContent.of(strike("UKR3")),
                ReportContent.of(tooLong)), "batch"))
                .as("admin1 is VARCHAR(200): the database refuses the third").isInstanceOf(RuntimeException.class);

        assertThat(reports.findCurrent(ACLED, "UKR1").orElseThrow().report().notes()).isEqualTo("before");
        assertThat(reports.history(ACLED, "UKR1")).hasSize(1);
        assertThat(reports.findCurrent(ACLED, "UKR3")).isEmpty();
        assertThat(reports.listLiveExternalIds(ACLED)).containsExactly("UKR1");
    }

    @Test
    void aReportOfAnUnknownSourceIsRefused() {
        assertThatThrownBy(() -> reports.upsertFromImport("nobody", strike("UKR1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown source 'nobody'");
    }

    // --- idempotent intake ------------------------------------------------------------------

    @Test
    void theSameKeyTwiceStoresOneReport() {
        IntakeRepository intake = db.intake();
        IntakeResult first = intake.submit("key-1", ACLED, ReportContent.of(strike("API1")));
        clock.advance(Duration.ofMinutes(1));

        IntakeResult again = intake.submit("key-1", ACLED, ReportContent.of(strike("API1")));

        assertThat(first.replayed()).isFalse();
        assertThat(again).isEqualTo(new IntakeResult(first.reportId(), 1, Effect.CREATED, true));
        assertThat(reports.history(ACLED, "API1")).hasSize(1);
        assertThat(intake.find("key-1")).contains(again);
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndStoresNothing() {
        IntakeRepository intake = db.intake();
        intake.submit("key-1", ACLED, ReportContent.of(strike("API1", "first", 0)));

        assertThatThrownBy(() -> intake.submit("key-1", ACLED, ReportContent.of(strike("API1", "second", 0))))
                .isInstanceOf(IdempotencyConflictException.class).hasMessageContaining("key-1");
        assertThatThrownBy(() -> intake.submit("key-1", ACLED, ReportContent.of(strike("API2"))))
                .isInstanceOf(IdempotencyConflictException.class);

        assertThat(reports.findCurrent(ACLED, "API1").orElseThrow().report().notes()).isEqualTo("first");
        assertThat(reports.history(ACLED, "API1")).hasSize(1);
        assertThat(reports.findCurrent(ACLED, "API2")).isEmpty();
    }

    @Test
    void concurrentRequestsWithOneKeyStoreOneReport() throws Exception {
        IntakeRepository intake = db.intake();
        int clients = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<IntakeResult>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Callable<IntakeResult> client = () -> {
                    go.await();
                    return intake.submit("key-1", ACLED, ReportContent.of(strike("API1")));
                };
                answers.add(pool.submit(client));
            }
            go.countDown();
            List<IntakeResult> results = new ArrayList<>();
            for (Future<IntakeResult> a : answers) {
                results.add(a.get());
            }

            assertThat(results).extracting(IntakeResult::reportId, IntakeResult::version).containsOnly(
                    tuple(results.get(0).reportId(), 1));
            assertThat(results).filteredOn(r -> !r.replayed()).as("one request did the work").hasSize(1);
            assertThat(reports.history(ACLED, "API1")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aNewKeyForChangedContentIsAnUpdate() {
        IntakeRepository intake = db.intake();
        IntakeResult first = intake.submit("key-1", ACLED, ReportContent.of(strike("API1", "first", 0)));

        IntakeResult second = intake.submit("key-2", ACLED, ReportContent.of(strike("API1", "second", 0)));

        assertThat(second).isEqualTo(new IntakeResult(first.reportId(), 2, Effect.UPDATED, false));
        assertThat(reports.history(first.reportId()).get(1).reason()).isEqualTo("intake key-2");
    }

    @Test
    void aFailedIntakeKeepsNoKey() {
        IntakeRepository intake = db.intake();

        assertThatThrownBy(() -> intake.submit("key-1", "nobody", ReportContent.of(strike("API1"))))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(intake.find("key-1")).isEmpty();
        assertThat(intake.submit("key-1", ACLED, ReportContent.of(strike("API1"))).effect())
                .as("the key is still free").isEqualTo(Effect.CREATED);
    }

    // --- assessed intake: report, key and findings in one transaction -------------------------

    private static final FindingBasis INTAKE_BASIS = new FindingBasis("call-2025-03-18", "agr-v1", "ref-v1");

    @Test
    void anAssessedIntakeAnswersWithWhatAReadGivesBack() {
        AssessedIntake done = db.intake().submitAssessed("key-1", ACLED, ReportContent.of(strike("API1")),
                INTAKE_BASIS, List.of(Fixtures.violation("API1", "energy"),
                        Fixtures.nearLine("API1", "ceasefire", Outcome.UNDETERMINED, 900.5)));

        assertThat(done.result()).isEqualTo(new IntakeResult(done.result().reportId(), 1, Effect.CREATED, false));
        assertThat(done.findings()).as("the answer, built without reading back, equals a later read")
                .usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(db.findings().listForReport(done.result().reportId()));
        assertThat(done.findings()).extracting(f -> f.assessment().commitmentId()).containsExactly("ceasefire", "energy");
    }

    @Test
    void anAssessedReplayStoresNothingAndGivesTheStoredFindings() {
        IntakeRepository intake = db.intake();
        AssessedIntake first = intake.submitAssessed("key-1", ACLED, ReportContent.of(strike("API1")), INTAKE_BASIS,
                List.of(Fixtures.violation("API1", "energy")));
        clock.advance(Duration.ofMinutes(1));

        AssessedIntake again = intake.submitAssessed("key-1", ACLED, ReportContent.of(strike("API1")), INTAKE_BASIS,
                List.of());

        assertThat(again.result().replayed()).isTrue();
        assertThat(again.findings()).as("a replay does not replace the findings with its own assessments")
                .usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(first.findings());
        assertThat(reports.history(ACLED, "API1")).hasSize(1);
    }

    @Test
    void anAssessedIntakeUnderANewKeyReplacesTheFindings() {
        IntakeRepository intake = db.intake();
        intake.submitAssessed("key-1", ACLED, ReportContent.of(strike("API1", "first", 0)), INTAKE_BASIS,
                List.of(Fixtures.violation("API1", "energy")));

        AssessedIntake second = intake.submitAssessed("key-2", ACLED, ReportContent.of(strike("API1", "second", 0)),
                INTAKE_BASIS, List.of(Fixtures.nearLine("API1", "ceasefire", Outcome.OUT_OF_SCOPE, 12_000)));

        assertThat(second.result().effect()).isEqualTo(Effect.UPDATED);
        assertThat(db.findings().listForReport(second.result().reportId()))
                .extracting(f -> f.assessment().commitmentId() + " v" + f.reportVersion())
                .containsExactly("ceasefire v2");
    }

    @Test
    void anAssessedIntakeOfAnUnknownSourceOrAConflictStoresNothing() {
        IntakeRepository intake = db.intake();
        intake.submitAssessed("key-1", ACLED, ReportContent.of(strike("API1", "first", 0)), INTAKE_BASIS, List.of());

        assertThatThrownBy(() -> intake.submitAssessed("key-2", "nobody", ReportContent.of(strike("API2")),
                INTAKE_BASIS, List.of())).isInstanceOf(UnknownSourceException.class)
                .hasMessageContaining("unknown source 'nobody'");
        assertThatThrownBy(() -> intake.submitAssessed("key-1", ACLED, ReportContent.of(strike("API1", "other", 0)),
                INTAKE_BASIS, List.of(Fixtures.violation("API1", "energy"))))
                .isInstanceOf(IdempotencyConflictException.class);

        assertThat(intake.find("key-2")).isEmpty();
        assertThat(reports.findCurrent(ACLED, "API2")).isEmpty();
        assertThat(reports.history(ACLED, "API1")).hasSize(1);
        assertThat(db.findings().listForReport(reports.findCurrent(ACLED, "API1").orElseThrow().id())).isEmpty();
    }

    @Test
    void aFindingThatCannotBeStoredLeavesNoReportAndNoKey() {
        IntakeRepository intake = db.intake();

        assertThatThrownBy(() -> intake.submitAssessed("key-1", ACLED, ReportContent.of(strike("API1")), INTAKE_BASIS,
                List.of(Fixtures.violation("SOMETHING-ELSE", "energy"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("SOMETHING-ELSE");

        assertThat(reports.findCurrent(ACLED, "API1")).as("the report insert was rolled back").isEmpty();
        assertThat(intake.find("key-1")).isEmpty();
    }

    // --- evidence -----------------------------------------------------------------------------

    @Test
    void evidenceIsAttachedOnceAndListed() {
        long reportId = reports.upsertFromImport(ACLED, strike("UKR1")).reportId();
        EvidenceRepository evidence = db.evidence();
        String sha = Sha256.hex("photo bytes");
        EvidenceItem photo = EvidenceItem.file("evidence/ab/photo.jpg", sha, 11, "image/jpeg",
                Instant.parse("2025-03-21T08:15:30.123456Z"));
        EvidenceItem link = EvidenceItem.url("https://example.org/post/1", null, Instant.parse("2025-03-21T08:16:00Z"));

        StoredEvidence first = evidence.add(reportId, photo);
        evidence.add(reportId, link);
        StoredEvidence again = evidence.add(reportId, photo);

        assertThat(again).as("the same item is not stored twice").isEqualTo(first);
        assertThat(evidence.listForReport(reportId)).extracting(StoredEvidence::item).containsExactly(photo, link);
        assertThatThrownBy(() -> evidence.add(reportId + 1000, link)).isInstanceOf(IllegalArgumentException.class);
    }

    // --- findings -----------------------------------------------------------------------------

    @Test
    void findingsReadBackWithTheirWholeTrace() {
        long reportId = reports.upsertFromImport(ACLED, strike("UKR1")).reportId();
        FindingRepository findings = db.findings();
        FindingBasis basis = new FindingBasis("call-2025-03-18", "sha-a", "sha-f");
        Assessment violation = Fixtures.violation("UKR1", "energy-moratorium");
        Assessment near = Fixtures.nearLine("UKR1", "ceasefire-line", Outcome.UNDETERMINED, Double.POSITIVE_INFINITY);

        assertThat(findings.replaceFindingsFor(reportId, basis, List.of(violation, near))).isEqualTo(2);

        List<StoredFinding> stored = findings.listForReport(reportId);
        assertThat(stored).extracting(StoredFinding::assessment).containsExactly(near, violation);
        assertThat(stored).allSatisfy(f -> {
            assertThat(f.basis()).isEqualTo(basis);
            assertThat(f.reportVersion()).isEqualTo(1);
            assertThat(f.computedAt()).isEqualTo(clock.instant());
        });
        assertThat(findings.listByCommitment("call-2025-03-18", "energy-moratorium", Outcome.POSSIBLE_VIOLATION))
                .extracting(StoredFinding::assessment).containsExactly(violation);
        assertThat(findings.listByCommitment("call-2025-03-18", "energy-moratorium", Outcome.OUT_OF_SCOPE)).isEmpty();
    }

    @Test
    void findingsAreReplacedAsAWhole() {
        long r1 = reports.upsertFromImport(ACLED, strike("UKR1")).reportId();
        long r2 = reports.upsertFromImport(ACLED, strike("UKR2")).reportId();
        FindingRepository findings = db.findings();
        FindingBasis basis = new FindingBasis("call", "v1", "ref1");
        findings.replaceFindingsFor(r1, basis, List.of(Fixtures.violation("UKR1", "energy"),
                Fixtures.nearLine("UKR1", "line", Outcome.OUT_OF_SCOPE, 12_000)));
        findings.replaceFindingsFor(r2, basis, List.of(Fixtures.violation("UKR2", "energy")));

        findings.replaceFindingsFor(r1, basis, List.of(Fixtures.nearLine("UKR1", "line", Outcome.POSSIBLE_VIOLATION, 800)));

        assertThat(findings.listForReport(r1)).extracting(f -> f.assessment().outcome())
                .containsExactly(Outcome.POSSIBLE_VIOLATION);
        assertThat(findings.listByCommitment("call", "energy")).extracting(StoredFinding::reportId)
                .as("the other report's findings are untouched").containsExactly(r2);
    }

    @Test
    void aFailedReplacementKeepsTheOldFindings() {
        long r1 = reports.upsertFromImport(ACLED, strike("UKR1")).reportId();
        FindingRepository findings = db.findings();
        FindingBasis basis = new FindingBasis("call", "v1", "ref1");
        findings.replaceFindingsFor(r1, basis, List.of(Fixtures.violation("UKR1", "energy")));

        assertThatThrownBy(() -> findings.replaceFindingsFor(r1, new FindingBasis("call", "v2", "ref1"), List.of(
                Fixtures.nearLine("UKR1", "line", Outcome.OUT_OF_SCOPE, 5),
                Fixtures.violation("UKR1", "c".repeat(300)))))
                .as("commitment_id is VARCHAR(200): the second insert fails after the delete")
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> findings.replaceFindingsFor(r1, basis, List.of(Fixtures.violation("UKR9", "energy"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UKR9");

        assertThat(findings.listForReport(r1)).extracting(f -> f.assessment().commitmentId(), f -> f.basis().agreementVersion())
                .containsExactly(tuple("energy", "v1"));
    }

    @Test
    void aReportAssessedWithNoFindingIsStaleOnlyUntilAssessedOnTheCurrentBasisIssue4() {
        long r1 = reports.upsertFromImport(ACLED, strike("UKR1")).reportId();
        FindingRepository findings = db.findings();
        FindingBasis basis = new FindingBasis("call", "v1", "ref1");
        assertThat(findings.listStaleReportIds(basis)).as("never assessed").containsExactly(r1);

        findings.replaceFindingsFor(r1, basis, List.of());

        assertThat(findings.listStaleReportIds(basis)).as("assessed, nothing found").isEmpty();
        assertThat(findings.listStaleReportIds(new FindingBasis("call", "v2", "ref1"))).containsExactly(r1);
        assertThat(findings.listStaleReportIds(new FindingBasis("other-call", "v1", "ref1"))).containsExactly(r1);
        findings.replaceFindingsFor(r1, basis, List.of(Fixtures.violation("UKR1", "energy")));
        findings.replaceFindingsFor(r1, basis, List.of());
        assertThat(findings.listStaleReportIds(basis)).as("replaced again: one row, still current").isEmpty();
    }

    @Test
    void staleFindingsAreFoundWhenTheReportOrTheBasisChanges() {
        long r1 = reports.upsertFromImport(ACLED, strike("UKR1")).reportId();
        long r2 = reports.upsertFromImport(ACLED, strike("UKR2")).reportId();
        FindingRepository findings = db.findings();
        FindingBasis basis = new FindingBasis("call", "v1", "ref1");
        findings.replaceFindingsFor(r1, basis, List.of(Fixtures.violation("UKR1", "energy")));
        findings.replaceFindingsFor(r2, basis, List.of(Fixtures.violation("UKR2", "energy")));
        assertThat(findings.listStaleReportIds(basis)).isEmpty();

        reports.upsertFromImport(ACLED, strike("UKR2", "corrected", 0));

        assertThat(findings.listStaleReportIds(basis)).as("UKR2 has a new version").containsExactly(r2);
        assertThat(findings.listStaleReportIds(new FindingBasis("call", "v1", "ref2")))
                .as("a new facility list makes every finding stale").containsExactly(r1, r2);
    }

    // --- canonical JSON -------------------------------------------------------------------------

    @Test
    void theSameContentHasTheSameBytesWhateverTheMapOrder() {
        Report r = strike("UKR1");
        Map<String, String> reversed = new TreeMap<>(Comparator.reverseOrder());
        reversed.putAll(r.extra());
        Report sameContent = new Report(r.id(), r.eventDate(), r.timePrecision(), r.eventType(), r.subEventType(),
                r.actor1(), r.actor2(), r.country(), r.admin1(), r.location(), r.point(), r.geoPrecision(), r.source(),
                r.notes(), r.fatalities(), r.target(), reversed);

        reports.upsertFromImport(ACLED, r);
        ImportOutcome again = reports.upsertFromImport(ACLED, sameContent);

        assertThat(again.effect()).isEqualTo(Effect.UNCHANGED);
        ReportVersion v1 = reports.history(ACLED, "UKR1").get(0);
        assertThat(v1.contentJson()).as("the canonical form of the fixture, byte for byte").isEqualTo(
                "{\"actor1\":\"Military Forces of Russia (2000-)\",\"actor2\":\"Civilians (Ukraine)\","
                + "\"admin1\":\"Donetsk\",\"cited_source\":\"Ukrainska Pravda; Telegram\",\"country\":\"Ukraine\","
                + "\"event_date\":\"2025-03-20\",\"event_type\":\"Explosions/Remote violence\","
                + "\"external_id\":\"UKR1\",\"extra\":{\"civilian_targeting\":\"\",\"iso\":\"804\","
                + "\"region\":\"Europe\"},\"fatalities\":0,\"geo_precision\":1,\"latitude\":48.8527,"
                + "\"location\":\"Sloviansk\",\"longitude\":37.6054,\"notes\":\"Drone strike on a substation near "
                + "Sloviansk; power cut in two districts.\",\"sub_event_type\":\"Drone strike\",\"target\":\"\","
                + "\"time_precision\":1}");
        assertThat(v1.contentSha256()).isEqualTo(Sha256.hex(v1.contentJson()));
    }
}
