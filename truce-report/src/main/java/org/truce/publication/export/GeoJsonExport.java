package org.truce.publication.export;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.truce.publication.ObservedReport;
import org.truce.store.json.CanonicalJson;

/**
 * Reports as an RFC 7946 FeatureCollection of points (WGS84, longitude first), each with its ACLED
 * fields and its findings (commitment, outcome, reason, party) as properties. Written in the
 * store's canonical JSON, so the same record gives the same bytes.
 */
public final class GeoJsonExport {

    private GeoJsonExport() {
    }

    public static void write(List<ObservedReport> reports, Writer out) throws IOException {
        List<Object> features = new ArrayList<>();
        for (ObservedReport o : reports) {
            Map<String, Object> properties = ReportFields.attributes(o);
            properties.put("findings", ReportFields.findings(o, false));
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("geometry", Map.of("type", "Point", "coordinates",
                    List.of(o.report().point().lon_deg(), o.report().point().lat_deg())));
            feature.put("properties", properties);
            features.add(feature);
        }
        out.write(CanonicalJson.write(Map.of("type", "FeatureCollection", "features", features)));
        out.write('\n');
        out.flush();
    }
}
