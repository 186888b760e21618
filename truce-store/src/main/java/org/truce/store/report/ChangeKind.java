package org.truce.store.report;

import java.util.Locale;

/** Why a report got a new version. */
public enum ChangeKind {
    /** First seen. */
    CREATED,
    /** Seen again with different content. */
    UPDATED,
    /** The source withdrew it (absent from a full re-import, or deleted by hand); the row is kept. */
    DELETED,
    /** Seen again after a deletion. */
    RESTORED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChangeKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
