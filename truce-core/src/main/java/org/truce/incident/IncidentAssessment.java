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
        SortedMap<String, SortedMap<String, Part>> byCommitment = new TreeMap<>();
        SortedMap<String, CommitmentKind> kinds = new TreeMap<>();
        byReport.forEach((reportId, assessments) -> assessments.forEach(a -> {
            byCommitment.computeIfAbsent(a.commitmentId(), c -> new TreeMap<>()).put(reportId, Part.of(a));
            kinds.put(a.commitmentId(), a.kind());
        }));
        List<IncidentAssessment> out = new ArrayList<>();
        byCommitment.forEach((commitment, parts) -> out.add(of(commitment, kinds.get(commitment), parts)));
        return List.copyOf(out);
    }

    /**
     * The finding of an incident on one commitment that only report {@code reportId} has been
     * assessed against so far: what {@link #combine} gives for that one finding.
     */
    public static IncidentAssessment first(String reportId, Assessment finding) {
        SortedMap<String, Part> parts = new TreeMap<>();
        parts.put(reportId, Part.of(finding));
        return of(finding.commitmentId(), finding.kind(), parts);
    }

    /**
     * This finding with report {@code reportId}'s finding on the same commitment added (or put in
     * place of that report's line): what {@link #combine} gives for the members' findings plus
     * this one, without the other members' findings. It reads them back from the trace, which
     * holds one line per report with its outcome, party and reason, so a report joining a large
     * incident costs one line, not a pass over every member.
     */
    public IncidentAssessment withReport(String reportId, Assessment finding) {
        if (!finding.commitmentId().equals(commitmentId)) {
            throw new IllegalArgumentException("a finding on '" + finding.commitmentId()
                    + "' cannot join the incident's finding on '" + commitmentId + "'");
        }
        SortedMap<String, Part> parts = new TreeMap<>();
        for (Check c : trace) {
            parts.put(Part.reportOf(c), Part.of(c));
        }
        parts.put(reportId, Part.of(finding));
        return of(commitmentId, finding.kind(), parts);
    }

    /** Possible violation first, then undetermined, then out of scope. */
    public static int seriousness(Outcome o) {
        return switch (o) {
            case POSSIBLE_VIOLATION -> 3;
            case UNDETERMINED -> 2;
            case OUT_OF_SCOPE -> 1;
        };
    }

    private static IncidentAssessment of(String commitmentId, CommitmentKind kind, SortedMap<String, Part> reports) {
        Outcome worst = null;
        for (Part p : reports.values()) {
            if (worst == null || seriousness(p.outcome()) > seriousness(worst)) {
                worst = p.outcome();
            }
        }
        SortedSet<String> parties = new TreeSet<>();
        List<String> agreeing = new ArrayList<>();
        List<Check> trace = new ArrayList<>();
        for (Map.Entry<String, Part> e : reports.entrySet()) {
            Part p = e.getValue();
            if (p.outcome() == worst) {
                agreeing.add(e.getKey());
                if (!p.party().isEmpty()) {
                    parties.add(p.party());
                }
            }
            trace.add(p.toCheck(e.getKey()));
        }
        String reason = worst.wireName() + " from " + agreeing.size() + " of " + reports.size() + " report"
                + (reports.size() == 1 ? "" : "s") + " (" + String.join(", ", agreeing) + ")"
                + (parties.size() > 1 ? "; they name different parties: " + String.join(", ", parties) : "");
        return new IncidentAssessment(commitmentId, kind, worst, reason, parties.size() == 1 ? parties.first() : "",
                trace);
    }

    /**
     * What one report contributes: its outcome, party and reason. Written as one trace line,
     * {@code report <id>} with the verdict of the outcome and the detail
     * {@code <outcome>[ (<party>)]: <reason>}, and read back from it; a party id has no space or
     * parenthesis, so the line reads back unambiguously.
     */
    private record Part(Outcome outcome, String party, String reason) {

        private static final String CONDITION_PREFIX = "report ";

        static Part of(Assessment a) {
            return new Part(a.outcome(), a.party() == null ? "" : a.party(), a.reason());
        }

        static String reportOf(Check c) {
            if (!c.condition().startsWith(CONDITION_PREFIX)) {
                throw new IllegalArgumentException("not a line of an incident's trace: '" + c.condition() + "'");
            }
            return c.condition().substring(CONDITION_PREFIX.length());
        }

        static Part of(Check c) {
            Outcome outcome = switch (c.verdict()) {
                case HOLDS -> Outcome.POSSIBLE_VIOLATION;
                case FAILS -> Outcome.OUT_OF_SCOPE;
                case UNKNOWN -> Outcome.UNDETERMINED;
            };
            String d = c.detail();
            String prefix = outcome.wireName();
            if (d.startsWith(prefix + ": ")) {
                return new Part(outcome, "", d.substring(prefix.length() + 2));
            }
            int close = d.indexOf("): ", prefix.length());
            if (d.startsWith(prefix + " (") && close > 0) {
                return new Part(outcome, d.substring(prefix.length() + 2, close), d.substring(close + 3));
            }
            throw new IllegalArgumentException("the line of " + c.condition() + " in an incident's trace does not read: '"
                    + d + "'");
        }

        Check toCheck(String reportId) {
            String detail = outcome.wireName() + (party.isEmpty() ? "" : " (" + party + ")") + ": " + reason;
            return switch (outcome) {
                case POSSIBLE_VIOLATION -> Check.holds(CONDITION_PREFIX + reportId, detail);
                case OUT_OF_SCOPE -> Check.fails(CONDITION_PREFIX + reportId, detail);
                case UNDETERMINED -> Check.unknown(CONDITION_PREFIX + reportId, detail);
            };
        }
    }
}
