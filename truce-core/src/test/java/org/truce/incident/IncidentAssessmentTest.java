package org.truce.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * Reports joining one by one, in an order where string and number order differ (9, 10, 11):
     * after each join the finding built from the trace equals the one combined from every report.
     *
     * <pre>
     *   report  energy                   line
     *   9       out_of_scope (RU)        undetermined
     *   10      possible_violation (RU)  -
     *   11      undetermined             possible_violation (UA)
     *   12      possible_violation (UA)  possible_violation (UA)
     * </pre>
     */
    @Test
    void addingOneReportGivesWhatCombiningEveryReportGives() {
        List<List<Assessment>> arriving = List.of(
                List.of(finding("9", "energy", Outcome.OUT_OF_SCOPE, "RU"),
                        finding("9", "line", Outcome.UNDETERMINED, "")),
                List.of(finding("10", "energy", Outcome.POSSIBLE_VIOLATION, "RU")),
                List.of(finding("11", "energy", Outcome.UNDETERMINED, ""),
                        finding("11", "line", Outcome.POSSIBLE_VIOLATION, "UA")),
                List.of(finding("12", "energy", Outcome.POSSIBLE_VIOLATION, "UA"),
                        finding("12", "line", Outcome.POSSIBLE_VIOLATION, "UA")));
        TreeMap<String, List<Assessment>> byReport = new TreeMap<>(java.util.Comparator.comparingLong(Long::parseLong));
        TreeMap<String, IncidentAssessment> incremental = new TreeMap<>();

        for (List<Assessment> report : arriving) {
            String id = report.get(0).reportId();
            byReport.put(id, report);
            for (Assessment a : report) {
                IncidentAssessment before = incremental.get(a.commitmentId());
                incremental.put(a.commitmentId(), before == null ? IncidentAssessment.first(id, a)
                        : before.withReport(id, a));
            }
            assertThat(List.copyOf(incremental.values())).as("after report " + id)
                    .isEqualTo(IncidentAssessment.combine(byReport));
        }
        IncidentAssessment energy = incremental.get("energy");
        assertThat(energy.reason()).isEqualTo(
                "possible_violation from 2 of 4 reports (10, 12); they name different parties: RU, UA");
        assertThat(energy.trace()).extracting(Check::condition)
                .as("the order combine gives").containsExactly("report 10", "report 11", "report 12", "report 9");
        assertThat(incremental.get("line").party()).isEqualTo("UA");
    }

    @Test
    void aReportAddedAgainReplacesItsLine() {
        IncidentAssessment one = IncidentAssessment.first("1", finding("1", "energy", Outcome.POSSIBLE_VIOLATION, "RU"));

        IncidentAssessment again = one.withReport("1", finding("1", "energy", Outcome.OUT_OF_SCOPE, "RU"));

        assertThat(again.outcome()).isEqualTo(Outcome.OUT_OF_SCOPE);
        assertThat(again.trace()).hasSize(1);
        assertThat(again.reason()).isEqualTo("out_of_scope from 1 of 1 report (1)");
    }

    @Test
    void aTraceLineNotWrittenByCombiningIsRefusedWithTheLine() {
        IncidentAssessment odd = new IncidentAssessment("energy", CommitmentKind.STRIKE_MORATORIUM,
                Outcome.POSSIBLE_VIOLATION, "r", "", List.of(Check.holds("report 4", "looks bad")));

        assertThatThrownBy(() -> odd.withReport("5", finding("5", "energy", Outcome.OUT_OF_SCOPE, "")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("report 4")
                .hasMessageContaining("looks bad");
        assertThatThrownBy(() -> odd.withReport("5", finding("5", "line", Outcome.OUT_OF_SCOPE, "")))
                .hasMessageContaining("'line'");
    }
}
