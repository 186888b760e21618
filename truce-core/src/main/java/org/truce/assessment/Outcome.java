package org.truce.assessment;

import java.util.Locale;

/** What an assessment concludes about one report against one commitment. */
public enum Outcome {
    /** Every condition of the commitment held: a monitor should look at it. Not a verdict. */
    POSSIBLE_VIOLATION,
    /** Some condition certainly failed; the trace says which. */
    OUT_OF_SCOPE,
    /** The data cannot tell (precision straddles an edge, the target is only hinted at). */
    UNDETERMINED;

    // Written once: the findings of a bulk run ask for it on every line.
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }
}
