package org.truce.store.incident;

import java.util.Locale;

/** The rule an analyst's operation on incidents broke. */
public enum RefusalRule {
    /** Both ids name the same incident. */
    SAME_INCIDENT,
    /** An incident has one event family (ACLED disorder type). */
    ONE_EVENT_FAMILY,
    /** A report named in a split is not in the incident. */
    REPORT_NOT_IN_INCIDENT,
    /** A split must leave the incident at least one report. */
    KEEP_ONE_REPORT,
    /** The incident already has that status. */
    ALREADY_IN_STATUS,
    /** The workflow does not go from the current status to that one. */
    TRANSITION,
    /** Corroboration needs two independent sources. */
    INDEPENDENT_SOURCES,
    /** Nobody verifies an incident they created or holding a report they submitted. */
    FOUR_EYES;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
