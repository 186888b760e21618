package org.truce.publication.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.truce.publication.ObservedReport;
import org.truce.store.json.CanonicalJson;

/**
 * The whole record under one agreement as one JSON document: the sources, and every live report
 * with its ACLED fields, its point and its findings with their rule trace. Canonical JSON (sorted
 * keys, no whitespace), so the same record gives the same bytes and the same hash.
 */
public final class RecordJsonExport {

    /** Raised when the document's shape changes, so readers can tell. */
    public static final int FORMAT_VERSION = 1;

    private RecordJsonExport() {
    }

    public static void write(String agreementId, Map<String, String> sourceNames, List<ObservedReport> reports,
            Writer out) throws IOException {
        List<Object> sources = new ArrayList<>();
        sourceNames.forEach((id, name) -> sources.add(Map.of("id", id, "name", name)));
        List<Object> items = new ArrayList<>();
        for (ObservedReport o : reports) {
            Map<String, Object> m = ReportFields.attributes(o);
            m.put("latitude", o.report().point().lat_deg());
            m.put("longitude", o.report().point().lon_deg());
            m.put("findings", ReportFields.findings(o, true));
            items.add(m);
        }
        out.write(CanonicalJson.write(Map.of("format", "truce-record", "format_version", FORMAT_VERSION,
                "agreement_id", agreementId, "sources", sources, "reports", items)));
        out.write('\n');
        out.flush();
    }
}
