package org.truce.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.report.ReportBuilder.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.NavigationSafetyArea;
import org.truce.agreement.Party;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.Stance;
import org.truce.agreement.Window;
import org.truce.agreement.WindowReading;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.geo.Polyline;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.target.TargetLexicon;
import org.truce.zone.Zone;

/**
 * FEATURE UNDER TEST: attacks on shipping against a navigation-safety commitment over a sea area,
 * at the edges of the sea, of a port's radius, of the window and of the event types.
 *
 * <pre>
 *          P port (46.05 N, 31.0 E), registered, radius 3 km        T town on the coast (46.03 N, 33.5 E)
 *   46.0 N +------------------------------------------------------------+   coast (the area's outline);
 *          |   ~ (45.96 N, 32.5 E): 6 km out, but known only to 10 km  |   buffer 5 km around it
 *          |                                                            |
 *          |                    ~ (45.0 N, 32.0 E): open sea            |
 *   44.0 N +------------------------------------------------------------+
 *        30.0 E                                                       34.0 E
 *                                            x (48.0 N, 37.0 E) inland, far from the sea
 * </pre>
 */
class NavigationSafetyRuleTest {

    static final Zone.Area SEA = new Zone.Area("sea", "test sea", List.of(GeoPoint.of(44.0, 30.0),
            GeoPoint.of(44.0, 34.0), GeoPoint.of(46.0, 34.0), GeoPoint.of(46.0, 30.0), GeoPoint.of(44.0, 30.0)));
    static final ProtectedObject PORT = new ProtectedObject("P1", "Example port", "transport.port",
            GeoPoint.of(46.05, 31.0));
    static final String STRIKE = "Explosions/Remote violence";
    static final String DRONE = "Air/drone strike";
    static final String MISSILE = "Shelling/artillery/missile attack";

    static final List<PartyStatus> BOTH_ACCEPTED = List.of(
            new PartyStatus("RU", Stance.ACCEPTED, LocalDate.parse("2025-03-25"), null),
            new PartyStatus("UA", Stance.ACCEPTED, LocalDate.parse("2025-03-25"), null));
    static final List<WindowReading> FROM_25_MARCH = List.of(
            new WindowReading("common", new Window(LocalDate.parse("2025-03-25"), null, null), null));

    static NavigationSafetyArea navigation(List<PartyStatus> parties) {
        return new NavigationSafetyArea(new CommitmentTerms("black-sea", "", List.of(), parties, FROM_25_MARCH,
                List.of(), null), "sea", Set.of(STRIKE, "Battles"),
                Set.of(DRONE, MISSILE, "Remote explosive/landmine/IED", "Armed clash"),
                List.of("transport.port", "transport.vessel", "transport.sea_lane", "military.vessel"), 5000, 3000);
    }

    static AssessmentEngine engine(NavigationSafetyArea n, Zone zone) {
        Agreement a = new Agreement("t", "", List.of(), List.of(
                new Party("RU", "Russia", List.of("Military Forces of Russia")),
                new Party("UA", "Ukraine", List.of("Military Forces of Ukraine"))), List.of(n), List.of());
        return new AssessmentEngine(a, List.of(PORT), List.of(zone), TargetLexicon.builtIn());
    }

    static final AssessmentEngine ENGINE = engine(navigation(BOTH_ACCEPTED), SEA);

    static Assessment only(AssessmentEngine engine, Report r) {
        List<Assessment> all = engine.assess(r);
        assertThat(all).hasSize(1);
        return all.get(0);
    }

    static Report strike(String id, double lat, double lon) {
        return report(id).on("2025-03-28").subType(DRONE).at(lat, lon).build();
    }

    @Test
    void aTankerHitInThePortIsAPossibleViolation() {
        Report r = report("TANKER").on("2025-03-28").subType(MISSILE).at(46.06, 31.0)
                .notes("A missile hit a tanker moored in the port.").build();
        Assessment a = only(ENGINE, r);
        assertThat(a.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(a.trace()).extracting(Check::condition)
                .containsExactly("event type", "window", "sea area", "navigation target", "party bound");
        assertThat(a.trace().get(0).detail()).isEqualTo("'" + STRIKE + ": " + MISSILE + "' is listed");
        assertThat(a.trace().get(3).detail()).as("the registered port decides before the words")
                .startsWith("registered object P1 (transport.port, Example port)");
        assertThat(a.targetPath()).isEqualTo(Assessment.TargetPath.REGISTERED_OBJECT);
    }

    @Test
    void aStrikeOnTheOpenSeaHitsTheSeaLanesThemselves() {
        Assessment a = only(ENGINE, strike("OPEN", 45.0, 32.0));
        assertThat(a.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(a.trace().get(3).detail()).startsWith("at sea, ").endsWith("the sea lanes themselves");
        assertThat(a.evidence()).isEqualTo(new Evidence.ZoneDistance("sea", 0));
    }

    @Test
    void aDroneOverLandFarFromTheSeaDoesNotConcernIt() {
        assertThat(ENGINE.assess(strike("INLAND", 48.0, 37.0))).isEmpty();
    }

    @Test
    void aStrikeAtSeaKnownOnlyRoughlyAcrossTheCoastIsUndetermined() {
        Report r = report("ROUGH").on("2025-03-28").subType(DRONE).at(45.96, 32.5)
                .placeKnownTo(GeoPrecision.NEAR).build();
        Assessment a = only(ENGINE, r);
        assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(a.reason()).startsWith("location precision straddles the coast");
        assertThat(a.trace().get(2).verdict()).as("at sea or ashore, it is within the buffer either way")
                .isEqualTo(Verdict.HOLDS);
    }

    @Test
    void theSameStrikeKnownToThePlaceIsAtSea() {
        assertThat(only(ENGINE, strike("EXACT", 45.96, 32.5)).outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
    }

    @Test
    void aStrikeAtSeaTheDayBeforeTheWindowIsOutOfScope() {
        Report r = report("EARLY").on("2025-03-24").subType(DRONE).at(45.0, 32.0).build();
        Assessment a = only(ENGINE, r);
        assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(a.reason()).isEqualTo("before the window: 2025-03-24 < 2025-03-25");
    }

    @Test
    void shellingOfACoastalTownThatNamesNoShippingIsOutOfScope() {
        Report r = report("TOWN").on("2025-03-28").subType(MISSILE).at(46.03, 33.5)
                .notes("Shelling of the town centre.").build();
        Assessment a = only(ENGINE, r);
        assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(a.reason()).startsWith("ashore, and the report names no vessel, port or sea lane");
    }

    @Test
    void aHospitalOnTheCoastIsNotAMaritimeTarget() {
        Report r = report("HOSPITAL").on("2025-03-28").subType(MISSILE).at(46.03, 33.5)
                .notes("A hospital was damaged.").build();
        assertThat(only(ENGINE, r).reason()).startsWith("target not a protected vessel, port or sea lane")
                .contains("health.hospital");
    }

    @Test
    void aVesselNamedFarUpRiverIsKeptButOutsideTheSeaArea() {
        Report r = report("RIVER").on("2025-03-28").subType(DRONE).at(47.5, 31.0)
                .notes("Drones hit a grain barge on the river.").build();
        Assessment a = only(ENGINE, r);
        assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(a.reason()).startsWith("outside the sea area");
        assertThat(a.trace().get(3).detail()).contains("transport.vessel", "barge");
    }

    @Test
    void aDroneShotDownOverTheSeaIsNotAnAttack() {
        Report downed = report("DOWNED").on("2025-03-28").type("Strategic developments")
                .subType("Disrupted weapons use").at(45.0, 32.0).build();
        assertThat(only(ENGINE, downed).reason())
                .isEqualTo("event type not covered: 'Strategic developments: Disrupted weapons use'");
        Report grenade = report("GRENADE").on("2025-03-28").subType("Grenade").at(45.0, 32.0).build();
        assertThat(only(ENGINE, grenade).reason()).as("a listed type, but not a listed sub-type")
                .isEqualTo("event type not covered: 'Explosions/Remote violence: Grenade'");
    }

    @Test
    void partiesThatAgreedOnlyInPrincipleAreNotBound() {
        var engine = engine(navigation(List.of(
                new PartyStatus("RU", Stance.ACCEPTED_IN_PRINCIPLE, LocalDate.parse("2025-03-18"), null),
                new PartyStatus("UA", Stance.ACCEPTED_IN_PRINCIPLE, LocalDate.parse("2025-03-25"), null))), SEA);
        Assessment a = only(engine, strike("TALKS", 45.0, 32.0));
        assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(a.reason()).isEqualTo("RU is not bound (stance accepted_in_principle)");
    }

    @Test
    void aLineIsNoSeaArea() {
        var line = new Zone.Line("sea", "", new Polyline(List.of(GeoPoint.of(46.0, 30.0), GeoPoint.of(46.0, 34.0))));
        var engine = engine(navigation(BOTH_ACCEPTED), line);
        assertThat(engine.assessedCommitments()).isEmpty();
        assertThat(engine.warnings()).singleElement().asString().contains("black-sea", "needs a sea area");
    }
}
