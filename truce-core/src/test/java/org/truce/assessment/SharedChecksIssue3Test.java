package org.truce.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.assessment.AssessmentEngineTest.COMMON;
import static org.truce.assessment.AssessmentEngineTest.only;
import static org.truce.assessment.AssessmentEngineTest.reading;
import static org.truce.report.ReportBuilder.report;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Window;
import org.truce.agreement.WindowReading;
import org.truce.geo.Sphere;
import org.truce.report.GeoPrecision;
import org.truce.report.TimePrecision;

/**
 * Issue 3 (assessment at scale): checks shared between reports must read exactly as checks made
 * for each report, and the place check that no longer reads the text when an object is in reach
 * must give the answers it gave when it did.
 */
class SharedChecksIssue3Test {

    @Test
    void theWindowCacheGivesTheCheckWindowCheckWritesForEveryDayAndPrecision() {
        List<WindowReading> readings = List.of(
                reading("RU", "2025-03-18", "2025-04-17"),
                new WindowReading("UA", new Window(LocalDate.parse("2025-03-25"), null, "open"), null));
        for (WindowReading r : readings) {
            WindowCheck.Cache cache = new WindowCheck.Cache(r, readings.size());
            // Two passes over 2,200 days: the second pass also meets days whose slot another day
            // (1,024 days apart) took in between.
            for (int pass = 0; pass < 2; pass++) {
                for (LocalDate day = LocalDate.parse("2023-06-01"); day.isBefore(LocalDate.parse("2029-06-01"));
                        day = day.plusDays(1)) {
                    for (TimePrecision p : TimePrecision.values()) {
                        Check shared = cache.check(day, p);
                        Check fresh = WindowCheck.check(r, readings.size(), day, p);
                        assertThat(shared.condition()).isEqualTo(fresh.condition());
                        assertThat(shared.verdict()).isEqualTo(fresh.verdict());
                        assertThat(shared.detail()).isEqualTo(fresh.detail());
                    }
                }
            }
        }
    }

    @Test
    void theSameDayAndPrecisionGetTheSameCheck() {
        WindowCheck.Cache cache = new WindowCheck.Cache(reading("common", "2025-03-18", "2025-04-17"), 1);
        LocalDate day = LocalDate.parse("2025-03-17");
        assertThat(cache.check(day, TimePrecision.MONTH)).isSameAs(cache.check(LocalDate.parse("2025-03-17"),
                TimePrecision.MONTH));
        assertThat(cache.check(day, TimePrecision.DAY)).isNotSameAs(cache.check(day, TimePrecision.MONTH));
        assertThat(cache.check(day, TimePrecision.MONTH).detail())
                .isEqualTo("2025-03-17 (known to +/-15 days) straddles an edge of [2025-03-18, 2025-04-17)");
    }

    /** 5 km north of the substation: beyond the 3 km radius, within it if the place is off by 10 km. */
    private static final double FIVE_KM_NORTH = 48.0 + Sphere.latitudeSpan_deg(5000);

    @Test
    void anObjectInReachOfAnImpreciseRecordAndNotesWithoutAProtectedWordAreUndetermined() {
        Assessment a = only(COMMON, report("R1").at(FIVE_KM_NORTH, 37.0).placeKnownTo(GeoPrecision.NEAR)
                .notes("Shelling of the town centre; a hospital was damaged.").build());
        assertThat(a.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(a.targetPath()).isEqualTo(Assessment.TargetPath.REGISTERED_OBJECT);
        assertThat(a.reason()).isEqualTo("location precision straddles the radius: a protected object lies within"
                + " 13.0 km of the recorded place (location known to +/-10.0 km), radius 3.0 km");
    }

    @Test
    void aProtectedNameStillOutranksAnObjectInReachOfAnImpreciseRecord() {
        Assessment a = only(COMMON, report("R2").at(FIVE_KM_NORTH, 37.0).placeKnownTo(GeoPrecision.NEAR)
                .notes("Drones hit a substation overnight.").build());
        assertThat(a.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(a.targetPath()).isEqualTo(Assessment.TargetPath.REPORT_TEXT);
        assertThat(a.trace().get(2).detail()).startsWith("the report names energy.substation");
    }

    @Test
    void aNearestObjectStraddlingTheRadiusWithAProtectedNameInTheTargetFieldIsTheName() {
        double lat = 48.0 + Sphere.latitudeSpan_deg(2500);
        Assessment byName = only(COMMON, report("R3").at(lat, 37.0).placeKnownTo(GeoPrecision.NEAR)
                .target("oil depot").notes("No details.").build());
        assertThat(byName.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(byName.targetPath()).isEqualTo(Assessment.TargetPath.REPORT_TEXT);

        Assessment byPlace = only(COMMON, report("R4").at(lat, 37.0).placeKnownTo(GeoPrecision.NEAR)
                .target("school").notes("No details.").build());
        assertThat(byPlace.outcome()).isEqualTo(Outcome.UNDETERMINED);
        assertThat(byPlace.reason()).isEqualTo("location precision straddles the radius: F1 (energy.substation,"
                + " substation) at 2.5 km (location known to +/-10.0 km), radius 3.0 km");
    }
}
