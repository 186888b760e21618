package org.truce.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.report.ReportBuilder.STRIKE;
import static org.truce.report.ReportBuilder.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.Condition;
import org.truce.agreement.Party;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.Stance;
import org.truce.agreement.StrikeMoratorium;
import org.truce.agreement.Window;
import org.truce.agreement.WindowReading;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.geo.Polyline;
import org.truce.geo.Sphere;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.target.TargetLexicon;
import org.truce.zone.Zone;

/**
 * FEATURE UNDER TEST: the engine's outcome and trace for one report against the energy moratorium
 * and the contact-line ceasefire, at the edges of every condition.
 */
class AssessmentEngineTest {

    static final Party RU = new Party("RU", "Russia", List.of("Military Forces of Russia"));
    static final Party UA = new Party("UA", "Ukraine", List.of("Military Forces of Ukraine"));

    /** A substation at (48.0 N, 37.0 E); the moratorium protects energy.* within 3 km. */
    static final ProtectedObject SUBSTATION = new ProtectedObject("F1", "substation", "energy.substation",
            GeoPoint.of(48.0, 37.0));

    static WindowReading reading(String label, String from, String until) {
        return new WindowReading(label, new Window(LocalDate.parse(from), LocalDate.parse(until), "30 days"), null);
    }

    static StrikeMoratorium moratorium(List<PartyStatus> parties, List<WindowReading> readings) {
        return new StrikeMoratorium(new CommitmentTerms("energy", "energy moratorium", List.of(), parties, readings,
                List.of(), null), List.of("energy."), Set.of(STRIKE), 3000);
    }

    static final List<PartyStatus> BOTH_ACCEPTED = List.of(
            new PartyStatus("RU", Stance.ACCEPTED, LocalDate.parse("2025-03-18"), null),
            new PartyStatus("UA", Stance.ACCEPTED, LocalDate.parse("2025-03-18"), null));

    static AssessmentEngine engine(StrikeMoratorium m, List<ProtectedObject> objects) {
        Agreement a = new Agreement("test", "", List.of(), List.of(RU, UA), List.of(m), List.of());
        return new AssessmentEngine(a, objects, List.of(), TargetLexicon.builtIn());
    }

    static final AssessmentEngine COMMON = engine(
            moratorium(BOTH_ACCEPTED, List.of(reading("common", "2025-03-18", "2025-04-17"))), List.of(SUBSTATION));

    static Assessment only(AssessmentEngine engine, Report r) {
        List<Assessment> all = engine.assess(r);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    @Test
    void strikeNextToAProtectedObjectInTheWindowIsAPossibleViolation() {
        Assessment a = only(COMMON, report("UKR1").at(48.01, 37.0).build());
        assertThat(a.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(a.party()).isEqualTo("RU");
        assertThat(a.targetPath()).isEqualTo(Assessment.TargetPath.REGISTERED_OBJECT);
        assertThat(a.evidence()).isInstanceOfSatisfying(Evidence.NearestObject.class,
                n -> assertThat(n.object().id()).isEqualTo("F1"));
        assertThat(a.trace()).extracting(Check::condition)
                .containsExactly("event type", "window", "protected target", "party bound");
        assertThat(a.trace()).allMatch(c -> c.verdict() == Verdict.HOLDS);
    }

    @Test
    void windowStartIsInclusiveAndItsEndExclusive() {
        assertThat(only(COMMON, report("A").on("2025-03-18").build()).outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(only(COMMON, report("B").on("2025-04-16").build()).outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        Assessment before = only(COMMON, report("C").on("2025-03-17").build());
        assertThat(before.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(before.reason()).startsWith("before the window");
        Assessment after = only(COMMON, report("D").on("2025-04-17").build());
        assertThat(after.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(after.reason()).startsWith("after the window");
    }

    @Test
    void radiusIsInclusiveToTheMetre() {
        // Due north of the substation: 0.02698 degrees is ~3000.0 m; step just inside and outside.
        double lat = 48.0 + Sphere.latitudeSpan_deg(2999.9);
        assertThat(only(COMMON, report("IN").at(lat, 37.0).build()).outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        double outLat = 48.0 + Sphere.latitudeSpan_deg(3000.1);
        assertThat(COMMON.assess(report("OUT").at(outLat, 37.0).build()))
                .as("nothing protected within reach and the report names no target: not its concern")
                .isEmpty();
        Assessment named = only(COMMON, report("OUT2").at(outLat, 37.0).notes("A hospital was hit.").build());
        assertThat(named.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(named.reason()).contains("target not protected");
    }

    @Test
    void coLocatedObjectsResolveToTheSmallestId() {
        var twin = new ProtectedObject("F0", "twin", "energy.oil_depot", GeoPoint.of(48.0, 37.0));
        var engine = engine(moratorium(BOTH_ACCEPTED, List.of(reading("common", "2025-03-18", "2025-04-17"))),
                List.of(SUBSTATION, twin));
        Assessment a = only(engine, report("T").at(48.005, 37.0).build());
        assertThat(((Evidence.NearestObject) a.evidence()).object().id()).isEqualTo("F0");
    }

    @Test
    void reportOfAnotherTypeOnAnotherDayDoesNotConcernTheMoratorium() {
        assertThat(COMMON.assess(report("P").type("Protests").on("2025-01-05").build())).isEmpty();
    }

    @Test
    void aDayTheEngineSaysCannotConcernAnyCommitmentNeverGetsAnAssessment() {
        // Period of interest: the 30-day window and 30 days on each side, widened by the day's uncertainty.
        LocalDate first = LocalDate.parse("2025-01-01");
        for (int d = 0; d < 181; d++) {
            LocalDate day = first.plusDays(d);
            for (TimePrecision p : TimePrecision.values()) {
                // A strike on the substation whose notes name it too: concerns the moratorium whenever its day can.
                Report onTarget = report("D" + d).on(day.toString()).dayKnownTo(p).at(48.0, 37.0)
                        .notes("A substation was hit.").build();
                assertThat(COMMON.assess(onTarget).isEmpty()).as("%s known to +/-%d days", day, p.uncertainty_days())
                        .isEqualTo(!COMMON.mayConcernDay(day, p));
            }
        }
        assertThat(COMMON.mayConcernDay(LocalDate.parse("2025-02-15"), TimePrecision.DAY)).isFalse();
        assertThat(COMMON.mayConcernDay(LocalDate.parse("2025-02-16"), TimePrecision.DAY)).isTrue();
        assertThat(COMMON.mayConcernDay(LocalDate.parse("2025-02-01"), TimePrecision.MONTH)).isTrue();
        assertThat(COMMON.mayConcernDay(LocalDate.parse("2025-05-17"), TimePrecision.DAY)).isFalse();
    }

    @Test
    void strikeOutsideTheWindowFarFromAnyProtectedObjectDoesNotConcernIt() {
        assertThat(COMMON.assess(report("F").on("2025-02-01").at(49.0, 37.0).build())).isEmpty();
    }

    @Test
    void strikesOnAProtectedObjectAreLookedAtAsFarBackAsTheWindowIsLong() {
        // Window [18 March, 17 April): 30 days, so the period of interest starts on 16 February.
        assertThat(COMMON.assess(report("EARLY").on("2025-02-15").build())).isEmpty();
        Assessment a = only(COMMON, report("BEFORE").on("2025-02-16").build());
        assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(a.reason()).startsWith("before the window");
        assertThat(only(COMMON, report("AFTER").on("2025-05-16").build()).reason()).startsWith("after the window");
        assertThat(COMMON.assess(report("LATE").on("2025-05-17").build())).isEmpty();
    }

    @Test
    void battleInTheWindowNextToASubstationIsOutOfScopeBecauseOfItsType() {
        Assessment a = only(COMMON, report("B").type("Battles").build());
        assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(a.reason()).contains("event type not covered");
    }

    @Test
    void dayKnownOnlyToTheWeekAcrossTheWindowStartIsUndetermined() {
        Assessment a = only(COMMON, report("W").on("2025-03-19").dayKnownTo(TimePrecision.WEEK).build());
        assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(a.reason()).contains("straddles");
    }

    @Test
    void placeKnownOnlyRoughlyAcrossTheRadiusIsUndetermined() {
        // 2.5 km from the substation, but the place is only known to +/-10 km.
        double lat = 48.0 + Sphere.latitudeSpan_deg(2500);
        Assessment a = only(COMMON, report("G").at(lat, 37.0).placeKnownTo(GeoPrecision.NEAR).build());
        assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(a.reason()).contains("location precision straddles the radius");
    }

    @Test
    void partiesThatReadTheWindowDifferentlyAreBothKept() {
        var engine = engine(moratorium(BOTH_ACCEPTED, List.of(
                reading("RU", "2025-03-18", "2025-04-17"),
                reading("UA", "2025-03-25", "2025-04-24"))), List.of(SUBSTATION));
        Assessment a = only(engine, report("R").on("2025-03-20").build());
        assertThat(a.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(a.reason()).contains("under reading RU");
        assertThat(a.readings()).extracting(ReadingOutcome::reading, ReadingOutcome::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("RU", Outcome.POSSIBLE_VIOLATION),
                        org.assertj.core.groups.Tuple.tuple("UA", Outcome.OUT_OF_SCOPE));
        assertThat(a.trace()).extracting(Check::condition).contains("window[RU]", "window[UA]");
    }

    @Test
    void aPartyThatHasNotAcceptedIsNotBound() {
        var engine = engine(moratorium(List.of(
                new PartyStatus("RU", Stance.PENDING, null, null),
                new PartyStatus("UA", Stance.ACCEPTED, LocalDate.parse("2025-03-11"), null)),
                List.of(reading("common", "2025-03-18", "2025-04-17"))), List.of(SUBSTATION));
        Assessment a = only(engine, report("N").build());
        assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(a.reason()).isEqualTo("RU is not bound (stance pending)");
    }

    @Test
    void anActorOfNoPartyLeavesTheAssessmentUndetermined() {
        Assessment a = only(COMMON, report("U").by("Unidentified Armed Group (Ukraine)").build());
        assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(a.party()).isEmpty();
        assertThat(a.reason()).contains("not attributed to a party");
    }

    @Test
    void withReciprocityAPartyIsBoundOnlyWhileEveryPartyIs() {
        var terms = new CommitmentTerms("energy", "", List.of(), List.of(
                new PartyStatus("RU", Stance.ACCEPTED, LocalDate.parse("2025-03-18"), null),
                new PartyStatus("UA", Stance.PENDING, null, null)),
                List.of(reading("common", "2025-03-18", "2025-04-17")), List.of(new Condition.Reciprocity("")), null);
        var engine = engine(new StrikeMoratorium(terms, List.of("energy."), Set.of(STRIKE), 3000), List.of(SUBSTATION));
        Assessment a = only(engine, report("X").build());
        assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(a.reason()).contains("reciprocal commitment not in force");
    }

    @Test
    void withoutAnyFacilityListTheReportsOwnWordsDecide() {
        var engine = engine(moratorium(BOTH_ACCEPTED, List.of(reading("common", "2025-03-18", "2025-04-17"))), List.of());
        Assessment en = only(engine, report("EN").notes("Drones hit a substation in the region overnight.").build());
        assertThat(en.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(en.targetPath()).isEqualTo(Assessment.TargetPath.REPORT_TEXT);
        assertThat(en.reason()).isEqualTo("all conditions hold");
        assertThat(en.trace().get(2).detail()).contains("energy.substation", "substation");

        Assessment fr = only(engine, report("FR").notes("Frappe de drones sur une raffinerie, incendie maîtrisé.").build());
        assertThat(fr.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(fr.trace().get(2).detail()).contains("energy.refinery", "raffinerie");

        Assessment hospital = only(engine, report("H").notes("A hospital was damaged by shelling.").build());
        assertThat(hospital.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(hospital.reason()).contains("target not protected", "health.hospital");

        assertThat(engine.assess(report("S").notes("Shelling of the town centre.").build())).isEmpty();
    }

    @Test
    void anExplicitTargetFieldIsReadBeforeTheNotes() {
        var engine = engine(moratorium(BOTH_ACCEPTED, List.of(reading("common", "2025-03-18", "2025-04-17"))), List.of());
        Assessment a = only(engine, report("T").target("oil depot").notes("No details.").build());
        assertThat(a.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(a.trace().get(2).detail()).contains("energy.oil_depot", "target");
    }

    @Test
    void aPowerCutAloneOnlyHintsAtAnEnergyTarget() {
        var engine = engine(moratorium(BOTH_ACCEPTED, List.of(reading("common", "2025-03-18", "2025-04-17"))), List.of());
        Assessment a = only(engine, report("P").notes("After the strike part of the district was left without power: a blackout.").build());
        assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(a.reason()).contains("hints at a target");
    }

    @Test
    void ceasefireZoneCountsEventsWithinTheBufferOfTheLine() {
        //  (48.0,36.0) o----------------o (48.0,38.0)   line of contact
        //                   x  (48.1, 37.0): ~11 km north, inside a 15 km buffer
        //                   x  (48.3, 37.0): ~33 km north, outside
        var line = new Zone.Line("loc", "line", new Polyline(List.of(GeoPoint.of(48.0, 36.0), GeoPoint.of(48.0, 38.0))));
        var ceasefire = new CeasefireZone(new CommitmentTerms("cf", "", List.of(), List.of(),
                List.of(reading("common", "2025-03-18", "2025-04-17")), List.of(), null),
                null, Set.of(STRIKE, "Battles"), 15_000);
        Agreement agreement = new Agreement("t", "", List.of(), List.of(RU, UA), List.of(ceasefire), List.of());
        var engine = new AssessmentEngine(agreement, List.of(), List.of(line), TargetLexicon.builtIn());
        DailyZoneCounts daily = DailyZoneCounts.forFirstCeasefire(agreement).orElseThrow();

        Report near = report("NEAR").type("Battles").at(48.1, 37.0).build();
        Report far = report("FAR").at(48.3, 37.0).build();
        for (Report r : List.of(near, far)) {
            engine.assess(r).forEach(a -> daily.count(r, a));
        }
        assertThat(only(engine, near).outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(engine.assess(far)).as("far from the line: not the zone's concern").isEmpty();
        assertThat(daily.days()).hasSize(30);
        assertThat(daily.days().get(2)).isEqualTo(new DailyZoneCounts.DayCount(LocalDate.parse("2025-03-20"), 1));
        assertThat(daily.days().stream().mapToLong(DailyZoneCounts.DayCount::events).sum()).isEqualTo(1);
    }

    @Test
    void aZoneThatWasNotGivenIsNamedInTheWarnings() {
        var ceasefire = new CeasefireZone(new CommitmentTerms("cf", "", List.of(), List.of(),
                List.of(reading("common", "2025-03-18", "2025-04-17")), List.of(), null), "black-sea", Set.of(STRIKE), 0);
        Agreement agreement = new Agreement("t", "", List.of(), List.of(), List.of(ceasefire), List.of());
        var engine = new AssessmentEngine(agreement, List.of(), List.of(), TargetLexicon.builtIn());
        assertThat(engine.assessedCommitments()).isEmpty();
        assertThat(engine.warnings()).singleElement().asString().contains("cf", "black-sea");
    }
}
