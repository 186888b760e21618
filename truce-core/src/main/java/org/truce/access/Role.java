package org.truce.access;

import java.util.Objects;

/**
 * A role as held by one account: its kind and, for a party's liaison, the party (such as
 * {@code RU} or {@code UA}, the agreement's party ids). Written {@code party_liaison:RU}.
 */
public record Role(RoleKind kind, String party) {

    public static final Role PUBLIC = new Role(RoleKind.PUBLIC, null);

    public Role {
        Objects.requireNonNull(kind, "kind");
        if (kind == RoleKind.PARTY_LIAISON) {
            if (party == null || !party.matches("[A-Za-z0-9_-]{1,20}")) {
                throw new IllegalArgumentException("a party liaison needs its party id (letters, digits, '_' or '-'),"
                        + " got '" + party + "'");
            }
        } else if (party != null) {
            throw new IllegalArgumentException("only a party liaison has a party; " + kind.wireName() + " has none");
        }
    }

    public static Role of(RoleKind kind) {
        return new Role(kind, null);
    }

    public static Role liaisonOf(String party) {
        return new Role(RoleKind.PARTY_LIAISON, party);
    }

    /** Reads {@code admin}, {@code analyst}, {@code party_liaison:UA}, ... */
    public static Role parse(String text) {
        int colon = text.indexOf(':');
        RoleKind kind = RoleKind.fromWireName(colon < 0 ? text : text.substring(0, colon));
        return new Role(kind, colon < 0 ? null : text.substring(colon + 1));
    }

    public Sensitivity clearance() {
        return kind.clearance();
    }

    public boolean may(Permission p) {
        return p.allows(kind);
    }

    @Override
    public String toString() {
        return party == null ? kind.wireName() : kind.wireName() + ":" + party;
    }
}
