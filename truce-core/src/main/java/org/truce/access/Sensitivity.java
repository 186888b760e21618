package org.truce.access;

import java.util.Locale;

/** How far a field of the record may travel. Ordered: each level includes the ones before it. */
public enum Sensitivity {
    /** Anyone, signed in or not. */
    PUBLIC,
    /** People with a role in the mission or the process: monitors, analysts, guarantors. */
    RESTRICTED,
    /** Only those who must act on it: who reported from where, a monitor's exact position. */
    SECRET;

    public boolean includes(Sensitivity other) {
        return other.ordinal() <= ordinal();
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Sensitivity fromWireName(String s) {
        for (Sensitivity v : values()) {
            if (v.wireName().equals(s)) {
                return v;
            }
        }
        throw new IllegalArgumentException("a sensitivity is public, restricted or secret, got '" + s + "'");
    }
}
