package org.truce.incident;

import java.util.Locale;

/** Where an incident stands in verification; see {@link Verification} for the allowed changes. */
public enum VerificationStatus {
    /** At least one report says it happened. */
    REPORTED,
    /** Two or more independent sources say it happened. */
    CORROBORATED,
    /** An analyst checked the evidence and confirms it; never the one who created it. */
    VERIFIED,
    /** Sources or evidence contradict each other. */
    DISPUTED,
    /** The evidence shows it did not happen as reported. */
    REFUTED;

    /** The lower-case name used in messages and documents. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
