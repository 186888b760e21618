package org.truce.incident;

import org.truce.report.Report;

/**
 * One report in an incident: the report, the party its source speaks for ("" when none), who
 * submitted it ("" when not known) and why it joined.
 */
public record Member(Report report, String party, String submittedBy, JoinReason reason) {

    public Member {
        if (report == null || reason == null) {
            throw new IllegalArgumentException("a member needs a report and a reason");
        }
        party = party == null ? "" : party;
        submittedBy = submittedBy == null ? "" : submittedBy;
    }

    public String reportId() {
        return report.id();
    }

    public String source() {
        return report.source();
    }

    Member withReason(JoinReason r) {
        return new Member(report, party, submittedBy, r);
    }
}
