package org.truce.store.report;

import java.util.Locale;

/** What kind of source says something. */
public enum SourceKind {
    /** A dataset such as ACLED. */
    DATASET,
    /** A monitoring mission or an observer. */
    MONITOR,
    /** A party to an agreement, such as a ministry. */
    PARTY,
    /** A news outlet. */
    OUTLET,
    OTHER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SourceKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
