package org.truce.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * What a role may do. Reading the record is allowed to every role, but what it reads goes
 * through {@link Redaction} and {@link RecordScope}; every other action, reading reports one by
 * one included, is listed with the roles that may take it, and no one else may. A new action
 * must be added here, with its roles, before any door can offer it.
 */
public enum Permission {
    /** Read the record (views and exports), redacted for the role. */
    READ_RECORD(EnumSet.allOf(RoleKind.class)),
    /**
     * Read reports, their findings, evidence files, sources and the counts over all findings one
     * by one, outside the incidents they belong to: the mission's working material, with reports
     * not yet checked. The public and the parties read incidents, within {@link RecordScope}.
     */
    READ_REPORTS(EnumSet.of(RoleKind.ADMIN, RoleKind.MONITOR, RoleKind.ANALYST, RoleKind.GUARANTOR)),
    /**
     * Take the exports and the daily report whole, exact places, source identities and outlets
     * included: the roles cleared for secret fields that see every incident. Every other role
     * gets them too ({@link #READ_RECORD}), redacted and scoped like the API's answers.
     */
    EXPORT_UNREDACTED(EnumSet.of(RoleKind.ADMIN, RoleKind.ANALYST)),
    /** Post a report or upload its evidence. */
    SUBMIT_REPORT(EnumSet.of(RoleKind.MONITOR, RoleKind.ANALYST, RoleKind.ADMIN)),
    /** Add a statement (readout, article) to the record. */
    ADD_STATEMENT(EnumSet.of(RoleKind.MONITOR, RoleKind.ANALYST)),
    /** Merge or split incidents. */
    MERGE_OR_SPLIT_INCIDENT(EnumSet.of(RoleKind.ANALYST)),
    /** Change an incident's verification status (four eyes apply on top). */
    CHANGE_VERIFICATION(EnumSet.of(RoleKind.ANALYST)),
    /** Dispute a finding that concerns one's own party, with text and evidence. */
    FILE_COUNTER_CLAIM(EnumSet.of(RoleKind.PARTY_LIAISON)),
    /** Countersign a checkpoint of the tamper-evident log. */
    SIGN_CHECKPOINT(EnumSet.of(RoleKind.GUARANTOR)),
    /** Create and disable accounts, issue and revoke API tokens. */
    MANAGE_ACCOUNTS(EnumSet.of(RoleKind.ADMIN)),
    /** Change the agreement, facility lists or zones the record is assessed against. */
    CHANGE_REFERENCE_DATA(EnumSet.of(RoleKind.ADMIN)),
    /** Read who read or changed what (kept apart from the public record). */
    READ_ACCESS_LOG(EnumSet.of(RoleKind.ADMIN, RoleKind.GUARANTOR));

    private final Set<RoleKind> allowed;

    Permission(Set<RoleKind> allowed) {
        this.allowed = EnumSet.copyOf(allowed);
    }

    public boolean allows(RoleKind kind) {
        return allowed.contains(kind);
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
