package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.store.Fixtures.ACLED;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.assessment.Assessment;
import org.truce.geo.GeoPoint;
import org.truce.report.Report;
import org.truce.store.finding.FindingBasis;
import org.truce.store.incident.IncidentSettings;
import org.truce.store.report.AssessedIntake;
import org.truce.store.report.IntakeRepository;
import org.truce.store.report.IntakeRepository.AssessedRequest;
import org.truce.store.report.IntakeWriter;
import org.truce.store.report.ReportContent;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST: what one intake asks of the database (issue 4, intake throughput): statement
 * executions (round trips to a server database), rows and savepoints, by statement kind, for a
 * report that starts an incident, one that joins one, and a group commit of joining reports. It
 * prints the table that docs/performance.md quotes and holds the totals to what the intake needs,
 * so that a change adding a statement to every intake is noticed.
 */
abstract class IntakeStatementCountContract {

    private static final FindingBasis BASIS = new FindingBasis("call-2025-03-18", "agr-v1", "ref-v1");
    private static final int TOGETHER = 16;

    private final TestClock clock = new TestClock("2025-03-21T09:00:00Z");
    private final StatementCounter counter = new StatementCounter();
    private Database db;
    private IntakeWriter writer;
    private IntakeRepository intake;

    protected abstract DataSourceConfig freshDatabase() throws Exception;

    /** The database's name in the printed table. */
    protected abstract String databaseName();

    /** Executions (round trips) an intake that joins an incident may take, written alone and in a group. */
    protected abstract int joinAloneAtMost();

    protected abstract double joinInGroupAtMost();

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase(), clock);
        db.sources().register(new Source(ACLED, "ACLED", SourceKind.DATASET));
        Jdbi counted = Jdbi.create(counter.wrap(db.dataSource()));
        writer = new IntakeWriter(counted);
        intake = new IntakeRepository(counted, clock,
                IncidentSettings.DEFAULT, writer);
    }

    @AfterEach
    void close() {
        writer.close();
        db.close();
    }

    /** A strike near Sloviansk at place {@code place} (about 20 km apart) on 20 March 2025 plus {@code day}. */
    private static Report strikeAt(String id, int place, int day) {
        Report r = Fixtures.strike(id);
        return new Report(id, LocalDate.parse("2025-03-20").plusDays(day), r.timePrecision(), r.eventType(),
                r.subEventType(), r.actor1(), r.actor2(), r.country(), r.admin1(), r.location(),
                GeoPoint.of(48.0 + 0.2 * place, 37.6), r.geoPrecision(), r.source(), r.notes(), r.fatalities(),
                r.target(), r.extra());
    }

    private static AssessedRequest request(String id, int place, int day) {
        List<Assessment> findings = List.of(Fixtures.violation(id, "energy"));
        return new AssessedRequest("key-" + id, ACLED, ReportContent.of(strikeAt(id, place, day)), findings);
    }

    private AssessedIntake alone(AssessedRequest r) {
        return intake.submitAssessed(r.idempotencyKey(), r.sourceId(), r.content(), BASIS, r.assessments());
    }

    @Test
    void oneIntakeTakesAFewStatementsAndAGroupCommitSharesItsOwn() {
        // Four incidents of a few members each, so that joins find an incident with members and findings.
        List<AssessedRequest> seed = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            seed.add(request("S" + i, i % 4, 0));
        }
        seed.forEach(this::alone);

        counter.reset();
        AssessedIntake started = alone(request("N1", 9, 0));
        Map<String, Integer> startsAlone = counter.executions();
        Map<String, Integer> startsAloneRows = counter.rows();

        counter.reset();
        AssessedIntake joined = alone(request("J1", 0, 0));
        Map<String, Integer> joinsAlone = counter.executions();
        Map<String, Integer> joinsAloneRows = counter.rows();

        counter.reset();
        List<AssessedRequest> group = new ArrayList<>();
        for (int i = 0; i < TOGETHER; i++) {
            group.add(request("G" + i, i % 4, 0));
        }
        List<CompletableFuture<AssessedIntake>> answers = intake.submitAssessedTogether(BASIS, group);
        answers.forEach(CompletableFuture::join);
        Map<String, Integer> joinsTogether = counter.executions();
        Map<String, Integer> joinsTogetherRows = counter.rows();

        assertThat(started.incidentId()).isEqualTo("INC-" + started.result().reportId());
        assertThat(joined.incidentId()).isNotEqualTo("INC-" + joined.result().reportId());
        assertThat(answers).allSatisfy(a -> assertThat(a.join().incidentId()).isNotNull());

        print(startsAlone, startsAloneRows, joinsAlone, joinsAloneRows, joinsTogether, joinsTogetherRows);
        int joinAlone = joinsAlone.values().stream().mapToInt(Integer::intValue).sum();
        double joinTogether = joinsTogether.values().stream().mapToInt(Integer::intValue).sum() / (double) TOGETHER;
        assertThat(joinAlone).as("executions of a joining intake written alone").isLessThanOrEqualTo(joinAloneAtMost());
        assertThat(joinTogether).as("executions per joining intake in a group of " + TOGETHER)
                .isLessThanOrEqualTo(joinInGroupAtMost());
    }

    private void print(Map<String, Integer> a, Map<String, Integer> aRows, Map<String, Integer> b,
            Map<String, Integer> bRows, Map<String, Integer> c, Map<String, Integer> cRows) {
        TreeSet<String> kinds = new TreeSet<>();
        kinds.addAll(a.keySet());
        kinds.addAll(b.keySet());
        kinds.addAll(c.keySet());
        Map<String, String> lines = new LinkedHashMap<>();
        for (String k : kinds) {
            lines.put(k, cell(a, aRows, k, 1) + " | " + cell(b, bRows, k, 1) + " | " + cell(c, cRows, k, TOGETHER));
        }
        StringBuilder out = new StringBuilder("\nStatements per intake on " + databaseName()
                + " (executions, rows in brackets when a batch carries more than one):\n"
                + "| statement | starts an incident, alone | joins one, alone | joins one, " + TOGETHER
                + " per commit |\n| --- | --- | --- | --- |\n");
        lines.forEach((k, v) -> out.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        out.append("| total | ").append(total(a, 1)).append(" | ").append(total(b, 1)).append(" | ")
                .append(total(c, TOGETHER)).append(" |\n");
        System.out.println(out);
    }

    private static String cell(Map<String, Integer> executions, Map<String, Integer> rows, String kind, int per) {
        int n = executions.getOrDefault(kind, 0);
        int r = rows.getOrDefault(kind, 0);
        String e = per == 1 ? Integer.toString(n) : String.format(java.util.Locale.ROOT, "%.2f", n / (double) per);
        if (r == n) {
            return e;
        }
        return e + " (" + (per == 1 ? Integer.toString(r) : String.format(java.util.Locale.ROOT, "%.2f",
                r / (double) per)) + ")";
    }

    private static String total(Map<String, Integer> executions, int per) {
        int n = executions.values().stream().mapToInt(Integer::intValue).sum();
        return per == 1 ? Integer.toString(n) : String.format(java.util.Locale.ROOT, "%.2f", n / (double) per);
    }
}
