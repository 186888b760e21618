package org.truce.store.report;

import java.util.Locale;

/** A piece of evidence is a file received, or a link. */
public enum EvidenceKind {
    FILE,
    URL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EvidenceKind fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
