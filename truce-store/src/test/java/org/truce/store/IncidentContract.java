package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.truce.store.Fixtures.ACLED;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.truce.access.RecordScope;
import org.truce.access.Role;
import org.truce.access.RoleKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Outcome;
import org.truce.geo.BoundingBox;
import org.truce.geo.GeoPoint;
import org.truce.incident.GroupingRules;
import org.truce.incident.IncidentGrouper;
import org.truce.incident.JoinReason;
import org.truce.incident.SourceAffiliations;
import org.truce.incident.VerificationStatus;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.finding.FindingBasis;
import org.truce.store.incident.IncidentFilter;
import org.truce.store.incident.IncidentHistoryEntry;
import org.truce.store.incident.IncidentMembership;
import org.truce.store.incident.IncidentRefusedException;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.NoSuchIncidentException;
import org.truce.store.incident.RefusalRule;
import org.truce.store.incident.StoredIncident;
import org.truce.store.record.RecordAudit;
import org.truce.store.record.StoredEntry;
import org.truce.store.report.AssessedIntake;
import org.truce.store.report.ReportContent;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * FEATURE UNDER TEST: incidents in the store. Each report taken in is grouped in the transaction
 * that stores it; analysts merge, split and change the verification status. Runs on every
 * database Truce supports, like {@link RepositoryContract}.
 *
 * <pre>
 *   report  day         place               cites                 findings
 *   A1      2025-03-20  48.8527, 37.6054    Ukrainska Pravda      energy: possible_violation (RU)
 *   A2      2025-03-20  2.2 km north of A1  Ministry of Defence   energy: out_of_scope
 *   FAR     2025-03-20  Kyiv, 400 km away   Kyiv Independent      none
 *   LATE    2025-03-24  at A1               Ukrainska Pravda      none (4 days after: too late)
 * </pre>
 */
abstract class IncidentContract {

    private static final FindingBasis BASIS = new FindingBasis("call", "v1", "ref1");

    private final TestClock clock = new TestClock("2025-03-21T09:00:00Z");
    private Database db;
    private IncidentRepository incidents;

    protected abstract DataSourceConfig freshDatabase() throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = Database.open(freshDatabase(), clock);
        db.sources().register(new Source(ACLED, "ACLED", SourceKind.DATASET));
        incidents = db.incidents();
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static Report report(String id, String day, double lat, double lon, String cites) {
        return new Report(id, LocalDate.parse(day), TimePrecision.DAY, Fixtures.STRIKE, "Drone strike", Fixtures.RUSSIA,
                "", "Ukraine", "Donetsk", "", GeoPoint.of(lat, lon), GeoPrecision.EXACT, cites, "", 0, "", Map.of());
    }

    private AssessedIntake take(Report r, Assessment... findings) {
        clock.advance(Duration.ofSeconds(1));
        return db.intake().submitAssessed("key-" + r.id(), ACLED, ReportContent.of(r), BASIS, List.of(findings));
    }

    private static Assessment energy(String reportId, Outcome outcome) {
        Assessment v = Fixtures.violation(reportId, "energy");
        return new Assessment(reportId, "energy", v.kind(), outcome, "because " + reportId, "RU", v.readings(),
                v.trace(), v.evidence(), v.targetPath());
    }

    private AssessedIntake a1() {
        return take(report("A1", "2025-03-20", 48.8527, 37.6054, "Ukrainska Pravda"),
                energy("A1", Outcome.POSSIBLE_VIOLATION));
    }

    private AssessedIntake a2() {
        return take(report("A2", "2025-03-20", 48.8725, 37.6054, "Ministry of Defence"),
                energy("A2", Outcome.OUT_OF_SCOPE));
    }

    private AssessedIntake far() {
        return take(report("FAR", "2025-03-20", 50.45, 30.52, "Kyiv Independent"));
    }

    @Test
    void membershipsNameEachReportsIncidentAndItsStatusInOneQuery() {
        AssessedIntake first = a1();
        AssessedIntake second = a2();
        AssessedIntake kyiv = far();
        incidents.changeStatus(first.incidentId(), VerificationStatus.CORROBORATED, "analyst-1", "two outlets");

        Map<Long, IncidentMembership> m = incidents.membershipsOf(List.of(first.result().reportId(),
                second.result().reportId(), kyiv.result().reportId(), 999_999L));

        assertThat(m).as("a report id the store does not hold is left out").hasSize(3);
        assertThat(m.get(second.result().reportId())).isEqualTo(new IncidentMembership(second.result().reportId(),
                first.incidentId(), VerificationStatus.CORROBORATED));
        assertThat(m.get(kyiv.result().reportId()).status()).isEqualTo(VerificationStatus.REPORTED);
        assertThat(incidents.membershipsOf(List.of())).isEmpty();
    }

    @Test
    void twoReportsOfOneStrikeMakeOneIncidentWithTheReasonAndTheIndependentSources() {
        AssessedIntake first = a1();
        AssessedIntake second = a2();

        assertThat(first.incidentId()).isEqualTo("INC-" + first.result().reportId());
        assertThat(second.incidentId()).as("2.2 km and the same day: the same event").isEqualTo(first.incidentId());
        StoredIncident incident = incidents.find(first.incidentId(), "call").orElseThrow().incident();
        assertThat(incident.reportCount()).isEqualTo(2);
        assertThat(incident.independentSources()).isEqualTo(2);
        assertThat(incident.status()).isEqualTo(VerificationStatus.REPORTED);
        assertThat(incident.firstDay()).isEqualTo(LocalDate.parse("2025-03-20"));
        assertThat(incident.radius_m()).isBetween(1000.0, 1300.0);
        assertThat(incidents.members(incident.id())).extracting(m -> m.reason().getClass().getSimpleName())
                .containsExactly("Anchor", "Near");
        JoinReason.Near near = (JoinReason.Near) incidents.members(incident.id()).get(1).reason();
        assertThat(near.anchorReportId()).isEqualTo(Long.toString(first.result().reportId()));
        assertThat(near.distance_m()).isBetween(2150.0, 2250.0);
        assertThat(near.allowedDistance_m()).isEqualTo(5000.0);
        assertThat(incident.findings()).hasSize(1);
        assertThat(incident.findings().get(0).assessment().outcome()).as("the most serious of the two")
                .isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(incident.findings().get(0).assessment().trace()).hasSize(2);
        assertThat(incident.mostSeriousOutcome()).contains(Outcome.POSSIBLE_VIOLATION);
        assertThat(incidents.history(incident.id())).extracting(IncidentHistoryEntry::operation)
                .containsExactly("created", "joined");
    }

    @Test
    void anIncidentsFindingsFollowItsReportsFindingsWhenTheReferenceDataChanges() {
        AssessedIntake first = a1();
        FindingBasis newFacilities = new FindingBasis("call", "v1", "ref2");
        db.findings().replaceFindingsFor(first.result().reportId(), newFacilities,
                List.of(energy("A1", Outcome.OUT_OF_SCOPE)));

        assertThat(incidents.recomputeForReports(List.of(first.result().reportId()), newFacilities))
                .containsExactly(first.incidentId());

        StoredIncident incident = incidents.find(first.incidentId(), "call").orElseThrow().incident();
        assertThat(incident.mostSeriousOutcome()).contains(Outcome.OUT_OF_SCOPE);
        assertThat(incident.findings().get(0).basis()).isEqualTo(newFacilities);
    }

    @Test
    void reportsFarApartOrDaysApartStartTheirOwnIncidents() {
        String a = a1().incidentId();
        String f = far().incidentId();
        String late = take(report("LATE", "2025-03-24", 48.8527, 37.6054, "Ukrainska Pravda")).incidentId();

        assertThat(List.of(a, f, late)).doesNotHaveDuplicates();
        assertThat(incidents.countMatching(IncidentFilter.all("call"))).isEqualTo(3);
    }

    @Test
    void aNewVersionOfAReportKeepsItsIncidentAndRecomputesTheFindings() {
        String id = a1().incidentId();
        clock.advance(Duration.ofSeconds(1));
        AssessedIntake again = db.intake().submitAssessed("key-A1-v2", ACLED,
                ReportContent.of(report("A1", "2025-03-20", 48.8527, 37.6054, "Ukrainska Pravda; Telegram")), BASIS,
                List.of(energy("A1", Outcome.UNDETERMINED)));

        assertThat(again.incidentId()).isEqualTo(id);
        assertThat(incidents.find(id, "call").orElseThrow().incident().mostSeriousOutcome())
                .contains(Outcome.UNDETERMINED);
    }

    @Test
    void aMergedIdRedirectsToTheSurvivorWithTheWholeHistory() {
        String survivor = a1().incidentId();
        String absorbed = far().incidentId();

        incidents.merge(survivor, absorbed, "analyst-1", "same strike, misplaced by the outlet", BASIS);

        IncidentRepository.Found found = incidents.find(absorbed, "call").orElseThrow();
        assertThat(found.incident().id()).isEqualTo(survivor);
        assertThat(found.redirectedFrom()).contains(absorbed);
        assertThat(found.incident().reportCount()).isEqualTo(2);
        assertThat(incidents.members(survivor)).extracting(m -> m.reason().getClass().getSimpleName())
                .containsExactly("Anchor", "MergedIn");
        assertThat(incidents.history(survivor)).extracting(e -> e.incidentId() + " " + e.operation())
                .containsExactly(survivor + " created", absorbed + " created", survivor + " merged",
                        absorbed + " absorbed");
        assertThat(incidents.countMatching(IncidentFilter.all("call"))).isEqualTo(1);
    }

    @Test
    void aSplitMakesANewIncidentAndCannotEmptyTheOldOne() {
        AssessedIntake first = a1();
        long second = a2().result().reportId();
        String id = first.incidentId();

        assertThatThrownBy(() -> incidents.split(id, List.of(first.result().reportId(), second), "analyst-1",
                "two events", BASIS)).isInstanceOf(IncidentRefusedException.class)
                .extracting(e -> ((IncidentRefusedException) e).rule()).isEqualTo(RefusalRule.KEEP_ONE_REPORT);
        assertThatThrownBy(() -> incidents.split(id, List.of(999L), "analyst-1", "two events", BASIS))
                .extracting(e -> ((IncidentRefusedException) e).rule()).isEqualTo(RefusalRule.REPORT_NOT_IN_INCIDENT);

        String newId = incidents.split(id, List.of(second), "analyst-1", "two strikes an hour apart", BASIS);

        assertThat(newId).isEqualTo("INC-" + second);
        assertThat(incidents.find(id, "call").orElseThrow().incident().reportCount()).isEqualTo(1);
        StoredIncident split = incidents.find(newId, "call").orElseThrow().incident();
        assertThat(split.createdBy()).containsExactly("analyst-1");
        assertThat(split.mostSeriousOutcome()).as("its own report's finding").contains(Outcome.OUT_OF_SCOPE);
        assertThat(incidents.members(newId).get(0).reason()).isInstanceOf(JoinReason.SplitOff.class);
    }

    @Test
    void verificationFollowsTheWorkflowWithFourEyes() {
        String id = a1().incidentId();
        a2();

        assertThatThrownBy(() -> incidents.changeStatus(id, VerificationStatus.VERIFIED, "analyst-1", "checked"))
                .extracting(e -> ((IncidentRefusedException) e).rule()).isEqualTo(RefusalRule.TRANSITION);
        incidents.changeStatus(id, VerificationStatus.CORROBORATED, "analyst-1", "two independent outlets");
        assertThatThrownBy(() -> incidents.changeStatus(id, VerificationStatus.VERIFIED, "intake", "checked"))
                .as("the grouping created it").isInstanceOf(IncidentRefusedException.class)
                .hasMessageContaining("four eyes")
                .extracting(e -> ((IncidentRefusedException) e).rule()).isEqualTo(RefusalRule.FOUR_EYES);

        incidents.changeStatus(id, VerificationStatus.VERIFIED, "analyst-2", "imagery matches");

        assertThat(incidents.find(id, "call").orElseThrow().incident().status()).isEqualTo(VerificationStatus.VERIFIED);
        assertThat(incidents.history(id)).filteredOn(e -> e.operation().equals("status_changed"))
                .extracting(IncidentHistoryEntry::by, IncidentHistoryEntry::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("analyst-1", "two independent outlets"),
                        org.assertj.core.groups.Tuple.tuple("analyst-2", "imagery matches"));
    }

    @Test
    void aRefusedOperationChangesNothing() {
        String id = a1().incidentId();
        int before = incidents.history(id).size();

        assertThatThrownBy(() -> incidents.changeStatus(id, VerificationStatus.CORROBORATED, "analyst-1", "sure"))
                .extracting(e -> ((IncidentRefusedException) e).rule()).isEqualTo(RefusalRule.INDEPENDENT_SOURCES);
        assertThatThrownBy(() -> incidents.merge(id, "INC-404", "analyst-1", "why", BASIS))
                .isInstanceOf(NoSuchIncidentException.class);
        assertThatThrownBy(() -> incidents.merge(id, id, "analyst-1", "why", BASIS))
                .extracting(e -> ((IncidentRefusedException) e).rule()).isEqualTo(RefusalRule.SAME_INCIDENT);

        assertThat(incidents.history(id)).hasSize(before);
        assertThat(incidents.find(id, "call").orElseThrow().incident().status()).isEqualTo(VerificationStatus.REPORTED);
    }

    @Test
    void incidentsAreListedByCommitmentPartyStatusPlaceAndDays() {
        String a = a1().incidentId();
        a2();
        String f = far().incidentId();

        assertThat(ids(IncidentFilter.all("call"))).containsExactly(a, f);
        assertThat(ids(new IncidentFilter("call", "energy", null, null, null, null, null))).containsExactly(a);
        assertThat(ids(new IncidentFilter("call", null, "RU", null, null, null, null))).containsExactly(a);
        assertThat(ids(new IncidentFilter("call", null, "UA", null, null, null, null))).isEmpty();
        assertThat(ids(new IncidentFilter("call", null, null, VerificationStatus.REPORTED,
                new BoundingBox(30, 50, 31, 51), null, null))).containsExactly(f);
        assertThat(ids(new IncidentFilter("call", null, null, null, null, LocalDate.parse("2025-03-21"), null)))
                .isEmpty();
        assertThat(ids(new IncidentFilter("call", null, null, null, null, LocalDate.parse("2025-03-19"),
                LocalDate.parse("2025-03-20")))).containsExactly(a, f);
        assertThat(incidents.listMatching(IncidentFilter.all("call"), 1, 1)).extracting(StoredIncident::id)
                .containsExactly(f);
    }

    /**
     * Issue 8: a list's total counted before the role's scope told the public how many unchecked
     * incidents exist. The reach is now part of the query: page and total hold only what it sees.
     */
    @Test
    void aRolesReachLimitsTheListAndItsTotalIssue8() {
        String a = a1().incidentId();
        a2();
        String f = far().incidentId();
        incidents.changeStatus(f, VerificationStatus.REFUTED, "analyst-1", "the site was intact on imagery");
        IncidentFilter all = IncidentFilter.all("call");

        Map<String, List<String>> seen = new LinkedHashMap<>();
        Map<String, Long> totals = new LinkedHashMap<>();
        for (Role role : List.of(Role.PUBLIC, Role.liaisonOf("RU"), Role.liaisonOf("UA"), Role.of(RoleKind.ANALYST))) {
            IncidentFilter scoped = all.within(RecordScope.reachOf(role));
            seen.put(role.toString(), ids(scoped));
            totals.put(role.toString(), incidents.countMatching(scoped));
        }
        assertThat(seen).as("settled for everyone; unsettled only for the mission and the party it concerns")
                .containsExactly(Map.entry("public", List.of(f)), Map.entry("party_liaison:RU", List.of(a, f)),
                        Map.entry("party_liaison:UA", List.of(f)), Map.entry("analyst", List.of(a, f)));
        assertThat(totals).as("each total counts what its list can show")
                .containsExactly(Map.entry("public", 1L), Map.entry("party_liaison:RU", 2L),
                        Map.entry("party_liaison:UA", 1L), Map.entry("analyst", 2L));
        assertThat(ids(new IncidentFilter("call", null, "RU", null, null, null, null)
                .within(RecordScope.reachOf(Role.PUBLIC)))).as("with another filter: both apply").isEmpty();
    }

    private List<String> ids(IncidentFilter filter) {
        return incidents.listMatching(filter, 100, 0).stream().map(StoredIncident::id).toList();
    }

    private static Assessment on(String reportId, String commitment, Outcome outcome, String party) {
        Assessment v = Fixtures.violation(reportId, commitment);
        return new Assessment(reportId, commitment, v.kind(), outcome, "because " + reportId, party, v.readings(),
                v.trace(), v.evidence(), v.targetPath());
    }

    /**
     * A report joining an incident adds its findings to the incident's stored ones instead of
     * combining every member's again (docs/performance.md); what it stores must be what the
     * full recompute stores.
     *
     * <pre>
     *   report  energy                   line                     place
     *   J1      out_of_scope (RU)        -                        48.8527, 37.6054 (anchor)
     *   J2      -                        undetermined             1.1 km north
     *   J3      possible_violation (RU)  possible_violation (UA)  1.1 km south
     *   J4      undetermined (UA)        out_of_scope             2.2 km north, precision 2 (+/-10 km)
     * </pre>
     */
    @Test
    void aJoiningReportLeavesTheIncidentAsTheFullRecomputeWould() {
        String id = take(report("J1", "2025-03-20", 48.8527, 37.6054, "Ukrainska Pravda"),
                on("J1", "energy", Outcome.OUT_OF_SCOPE, "RU")).incidentId();
        take(report("J2", "2025-03-20", 48.8626, 37.6054, "Ministry of Defence"),
                on("J2", "line", Outcome.UNDETERMINED, ""));
        take(report("J3", "2025-03-20", 48.8428, 37.6054, "Kyiv Independent"),
                on("J3", "energy", Outcome.POSSIBLE_VIOLATION, "RU"), on("J3", "line", Outcome.POSSIBLE_VIOLATION, "UA"));
        Report j4 = report("J4", "2025-03-20", 48.8725, 37.6054, "Telegram");
        j4 = new Report(j4.id(), j4.eventDate(), j4.timePrecision(), j4.eventType(), j4.subEventType(), j4.actor1(),
                j4.actor2(), j4.country(), j4.admin1(), j4.location(), j4.point(), GeoPrecision.NEAR, j4.source(),
                j4.notes(), j4.fatalities(), j4.target(), j4.extra());
        AssessedIntake last = take(j4, on("J4", "energy", Outcome.UNDETERMINED, "UA"),
                on("J4", "line", Outcome.OUT_OF_SCOPE, ""));
        assertThat(last.incidentId()).isEqualTo(id);
        StoredIncident joined = incidents.find(id, "call").orElseThrow().incident();

        incidents.recomputeForReports(List.of(last.result().reportId()), BASIS);

        StoredIncident recomputed = incidents.find(id, "call").orElseThrow().incident();
        assertThat(joined.reportCount()).isEqualTo(4);
        assertThat(joined).as("row and findings as the full recompute writes them").isEqualTo(recomputed);
        assertThat(joined.findings()).extracting(f -> f.assessment().commitmentId() + " "
                + f.assessment().outcome().wireName() + " " + f.assessment().trace().size())
                .containsExactly("energy possible_violation 3", "line possible_violation 3");
    }

    /**
     * Issue 4: the candidate query reads one day range per anchor time precision. Reports of every
     * precision, taken in the order the grouper ranks anchors (day before week before month, then
     * by date), must make the incidents the grouper makes of them all at once, including a week- and
     * a month-precise anchor that later reports join from further away than a day-precise one allows.
     *
     * <pre>
     *   day    D1 03-10   D2 03-20   D3 03-21
     *   week   W1 03-25   W2 03-27   W3 04-30
     *   month  M1 04-13   M2 05-20   M3 06-10     (all at one place)
     *
     *   M1 joins W3, 17 days away (a day-precise anchor would have to be within 16);
     *   M3 joins M2, 21 days away (within the 31 two month-precise reports allow).
     * </pre>
     */
    @Test
    void reportsOfEveryTimePrecisionMakeTheIncidentsTheGrouperMakesIssue4() {
        String[][] plan = {{"D1", "2025-03-10", "DAY"}, {"D2", "2025-03-20", "DAY"}, {"D3", "2025-03-21", "DAY"},
            {"W1", "2025-03-25", "WEEK"}, {"W2", "2025-03-27", "WEEK"}, {"W3", "2025-04-30", "WEEK"},
            {"M1", "2025-04-13", "MONTH"}, {"M2", "2025-05-20", "MONTH"}, {"M3", "2025-06-10", "MONTH"}};
        List<Report> reports = new ArrayList<>();
        Map<String, SortedSet<String>> stored = new TreeMap<>();
        for (String[] row : plan) {
            Report r = report(row[0], row[1], 48.8527, 37.6054, "");
            r = new Report(r.id(), r.eventDate(), TimePrecision.valueOf(row[2]), r.eventType(), r.subEventType(),
                    r.actor1(), r.actor2(), r.country(), r.admin1(), r.location(), r.point(), r.geoPrecision(),
                    r.source(), r.notes(), r.fatalities(), r.target(), r.extra());
            reports.add(r);
            String incidentId = take(r).incidentId();
            stored.computeIfAbsent(incidentId, k -> new TreeSet<>()).add(r.id());
        }
        List<SortedSet<String>> expected = new IncidentGrouper(GroupingRules.DEFAULT, SourceAffiliations.NONE)
                .group(reports, "truce").stream()
                .map(i -> (SortedSet<String>) new TreeSet<>(i.members().stream().map(m -> m.report().id()).toList()))
                .toList();
        assertThat(stored.values()).as("the intake's incidents, one by one, are the grouper's")
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).as("coarse anchors are joined: the plan tests them")
                .contains(new TreeSet<>(List.of("W3", "M1")), new TreeSet<>(List.of("M2", "M3")));
    }

    /**
     * Issue 4: the intake starts an incident from what it has in hand (no recompute) and writes a
     * join's history entry with the state it has just read. The rows and findings are what the full
     * recompute writes, and each history entry holds the status (set by an analyst between two
     * intakes), creators and members that the audit reads from the tables.
     */
    @Test
    void anIncidentStartedAndJoinedByTheIntakeIsWhatTheFullRecomputeWritesIssue4() {
        AssessedIntake first = take(report("S1", "2025-03-20", 48.8527, 37.6054, ""),
                on("S1", "energy", Outcome.POSSIBLE_VIOLATION, "RU"), on("S1", "line", Outcome.OUT_OF_SCOPE, ""));
        String id = first.incidentId();
        StoredIncident started = incidents.find(id, "call").orElseThrow().incident();

        incidents.recomputeForReports(List.of(first.result().reportId()), BASIS);

        assertThat(started).as("row and findings as the full recompute writes them")
                .isEqualTo(incidents.find(id, "call").orElseThrow().incident());
        assertThat(started.reportCount()).isEqualTo(1);
        assertThat(started.findings()).extracting(f -> f.assessment().commitmentId() + " "
                + f.assessment().outcome().wireName()).containsExactly("energy possible_violation", "line out_of_scope");

        incidents.changeStatus(id, VerificationStatus.DISPUTED, "analyst-1", "the outlet retracted a detail");
        AssessedIntake second = take(report("S2", "2025-03-20", 48.8626, 37.6054, "Telegram"),
                on("S2", "energy", Outcome.OUT_OF_SCOPE, "UA"));
        assertThat(second.incidentId()).isEqualTo(id);

        List<String> incidentEntries = db.record().entries(0, db.record().size()).stream()
                .filter(e -> e.kind().equals("incident")).map(StoredEntry::entryText).toList();
        assertThat(incidentEntries).hasSize(3);
        assertThat(incidentEntries.get(0)).contains("\"operation\":\"created\"", "\"status\":\"reported\"",
                "\"member_report_ids\":[" + first.result().reportId() + "]");
        assertThat(incidentEntries.get(2)).contains("\"operation\":\"joined\"", "\"status\":\"disputed\"",
                "\"member_report_ids\":[" + first.result().reportId() + "," + second.result().reportId() + "]");
        assertThat(new RecordAudit(db.jdbi()).run(Optional.empty()).problems()).as("truce verify agrees").isEmpty();
    }

    @Test
    void aReportJoiningAfterAMemberWasDeletedLeavesTheDeletedReportOut() {
        String id = a1().incidentId();
        a2();
        db.reports().markDeleted(ACLED, "A1", "withdrawn by the outlet");

        take(report("A3", "2025-03-20", 48.8626, 37.6054, "Telegram"), energy("A3", Outcome.OUT_OF_SCOPE));

        StoredIncident incident = incidents.find(id, "call").orElseThrow().incident();
        assertThat(incident.reportCount()).as("a deleted report stays a member").isEqualTo(3);
        assertThat(incident.findings().get(0).assessment().trace()).as("but its finding no longer counts")
                .hasSize(2);
        assertThat(incident.mostSeriousOutcome()).contains(Outcome.OUT_OF_SCOPE);
    }

    /** Submits every report at once, one thread each, and returns the incident each went to. */
    private List<String> takeAtOnce(List<Report> reports) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(reports.size());
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (Report r : reports) {
                Callable<String> client = () -> {
                    go.await();
                    return db.intake().submitAssessed("key-" + r.id(), ACLED, ReportContent.of(r), BASIS,
                            List.of(energy(r.id(), Outcome.OUT_OF_SCOPE))).incidentId();
                };
                answers.add(pool.submit(client));
            }
            go.countDown();
            List<String> incidentIds = new ArrayList<>();
            for (Future<String> a : answers) {
                incidentIds.add(a.get());
            }
            return incidentIds;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Six reports of one strike arriving at once make one incident with six members, and its row
     * and findings are what the full recompute gives: no joiner counted the members without
     * another's.
     */
    @Test
    void reportsOfOneEventArrivingAtOnceMakeOneIncidentCountingEveryReport() throws Exception {
        List<Report> reports = new ArrayList<>();
        String[] outlets = {"Ukrainska Pravda", "Ministry of Defence", "Kyiv Independent", "Telegram", "RIA", "TASS"};
        for (int i = 0; i < outlets.length; i++) {
            reports.add(report("S" + i, "2025-03-20", 48.8527 + i * 0.002, 37.6054, outlets[i]));
        }

        List<String> incidentIds = takeAtOnce(reports);

        assertThat(incidentIds).as("one incident").containsOnly(incidentIds.get(0));
        assertThat(incidents.countMatching(IncidentFilter.all("call"))).isEqualTo(1);
        StoredIncident joined = incidents.find(incidentIds.get(0), "call").orElseThrow().incident();
        assertThat(joined.reportCount()).isEqualTo(6);
        assertThat(joined.independentSources()).isEqualTo(6);
        assertThat(joined.findings().get(0).assessment().trace()).hasSize(6);
        long anyMember = incidents.members(joined.id()).get(0).report().id();
        incidents.recomputeForReports(List.of(anyMember), BASIS);
        StoredIncident recomputed = incidents.find(joined.id(), "call").orElseThrow().incident();
        assertThat(recomputed.findings()).extracting(f -> f.assessment())
                .isEqualTo(joined.findings().stream().map(f -> f.assessment()).toList());
        assertThat(recomputed.radius_m()).isEqualTo(joined.radius_m());
    }

    @Test
    void reportsOfDistantEventsArrivingAtOnceEachStartTheirOwnIncident() throws Exception {
        List<Report> reports = List.of(
                report("D1", "2025-03-20", 48.8527, 37.6054, "Ukrainska Pravda"),
                report("D2", "2025-03-20", 46.6354, 32.6169, "Ukrainska Pravda"),
                report("D3", "2025-02-10", 48.8527, 37.6054, "Ukrainska Pravda"),
                report("D4", "2025-03-20", 50.45, 30.52, "Kyiv Independent"));

        List<String> incidentIds = takeAtOnce(reports);

        assertThat(incidentIds).doesNotHaveDuplicates();
        assertThat(incidents.listMatching(IncidentFilter.all("call"), 10, 0)).extracting(StoredIncident::reportCount)
                .containsExactly(1, 1, 1, 1);
    }

    @Test
    void aStoredTraceThatDoesNotReadIsReplacedByTheFullRecomputeOnTheNextJoin() {
        String id = a1().incidentId();
        db.jdbi().useHandle(h -> h.createUpdate("UPDATE incident_findings SET trace_json = "
                + "'[{\"condition\":\"report 1\",\"detail\":\"edited by hand\",\"verdict\":\"holds\"}]'")
                .execute());

        a2();

        StoredIncident incident = incidents.find(id, "call").orElseThrow().incident();
        assertThat(incident.findings().get(0).assessment().trace()).extracting(c -> c.detail())
                .containsExactly("possible_violation (RU): because A1", "out_of_scope (RU): because A2");
    }
}
