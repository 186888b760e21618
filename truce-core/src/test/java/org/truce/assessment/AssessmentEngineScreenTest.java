package org.truce.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.assessment.AssessmentEngineTest.BOTH_ACCEPTED;
import static org.truce.assessment.AssessmentEngineTest.RU;
import static org.truce.assessment.AssessmentEngineTest.UA;
import static org.truce.assessment.AssessmentEngineTest.moratorium;
import static org.truce.assessment.AssessmentEngineTest.reading;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.CommitmentTerms;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.geo.Polyline;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.ReportBuilder;
import org.truce.report.TimePrecision;
import org.truce.target.TargetLexicon;
import org.truce.target.TargetScreen;
import org.truce.zone.Zone;

/**
 * FEATURE UNDER TEST: {@link AssessmentEngine#screen}, which a bulk run asks before making a
 * report of a row. Whenever it answers without the report, {@link AssessmentEngine#assess} must
 * give exactly that: one out-of-scope assessment for each commitment it named, none for the others.
 */
class AssessmentEngineScreenTest {

    static final Zone.Line LINE = new Zone.Line("loc", "line",
            new Polyline(List.of(GeoPoint.of(47.5, 35.5), GeoPoint.of(48.0, 37.0), GeoPoint.of(48.6, 38.2))));

    static final List<ProtectedObject> OBJECTS = List.of(
            new ProtectedObject("F1", "substation", "energy.substation", GeoPoint.of(48.0, 37.0)),
            new ProtectedObject("F2", "power plant", "energy.power_plant", GeoPoint.of(47.2, 35.0)),
            new ProtectedObject("F3", "hospital", "health.hospital", GeoPoint.of(48.3, 37.9)),
            new ProtectedObject("F4", "", "energy.pipeline", GeoPoint.of(46.8, 36.4)));

    static final List<String> NOTES = List.of("", "Drones hit a substation; the power plant was spared.",
            "Shelling near the village, no damage reported.", "Une centrale électrique a été touchée.",
            "Удар по підстанції, знеструмлено район.", "Обстрел больницы и жилых домов.", "Strike on a hospital.",
            "The energy truce was discussed.", "Пошкоджено об'єкт енергетики.", "Power lines were damaged.");

    static final List<String> TYPES = List.of(ReportBuilder.STRIKE, ReportBuilder.BATTLE, ReportBuilder.PROTEST,
            ReportBuilder.CIVILIANS);

    static AssessmentEngine engine(boolean twoReadings) {
        var m = moratorium(BOTH_ACCEPTED, twoReadings
                ? List.of(reading("RU", "2025-03-18", "2025-04-17"), reading("UA", "2025-03-25", "2025-05-01"))
                : List.of(reading("common", "2025-03-18", "2025-04-17")));
        var ceasefire = new CeasefireZone(new CommitmentTerms("cf", "", List.of(), BOTH_ACCEPTED,
                List.of(reading("common", "2025-03-18", "2025-04-17")), List.of(), null),
                null, Set.of(ReportBuilder.STRIKE, ReportBuilder.BATTLE), 15_000);
        Agreement a = new Agreement("t", "", List.of(), List.of(RU, UA), List.of(m, ceasefire), List.of());
        return new AssessmentEngine(a, OBJECTS, List.of(LINE), TargetLexicon.builtIn());
    }

    static Report randomReport(Random rnd, int i) {
        GeoPoint near = rnd.nextBoolean() ? OBJECTS.get(rnd.nextInt(OBJECTS.size())).location()
                : LINE.line().vertices().get(rnd.nextInt(3));
        double spread = rnd.nextBoolean() ? 0.03 : 0.4;
        return ReportBuilder.report("R" + i)
                .on(LocalDate.parse("2025-01-01").plusDays(rnd.nextInt(180)).toString())
                .dayKnownTo(TimePrecision.values()[rnd.nextInt(3)])
                .type(TYPES.get(rnd.nextInt(TYPES.size())))
                .by(rnd.nextBoolean() ? ReportBuilder.RUSSIA : ReportBuilder.UKRAINE)
                .at(near.lat_deg() + (rnd.nextDouble() - 0.5) * spread, near.lon_deg() + (rnd.nextDouble() - 0.5) * spread)
                .placeKnownTo(GeoPrecision.values()[rnd.nextInt(GeoPrecision.values().length)])
                .notes(NOTES.get(rnd.nextInt(NOTES.size())))
                .target(rnd.nextInt(8) == 0 ? NOTES.get(rnd.nextInt(NOTES.size())) : "")
                .build();
    }

    static boolean textMayMatch(Report r, TargetScreen screen) {
        byte[] target = r.target().getBytes(StandardCharsets.UTF_8);
        byte[] notes = r.notes().getBytes(StandardCharsets.UTF_8);
        return screen.mayMatch(target, 0, target.length) || screen.mayMatch(notes, 0, notes.length);
    }

    @Test
    void whatTheScreenAnswersWithoutAReportIsWhatTheEngineGivesWithOne() {
        for (boolean twoReadings : new boolean[] {false, true}) {
            AssessmentEngine engine = engine(twoReadings);
            List<String> ids = engine.assessedCommitments();
            Random rnd = new Random(twoReadings ? 7 : 3);
            int[] seen = new int[1 << ids.size()];
            int needsReport = 0;
            for (int i = 0; i < 20_000; i++) {
                Report r = randomReport(rnd, i);
                int screened = engine.screen(r.eventDate(), r.timePrecision(), r.eventType(), r.point().lat_deg(),
                        r.point().lon_deg(), r.geoPrecision(), s -> textMayMatch(r, s));
                List<Assessment> assessed = engine.assess(r);
                if (screened == AssessmentEngine.NEEDS_REPORT) {
                    needsReport++;
                    continue;
                }
                seen[screened]++;
                List<String> expected = new ArrayList<>();
                for (int c = 0; c < ids.size(); c++) {
                    if ((screened & 1 << c) != 0) {
                        expected.add(ids.get(c));
                    }
                }
                assertThat(assessed).as("%s", r).extracting(Assessment::commitmentId).containsExactlyElementsOf(expected);
                assertThat(assessed).as("%s", r).allSatisfy(a -> assertThat(a.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE));
            }
            // Every answer occurred, so the comparison above covered each kind.
            for (int mask = 0; mask < seen.length; mask++) {
                assertThat(seen[mask]).as("rows screened to %s", mask).isGreaterThan(100);
            }
            assertThat(needsReport).isGreaterThan(1000);
        }
    }

    @Test
    void aStrikeInTheWindowNeedsItsReportWhateverElseItSays() {
        AssessmentEngine engine = engine(false);
        int screened = engine.screen(LocalDate.parse("2025-03-20"), TimePrecision.DAY, ReportBuilder.STRIKE, 10.0, 10.0,
                GeoPrecision.values()[0], s -> false);
        assertThat(screened).isEqualTo(AssessmentEngine.NEEDS_REPORT);
    }

    @Test
    void aStrikeBeforeTheWindowFarFromEverythingWithNoTargetWordsHasNoAssessment() {
        AssessmentEngine engine = engine(false);
        int screened = engine.screen(LocalDate.parse("2025-03-01"), TimePrecision.DAY, ReportBuilder.STRIKE, 10.0, 10.0,
                GeoPrecision.values()[0], s -> false);
        assertThat(screened).isZero();
        // The same row whose notes may name a protected target needs its report: only the lexicon can tell.
        assertThat(engine.screen(LocalDate.parse("2025-03-01"), TimePrecision.DAY, ReportBuilder.STRIKE, 10.0, 10.0,
                GeoPrecision.values()[0], s -> true)).isEqualTo(AssessmentEngine.NEEDS_REPORT);
    }
}
