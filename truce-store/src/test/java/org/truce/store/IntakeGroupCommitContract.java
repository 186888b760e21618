package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.Fixtures.ACLED;
import static org.truce.store.Fixtures.strike;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.assessment.Assessment;
import org.truce.assessment.Outcome;
import org.truce.geo.GeoPoint;
import org.truce.report.Report;
import org.truce.store.access.AccessEvent;
import org.truce.store.finding.FindingBasis;
import org.truce.store.incident.IncidentFilter;
import org.truce.store.incident.StoredIncident;
import org.truce.store.record.RecordAudit;
import org.truce.store.report.AssessedIntake;
import org.truce.store.report.IdempotencyConflictException;
import org.truce.store.report.ImportOutcome.Effect;
import org.truce.store.report.IntakeBatches;
import org.truce.store.report.IntakeRepository;
import org.truce.store.report.IntakeRepository.AssessedRequest;
import org.truce.store.report.ReportContent;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;
import org.truce.store.report.UnknownSourceException;

/**
 * FEATURE UNDER TEST: the intake's group commit (issue 4, intake throughput). Assessed intakes
 * waiting at the same moment are written by one writer in one transaction, each under its own
 * savepoint. What must still hold: a failed request changes nothing and gets its own error while
 * the others in its transaction are stored; idempotency keys work inside one transaction too;
 * accepted data is never overwritten without a version; the record stays one valid log. Each
 * test hands its requests in together, so they share one transaction whatever the timing.
 */
abstract class IntakeGroupCommitContract {

    private static final FindingBasis BASIS = new FindingBasis("call-2025-03-18", "agr-v1", "ref-v1");

    protected final TestClock clock = new TestClock("2025-03-21T09:00:00Z");
    protected Database db;
    private IntakeRepository intake;

    /** A database no test has used yet. */
    protected abstract DataSourceConfig freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase(), clock);
        db.sources().register(new Source(ACLED, "ACLED", SourceKind.DATASET));
        intake = db.intake();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static AssessedRequest request(String key, Report report, Assessment... findings) {
        return new AssessedRequest(key, ACLED, ReportContent.of(report), List.of(findings));
    }

    /** A report whose admin1 is longer than its column: the database refuses it mid-intake. */
    private static Report tooLongForItsColumn(String id) {
        Report r = strike(id);
        return new Report(r.id(), r.eventDate(), r.timePrecision(), r.eventType(), r.subEventType(), r.actor1(),
                r.actor2(), r.country(), "x".repeat(300), r.location(), r.point(), r.geoPrecision(), r.source(),
                r.notes(), r.fatalities(), r.target(), r.extra());
    }

    private static Throwable failureOf(CompletableFuture<AssessedIntake> answer) {
        assertThat(answer).isCompletedExceptionally();
        try {
            answer.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }

    private List<String> audit() {
        return new RecordAudit(db.jdbi()).run(Optional.empty()).problems().stream().map(Object::toString).toList();
    }

    @Test
    void failedRequestsInATransactionLeaveNothingAndTheOthersAreStored() {
        IntakeBatches before = intake.batches();

        List<CompletableFuture<AssessedIntake>> answers = intake.submitAssessedTogether(BASIS, List.of(
                request("key-1", strike("GC1"), Fixtures.violation("GC1", "energy")),
                request("key-2", strike("GC2"), Fixtures.violation("SOMETHING-ELSE", "energy")),
                new AssessedRequest("key-3", "nobody", ReportContent.of(strike("GC3")), List.of()),
                request("key-4", tooLongForItsColumn("GC4"), Fixtures.violation("GC4", "energy")),
                request("key-5", strike("GC5"), Fixtures.violation("GC5", "energy"))));
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();

        IntakeBatches after = intake.batches();
        assertThat(after.transactions() - before.transactions()).as("one commit for the five").isEqualTo(1);
        assertThat(after.intakes() - before.intakes()).isEqualTo(5);
        assertThat(answers.get(0).join().result().effect()).isEqualTo(Effect.CREATED);
        assertThat(failureOf(answers.get(1))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SOMETHING-ELSE");
        assertThat(failureOf(answers.get(2))).isInstanceOf(UnknownSourceException.class);
        assertThat(failureOf(answers.get(3))).as("a statement the database refused").isNotNull();
        assertThat(answers.get(4).join().findings()).hasSize(1);

        for (String stored : List.of("GC1", "GC5")) {
            long id = db.reports().findCurrent(ACLED, stored).orElseThrow().id();
            assertThat(db.findings().listForReport(id)).as(stored).hasSize(1);
        }
        for (String refused : List.of("GC2", "GC3", "GC4")) {
            assertThat(db.reports().findCurrent(ACLED, refused)).as(refused).isEmpty();
        }
        assertThat(intake.find("key-2")).isEmpty();
        assertThat(intake.find("key-3")).isEmpty();
        assertThat(intake.find("key-4")).isEmpty();
        assertThat(db.incidents().listMatching(IncidentFilter.all(BASIS.agreementId()), 100, 0))
                .as("the two stored strikes, same place and day: one incident of two")
                .singleElement().satisfies(i -> assertThat(i.reportCount()).isEqualTo(2));
        assertThat(audit()).as("the rolled-back intakes left no record entry behind").isEmpty();
        assertThat(count("SELECT COUNT(*) FROM report_versions"))
                .as("the versions held to the batch's end: those of the stored reports only").isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM report_assessments")).isEqualTo(2);
    }

    private long count(String sql) {
        return db.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    @Test
    void aKeyUsedTwiceInOneTransactionIsAReplayOrAConflict() {
        List<CompletableFuture<AssessedIntake>> answers = intake.submitAssessedTogether(BASIS, List.of(
                request("key-1", strike("GC1"), Fixtures.violation("GC1", "energy")),
                request("key-1", strike("GC1"), Fixtures.violation("GC1", "energy")),
                request("key-1", strike("GC1", "other notes", 3), Fixtures.violation("GC1", "energy"))));
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();

        AssessedIntake first = answers.get(0).join();
        AssessedIntake again = answers.get(1).join();
        assertThat(first.result().replayed()).isFalse();
        assertThat(again.result().replayed()).as("the second saw the first's key, not yet committed").isTrue();
        assertThat(again.result().reportId()).isEqualTo(first.result().reportId());
        assertThat(again.findings()).usingRecursiveFieldByFieldElementComparator()
                .containsExactlyElementsOf(first.findings());
        assertThat(failureOf(answers.get(2))).isInstanceOf(IdempotencyConflictException.class);
        assertThat(db.reports().history(ACLED, "GC1")).hasSize(1);
        assertThat(audit()).isEmpty();
    }

    @Test
    void aNewVersionInTheSameTransactionKeepsTheFirst() {
        List<CompletableFuture<AssessedIntake>> answers = intake.submitAssessedTogether(BASIS, List.of(
                request("key-1", strike("GC1", "first account", 0), Fixtures.violation("GC1", "energy")),
                request("key-2", strike("GC1", "second account", 2))));

        assertThat(answers.get(0).join().result().version()).isEqualTo(1);
        assertThat(answers.get(1).join().result().effect()).isEqualTo(Effect.UPDATED);
        assertThat(answers.get(1).join().result().version()).isEqualTo(2);
        assertThat(db.reports().history(ACLED, "GC1")).extracting(v -> v.content().report().notes())
                .containsExactly("first account", "second account");
        long id = db.reports().findCurrent(ACLED, "GC1").orElseThrow().id();
        assertThat(db.findings().listForReport(id)).as("version 2 has no finding").isEmpty();
        List<Integer> assessedVersions = db.jdbi().withHandle(h -> h.createQuery("SELECT report_version "
                + "FROM report_assessments WHERE report_id = :r").bind("r", id).mapTo(Integer.class).list());
        assertThat(assessedVersions)
                .as("one row, of the second version, though the first one's was still held in the batch")
                .containsExactly(2);
        assertThat(audit()).isEmpty();
    }

    @Test
    void concurrentClientsShareCommitsAndEachGetsItsOwnAnswer() throws Exception {
        int clients = 8;
        int each = 6;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<AssessedIntake>>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int client = c;
                done.add(pool.submit(() -> {
                    go.await();
                    List<AssessedIntake> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        String id = "C" + client + "-" + i;
                        mine.add(intake.submitAssessed("key-" + id, ACLED, ReportContent.of(strike(id)), BASIS,
                                List.of(Fixtures.violation(id, "energy"))));
                    }
                    // Every client also retries its first request: answered from the store, not stored again.
                    mine.add(intake.submitAssessed("key-C" + client + "-0", ACLED,
                            ReportContent.of(strike("C" + client + "-0")), BASIS,
                            List.of(Fixtures.violation("C" + client + "-0", "energy"))));
                    return mine;
                }));
            }
            go.countDown();
            List<Long> ids = new ArrayList<>();
            for (Future<List<AssessedIntake>> f : done) {
                List<AssessedIntake> mine = f.get();
                assertThat(mine.get(each).result().replayed()).isTrue();
                assertThat(mine.get(each).result().reportId()).isEqualTo(mine.get(0).result().reportId());
                mine.subList(0, each).forEach(a -> ids.add(a.result().reportId()));
            }
            assertThat(ids).doesNotHaveDuplicates().hasSize(clients * each);
            for (long id : ids) {
                assertThat(db.findings().listForReport(id)).hasSize(1);
            }
            assertThat(intake.batches().intakes()).isEqualTo((long) clients * (each + 1));
            assertThat(audit()).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyThatIsTooLongIsRefusedBeforeAnythingIsHandedIn() {
        assertThatThrownBy(() -> intake.submitAssessedTogether(BASIS, List.of(
                request("key-1", strike("GC1")), request("k".repeat(201), strike("GC2")))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idempotency key");

        assertThat(intake.batches().intakes()).isZero();
        assertThat(db.reports().findCurrent(ACLED, "GC1")).isEmpty();
    }

    /** A strike near Sloviansk {@code north_m} metres north of the first, citing {@code cites}. */
    private static Report near(String id, double north_m, String cites) {
        Report r = strike(id);
        return new Report(r.id(), r.eventDate(), r.timePrecision(), r.eventType(), r.subEventType(), r.actor1(),
                r.actor2(), r.country(), r.admin1(), r.location(),
                GeoPoint.of(r.point().lat_deg() + north_m / 111_000.0, r.point().lon_deg()), r.geoPrecision(), cites,
                r.notes(), r.fatalities(), r.target(), r.extra());
    }

    private static Assessment on(String reportId, String commitment, Outcome outcome, String party) {
        Assessment v = Fixtures.violation(reportId, commitment);
        return new Assessment(reportId, commitment, v.kind(), outcome, "because " + reportId, party, v.readings(),
                v.trace(), v.evidence(), v.targetPath());
    }

    @Test
    void reportsJoiningInOneTransactionLeaveTheIncidentAsTheFullRecomputeWould() {
        List<CompletableFuture<AssessedIntake>> answers = intake.submitAssessedTogether(BASIS, List.of(
                request("key-J1", near("J1", 0, "Ukrainska Pravda"), on("J1", "energy", Outcome.OUT_OF_SCOPE, "RU")),
                request("key-J2", near("J2", 1_100, "Ministry of Defence"),
                        on("J2", "line", Outcome.UNDETERMINED, "")),
                request("key-J3", near("J3", -1_100, "Kyiv Independent"),
                        on("J3", "energy", Outcome.POSSIBLE_VIOLATION, "RU"),
                        on("J3", "line", Outcome.POSSIBLE_VIOLATION, "UA"))));
        String id = answers.get(0).join().incidentId();
        assertThat(answers).extracting(a -> a.join().incidentId()).containsOnly(id);
        StoredIncident joined = db.incidents().find(id, BASIS.agreementId()).orElseThrow().incident();

        db.incidents().recomputeForReports(List.of(answers.get(2).join().result().reportId()), BASIS);

        StoredIncident recomputed = db.incidents().find(id, BASIS.agreementId()).orElseThrow().incident();
        assertThat(joined.reportCount()).isEqualTo(3);
        assertThat(joined).as("row and findings as the full recompute writes them").isEqualTo(recomputed);
        assertThat(joined.findings()).extracting(f -> f.assessment().commitmentId() + " "
                + f.assessment().outcome().wireName() + " " + f.assessment().trace().size())
                .containsExactly("energy possible_violation 2", "line possible_violation 2");
        assertThat(audit()).isEmpty();
    }

    @Test
    void accessLogLinesFromManyThreadsAreEachCommittedWhenAppendReturns() throws Exception {
        int threads = 8;
        int each = 20;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        String path = "/api/v1/reports/" + thread + "-" + i;
                        db.accessLog().append("monitor-" + thread, "monitor", "token", AccessEvent.Action.WRITE, "POST",
                                path, 201, "127.0.0.1");
                        // Read on another connection: the line is there as soon as append returns.
                        long seen = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM access_log "
                                + "WHERE path = :p").bind("p", path).mapTo(Long.class).one());
                        if (seen != 1) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            go.countDown();
            for (Future<Boolean> f : done) {
                assertThat(f.get()).as("every line committed before append returned").isTrue();
            }
            assertThat(db.accessLog().count()).isEqualTo((long) threads * each);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aClosedDatabaseRefusesAnIntake() {
        db.close();

        assertThatThrownBy(() -> intake.submitAssessed("key-1", ACLED, ReportContent.of(strike("GC1")), BASIS,
                List.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
