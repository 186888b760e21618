package org.truce.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.assessment.Evidence;
import org.truce.assessment.Outcome;

/** FEATURE UNDER TEST: an incident's finding on a commitment, derived from its reports' findings. */
class IncidentAssessmentTest {

    private static Assessment finding(String report, String commitment, Outcome outcome, String party) {
        return new Assessment(report, commitment, CommitmentKind.STRIKE_MORATORIUM, outcome, "because " + report,
                party, List.of(), List.of(), Evidence.NONE, Assessment.TargetPath.NOT_APPLICABLE);
    }

    @Test
    void theMostSeriousOutcomeWinsAndEveryReportStaysInTheTrace() {
        TreeMap<String, List<Assessment>> byReport = new TreeMap<>();
        byReport.put("1", List.of(finding("1", "energy", Outcome.OUT_OF_SCOPE, "RU")));
        byReport.put("2", List.of(finding("2", "energy", Outcome.POSSIBLE_VIOLATION, "RU")));
        byReport.put("3", List.of(finding("3", "energy", Outcome.UNDETERMINED, "")));

        List<IncidentAssessment> out = IncidentAssessment.combine(byReport);

        assertThat(out).hasSize(1);
        IncidentAssessment energy = out.get(0);
        assertThat(energy.outcome()).isEqualTo(Outcome.POSSIBLE_VIOLATION);
        assertThat(energy.party()).isEqualTo("RU");
        assertThat(energy.reason()).isEqualTo("possible_violation from 1 of 3 reports (2)");
        assertThat(energy.trace()).extracting(c -> c.condition() + " " + c.verdict().wireName())
                .containsExactly("report 1 fails", "report 2 holds", "report 3 unknown");
    }

    @Test
    void undeterminedOutranksOutOfScopeAndDifferentPartiesGiveNone() {
        TreeMap<String, List<Assessment>> byReport = new TreeMap<>();
        byReport.put("1", List.of(finding("1", "energy", Outcome.UNDETERMINED, "RU"),
                finding("1", "line", Outcome.OUT_OF_SCOPE, "RU")));
        byReport.put("2", List.of(finding("2", "energy", Outcome.UNDETERMINED, "UA")));

        List<IncidentAssessment> out = IncidentAssessment.combine(byReport);

        assertThat(out).extracting(IncidentAssessment::commitmentId).containsExactly("energy", "line");
        assertThat(out.get(0).outcome()).as("the data cannot place it: not out of scope")
                .isEqualTo(Outcome.UNDETERMINED);
        assertThat(out.get(0).party()).isEmpty();
        assertThat(out.get(0).reason()).endsWith("they name different parties: RU, UA");
        assertThat(out.get(1).trace()).extracting(Check::condition).containsExactly("report 1");
    }
}
