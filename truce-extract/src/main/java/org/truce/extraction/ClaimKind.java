package org.truce.extraction;

import java.util.Locale;

/** How a sentence is someone else's word rather than the statement's own. */
public enum ClaimKind {
    /** An outlet or unnamed sources report something ("selon Bloomberg", "officials said"). */
    REPORT,
    /** One side says the other violated something. */
    ACCUSATION,
    /** One side denies something said about it. */
    DENIAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
