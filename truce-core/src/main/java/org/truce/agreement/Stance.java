package org.truce.agreement;

/** Where a party stands on a commitment, as of {@link PartyStatus#since()}. */
public enum Stance {
    /** Put the commitment forward; binds nobody by itself. */
    PROPOSED,
    /** Accepted: bound from its window's start. */
    ACCEPTED,
    /** Accepted only in principle or with open conditions; not yet bound. */
    ACCEPTED_IN_PRINCIPLE,
    /** Asked to accept and has not (yet) said so. */
    PENDING,
    REJECTED,
    /** Was bound and declared it suspended. */
    SUSPENDED,
    WITHDRAWN;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
