package org.truce.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.assessment.AssessmentEngineTest.BOTH_ACCEPTED;
import static org.truce.assessment.AssessmentEngineTest.RU;
import static org.truce.assessment.AssessmentEngineTest.UA;
import static org.truce.assessment.AssessmentEngineTest.reading;

import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.CommitmentTerms;
import org.truce.geo.GeoPoint;
import org.truce.report.ReportBuilder;

/**
 * FEATURE UNDER TEST (issue 3): a zone rule remembers, per thread, the last distance it measured,
 * since a row that becomes a report is measured when screened and again when checked. Whatever
 * the order of points and reaches, each distance must be the one a rule asked once gives.
 */
class LastDistanceIssue3Test {

    static ZoneRule rule() {
        CeasefireZone ceasefire = new CeasefireZone(new CommitmentTerms("cf", "", List.of(), BOTH_ACCEPTED,
                List.of(reading("common", "2025-03-18", "2025-04-17")), List.of(), null),
                null, Set.of(ReportBuilder.STRIKE), 15_000);
        Agreement a = new Agreement("t", "", List.of(), List.of(RU, UA), List.of(ceasefire), List.of());
        return new ZoneRule(ceasefire, new PartyCheck(a), ceasefire.eventTypes(), AssessmentEngineScreenTest.LINE,
                15_000);
    }

    @Test
    void everyDistanceIsTheOneAFreshRuleMeasures() {
        ZoneRule asked = rule();
        Random rnd = new Random(5);
        double[] reaches = {15_000, 25_000, 65_000};
        int finite = 0;
        int infinite = 0;
        GeoPoint p = GeoPoint.of(48.0, 37.0);
        double reach = reaches[0];
        for (int i = 0; i < 2_000; i++) {
            switch (rnd.nextInt(3)) {
                case 0 -> p = GeoPoint.of(47 + 2 * rnd.nextDouble(), 35 + 4 * rnd.nextDouble());
                case 1 -> reach = reaches[rnd.nextInt(reaches.length)];
                default -> {
                    // the same question again
                }
            }
            double expected = rule().distanceTo_m(p, reach);
            assertThat(asked.distanceTo_m(p, reach)).as("%s within %s m", p, reach).isEqualTo(expected);
            finite += Double.isFinite(expected) ? 1 : 0;
            infinite += Double.isFinite(expected) ? 0 : 1;
        }
        assertThat(finite).as("not vacuous").isPositive();
        assertThat(infinite).as("not vacuous").isPositive();
    }
}
