package org.truce.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.truce.assessment.AssessmentEngineTest.BOTH_ACCEPTED;
import static org.truce.assessment.AssessmentEngineTest.RU;
import static org.truce.assessment.AssessmentEngineTest.UA;
import static org.truce.assessment.AssessmentEngineTest.moratorium;
import static org.truce.assessment.AssessmentEngineTest.reading;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.agreement.StrikeMoratorium;
import org.truce.agreement.Window;
import org.truce.agreement.WindowReading;
import org.truce.facility.ProtectedObjectIndex;
import org.truce.report.TimePrecision;
import org.truce.target.TargetLexicon;

/**
 * FEATURE UNDER TEST (issue 3): a rule answers "may a report of this day concern the commitment?"
 * and "may the day fall in some window?" for every row of a file, from epoch days worked out
 * once. The answers must be {@link WindowCheck}'s, reading by reading, for closed and open
 * windows, one or several readings, every precision, on every day around them.
 */
class DayQuestionsIssue3Test {

    static MoratoriumRule rule(List<WindowReading> readings) {
        StrikeMoratorium m = moratorium(BOTH_ACCEPTED, readings);
        Agreement a = new Agreement("test", "", List.of(), List.of(RU, UA), List.of(m), List.of());
        return new MoratoriumRule(m, new PartyCheck(a),
                ProtectedObjectIndex.of(List.of(), o -> true, 3000), TargetLexicon.builtIn());
    }

    @Test
    void answersAsTheWindowChecksDoOnEveryDayAround() {
        Window openEnded = new Window(LocalDate.parse("2025-03-20"), null, "");
        // (A moratorium without a window is refused when the agreement is read.)
        List<List<WindowReading>> cases = List.of(
                List.of(reading("common", "2025-03-18", "2025-04-17")),
                List.of(reading("RU", "2025-03-18", "2025-04-17"), reading("UA", "2025-03-25", "2025-05-01")),
                List.of(new WindowReading("common", openEnded, null)),
                List.of(reading("RU", "2025-04-01", "2025-04-02"), new WindowReading("UA", openEnded, null)));
        int concerned = 0;
        int notConcerned = 0;
        for (List<WindowReading> readings : cases) {
            MoratoriumRule rule = rule(readings);
            for (LocalDate day = LocalDate.parse("2024-12-01"); day.isBefore(LocalDate.parse("2025-09-01"));
                    day = day.plusDays(1)) {
                for (TimePrecision p : TimePrecision.values()) {
                    boolean interest = readings.isEmpty();
                    boolean window = readings.isEmpty();
                    for (WindowReading r : readings) {
                        interest |= WindowCheck.inPeriodOfInterest(r, day, p);
                        window |= WindowCheck.verdict(r, day, p) != Verdict.FAILS;
                    }
                    assertThat(rule.mayConcernDay(day, p)).as("%s %s %s", readings, day, p).isEqualTo(interest);
                    assertThat(rule.anyWindowPossible(day, p)).as("%s %s %s", readings, day, p).isEqualTo(window);
                    concerned += interest ? 1 : 0;
                    notConcerned += interest ? 0 : 1;
                }
            }
        }
        assertThat(concerned).as("not vacuous").isPositive();
        assertThat(notConcerned).as("not vacuous").isPositive();
    }
}
