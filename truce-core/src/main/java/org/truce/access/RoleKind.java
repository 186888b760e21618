package org.truce.access;

import java.util.Locale;

/**
 * The roles of a monitoring mission. What each may do is {@link Permission}'s table; what each may
 * read is its {@link #clearance()} and, for a party's liaison, the scope of its party.
 */
public enum RoleKind {
    /** Runs the installation: accounts, tokens, reference data. Reads everything. */
    ADMIN(Sensitivity.SECRET),
    /** Submits reports and statements; reads the mission's record. */
    MONITOR(Sensitivity.RESTRICTED),
    /** Merges, splits and verifies incidents (never what they created); reads everything. */
    ANALYST(Sensitivity.SECRET),
    /** A party's liaison officer: reads what concerns its party, files counter-claims. */
    PARTY_LIAISON(Sensitivity.PUBLIC),
    /** A guarantor or mediator: reads the whole record but not who reported from where; signs checkpoints. */
    GUARANTOR(Sensitivity.RESTRICTED),
    /** Anyone without an account: verified findings, redacted. */
    PUBLIC(Sensitivity.PUBLIC);

    private final Sensitivity clearance;

    RoleKind(Sensitivity clearance) {
        this.clearance = clearance;
    }

    /** The most sensitive field this role reads. */
    public Sensitivity clearance() {
        return clearance;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RoleKind fromWireName(String s) {
        for (RoleKind k : values()) {
            if (k.wireName().equals(s)) {
                return k;
            }
        }
        throw new IllegalArgumentException("a role is one of admin, monitor, analyst, party_liaison, guarantor,"
                + " public; got '" + s + "'");
    }
}
