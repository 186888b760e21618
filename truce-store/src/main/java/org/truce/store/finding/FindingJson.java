package org.truce.store.finding;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.truce.assessment.Check;
import org.truce.assessment.Evidence;
import org.truce.assessment.Outcome;
import org.truce.assessment.ReadingOutcome;
import org.truce.assessment.Verdict;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.store.json.CanonicalJson;
import org.truce.store.json.JsonRead;

/** The JSON columns of a finding (readings, trace, evidence), written canonically and read back. */
final class FindingJson {

    private FindingJson() {
    }

    static String readings(List<ReadingOutcome> readings) {
        List<Object> list = new ArrayList<>();
        for (ReadingOutcome r : readings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reading", r.reading());
            m.put("outcome", r.outcome().wireName());
            m.put("reason", r.reason() == null ? "" : r.reason());
            list.add(m);
        }
        return CanonicalJson.write(list);
    }

    static List<ReadingOutcome> readReadings(String json) {
        List<ReadingOutcome> readings = new ArrayList<>();
        for (JsonNode n : JsonRead.tree(json)) {
            readings.add(new ReadingOutcome(JsonRead.text(n, "reading"), outcome(JsonRead.text(n, "outcome")),
                    JsonRead.text(n, "reason")));
        }
        return readings;
    }

    static String trace(List<Check> trace) {
        List<Object> list = new ArrayList<>();
        for (Check c : trace) {
            list.add(Map.of("condition", c.condition(), "verdict", c.verdict().wireName(), "detail", c.detail()));
        }
        return CanonicalJson.write(list);
    }

    static List<Check> readTrace(String json) {
        List<Check> trace = new ArrayList<>();
        for (JsonNode n : JsonRead.tree(json)) {
            trace.add(new Check(JsonRead.text(n, "condition"),
                    Verdict.valueOf(JsonRead.text(n, "verdict").toUpperCase(Locale.ROOT)), JsonRead.text(n, "detail")));
        }
        return trace;
    }

    /**
     * {@code {"kind":"nearest_object","object":{...},"distance_m":1701.3}},
     * {@code {"kind":"zone_distance","zone":"loc","distance_m":812.5}} (distance null when no zone
     * was in reach), or {@code {"kind":"none"}}.
     */
    static String evidence(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e instanceof Evidence.NearestObject n) {
            ProtectedObject o = n.object();
            m.put("kind", "nearest_object");
            m.put("object", Map.of("id", o.id(), "name", o.name(), "category", o.category(),
                    "latitude", o.location().lat_deg(), "longitude", o.location().lon_deg()));
            m.put("distance_m", n.distance_m());
        } else if (e instanceof Evidence.ZoneDistance z) {
            m.put("kind", "zone_distance");
            m.put("zone", z.zone());
            m.put("distance_m", Double.isInfinite(z.distance_m()) ? null : z.distance_m());
        } else {
            m.put("kind", "none");
        }
        return CanonicalJson.write(m);
    }

    static Evidence readEvidence(String json) {
        JsonNode n = JsonRead.tree(json);
        String kind = JsonRead.text(n, "kind");
        switch (kind) {
            case "nearest_object": {
                JsonNode o = n.get("object");
                ProtectedObject object = new ProtectedObject(JsonRead.text(o, "id"), JsonRead.text(o, "name"),
                        JsonRead.text(o, "category"),
                        GeoPoint.of(JsonRead.number(o, "latitude"), JsonRead.number(o, "longitude")));
                return new Evidence.NearestObject(object, JsonRead.number(n, "distance_m"));
            }
            case "zone_distance": {
                JsonNode d = n.get("distance_m");
                double distance = d == null || d.isNull() ? Double.POSITIVE_INFINITY : d.doubleValue();
                return new Evidence.ZoneDistance(JsonRead.text(n, "zone"), distance);
            }
            case "none":
                return Evidence.NONE;
            default:
                throw new IllegalStateException("unknown evidence kind in a stored finding: " + kind);
        }
    }

    static Outcome outcome(String wireName) {
        return Outcome.valueOf(wireName.toUpperCase(Locale.ROOT));
    }
}
