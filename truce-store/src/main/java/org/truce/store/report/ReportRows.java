package org.truce.store.report;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.Handle;

/** The current report rows as the record's audit needs them: each one's content digest, worked out again from its columns. */
public final class ReportRows {

    private ReportRows() {
    }

    /** Report id to the SHA-256 of the canonical JSON of its columns now (deleted reports included). */
    public static Map<Long, String> recomputedContentSha256(Handle h) {
        Map<Long, String> out = new LinkedHashMap<>();
        h.createQuery("SELECT " + ReportStatements.COLUMNS + " FROM reports ORDER BY id")
                .map((rs, ctx) -> ReportStatements.storedReport(rs))
                .forEach(r -> out.put(r.id(), ReportJson.sha256(r.content())));
        return out;
    }
}
