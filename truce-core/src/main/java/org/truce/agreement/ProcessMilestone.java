package org.truce.agreement;

import java.time.LocalDate;
import java.util.Locale;

/** A step of the process: an expert group set up, talks opened, a joint initiative, a match. */
public record ProcessMilestone(CommitmentTerms terms, Step step, String description, LocalDate due)
        implements Commitment {

    public ProcessMilestone {
        Require.present(terms, "terms");
        Require.present(step, "milestone step");
        Require.text(description, "milestone description");
    }

    @Override
    public CommitmentKind kind() {
        return CommitmentKind.PROCESS_MILESTONE;
    }

    public enum Step {
        EXPERT_GROUP,
        TALKS,
        JOINT_INITIATIVE,
        OTHER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
