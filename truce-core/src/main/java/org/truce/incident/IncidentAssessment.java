package org.truce.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.assessment.Outcome;

/**
 * The finding of one incident on one commitment, derived from its reports' findings. The
 * outcome is the most serious any report has (possible violation, then undetermined, then out of
 * scope): a possible violation asks a monitor to look, and one well-placed report is enough for
 * that, while a report the data cannot place keeps the incident undetermined rather than out of
 * scope. The trace has one line per report, so a disagreement between reports stays visible.
 * {@code party} is the one party the reports with that outcome name, or "" when they name none
 * or several.
 */
public record IncidentAssessment(String commitmentId, CommitmentKind kind, Outcome outcome, String reason,
        String party, List<Check> trace) {

    public IncidentAssessment {
        trace = List.copyOf(trace);
        party = party == null ? "" : party;
    }

    /**
     * One finding per commitment any member was assessed against, sorted by commitment.
     * {@code byReport}: each member's report id with its findings (under one agreement).
     */
    public static List<IncidentAssessment> combine(SortedMap<String, List<Assessment>> byReport) {
        SortedMap<String, SortedMap<String, Assessment>> byCommitment = new TreeMap<>();
        byReport.forEach((reportId, assessments) -> assessments.forEach(a ->
                byCommitment.computeIfAbsent(a.commitmentId(), c -> new TreeMap<>()).put(reportId, a)));
        List<IncidentAssessment> out = new ArrayList<>();
        byCommitment.forEach((commitment, reports) -> out.add(of(commitment, reports)));
        return List.copyOf(out);
    }

    /** Possible violation first, then undetermined, then out of scope. */
    public static int seriousness(Outcome o) {
        return switch (o) {
            case POSSIBLE_VIOLATION -> 3;
            case UNDETERMINED -> 2;
            case OUT_OF_SCOPE -> 1;
        };
    }

    private static IncidentAssessment of(String commitmentId, SortedMap<String, Assessment> reports) {
        Outcome worst = null;
        for (Assessment a : reports.values()) {
            if (worst == null || seriousness(a.outcome()) > seriousness(worst)) {
                worst = a.outcome();
            }
        }
        SortedSet<String> parties = new TreeSet<>();
        List<String> agreeing = new ArrayList<>();
        List<Check> trace = new ArrayList<>();
        CommitmentKind kind = null;
        for (Map.Entry<String, Assessment> e : reports.entrySet()) {
            Assessment a = e.getValue();
            kind = a.kind();
            if (a.outcome() == worst) {
                agreeing.add(e.getKey());
                if (a.party() != null && !a.party().isEmpty()) {
                    parties.add(a.party());
                }
            }
            String detail = a.outcome().wireName() + (a.party() == null || a.party().isEmpty() ? ""
                    : " (" + a.party() + ")") + ": " + a.reason();
            trace.add(switch (a.outcome()) {
                case POSSIBLE_VIOLATION -> Check.holds("report " + e.getKey(), detail);
                case OUT_OF_SCOPE -> Check.fails("report " + e.getKey(), detail);
                case UNDETERMINED -> Check.unknown("report " + e.getKey(), detail);
            });
        }
        String reason = worst.wireName() + " from " + agreeing.size() + " of " + reports.size() + " report"
                + (reports.size() == 1 ? "" : "s") + " (" + String.join(", ", agreeing) + ")"
                + (parties.size() > 1 ? "; they name different parties: " + String.join(", ", parties) : "");
        return new IncidentAssessment(commitmentId, kind, worst, reason, parties.size() == 1 ? parties.first() : "",
                trace);
    }
}
