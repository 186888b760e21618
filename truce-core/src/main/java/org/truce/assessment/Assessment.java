package org.truce.assessment;

import java.util.List;
import org.truce.agreement.CommitmentKind;

/**
 * The assessment of one report against one commitment, with the reason and the rule trace that
 * explains it. {@code party} is the party the report's actor belongs to ("" when unattributed):
 * the claimed perpetrator, as the source names it.
 */
public record Assessment(
        String reportId,
        String commitmentId,
        CommitmentKind kind,
        Outcome outcome,
        String reason,
        String party,
        List<ReadingOutcome> readings,
        List<Check> trace,
        Evidence evidence,
        TargetPath targetPath) {

    public Assessment {
        readings = List.copyOf(readings);
        trace = List.copyOf(trace);
        reason = reason == null ? "" : reason;
        party = party == null ? "" : party;
    }

    /** Which path decided that the target was (or was not) protected. */
    public enum TargetPath {
        REGISTERED_OBJECT,
        REPORT_TEXT,
        NONE,
        NOT_APPLICABLE;

        // Written once: the findings of a bulk run ask for it on every line.
        private final String wireName = name().toLowerCase(java.util.Locale.ROOT);

        public String wireName() {
            return wireName;
        }
    }
}
