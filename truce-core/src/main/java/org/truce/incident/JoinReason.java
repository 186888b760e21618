package org.truce.incident;

/** Why a report is part of an incident. */
public sealed interface JoinReason {

    /** The anchor: the first report of the incident, the others were compared with it. */
    record Anchor() implements JoinReason {
    }

    /**
     * Grouped with the anchor: its distance and days apart, both within what the rules allowed
     * given the two reports' precisions, and how the event types relate.
     */
    record Near(String anchorReportId, double distance_m, double allowedDistance_m, long daysApart,
            long allowedDays, TypeRelation typeRelation) implements JoinReason {
    }

    /** The anchor of an incident an analyst merged into this one. */
    record MergedIn(String fromIncidentId, String by, String why) implements JoinReason {
    }

    /** Split off another incident by an analyst. */
    record SplitOff(String fromIncidentId, String by, String why) implements JoinReason {
    }
}
