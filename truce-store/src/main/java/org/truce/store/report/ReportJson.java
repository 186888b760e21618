package org.truce.store.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.Sha256;
import org.truce.store.json.CanonicalJson;
import org.truce.store.json.JsonRead;

/**
 * The canonical JSON of a report's content, the form kept in {@code report_versions} and hashed.
 * Keys are the column names; the four optional fields are left out when unknown, so that adding
 * another optional field later does not change the bytes (and hash) of content that lacks it.
 */
final class ReportJson {

    private ReportJson() {
    }

    static String write(ReportContent c) {
        return CanonicalJson.write(toMap(c));
    }

    static String sha256(ReportContent c) {
        return Sha256.hex(write(c));
    }

    static Map<String, Object> toMap(ReportContent c) {
        Report r = c.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("external_id", r.id());
        m.put("event_date", r.eventDate().toString());
        m.put("time_precision", r.timePrecision().code());
        m.put("event_type", r.eventType());
        m.put("sub_event_type", r.subEventType());
        m.put("actor1", r.actor1());
        m.put("actor2", r.actor2());
        m.put("country", r.country());
        m.put("admin1", r.admin1());
        m.put("location", r.location());
        m.put("latitude", r.point().lat_deg());
        m.put("longitude", r.point().lon_deg());
        m.put("geo_precision", r.geoPrecision().code());
        m.put("target", r.target());
        m.put("fatalities", r.fatalities());
        m.put("cited_source", r.source());
        m.put("notes", r.notes());
        m.put("extra", r.extra());
        putIfKnown(m, "radius_m", c.radius_m());
        putIfKnown(m, "target_category", c.targetCategory());
        putIfKnown(m, "explosions", c.explosions());
        putIfKnown(m, "notes_language", c.notesLanguage());
        return m;
    }

    static ReportContent read(String json) {
        JsonNode o = JsonRead.tree(json);
        Report r = new Report(
                JsonRead.text(o, "external_id"),
                LocalDate.parse(JsonRead.text(o, "event_date")),
                TimePrecision.ofCode(o.get("time_precision").intValue()),
                JsonRead.text(o, "event_type"),
                JsonRead.text(o, "sub_event_type"),
                JsonRead.text(o, "actor1"),
                JsonRead.text(o, "actor2"),
                JsonRead.text(o, "country"),
                JsonRead.text(o, "admin1"),
                JsonRead.text(o, "location"),
                GeoPoint.of(JsonRead.number(o, "latitude"), JsonRead.number(o, "longitude")),
                GeoPrecision.ofCode(o.get("geo_precision").intValue()),
                JsonRead.text(o, "cited_source"),
                JsonRead.text(o, "notes"),
                o.get("fatalities").intValue(),
                JsonRead.text(o, "target"),
                JsonRead.stringMap(o.get("extra")));
        return new ReportContent(r, JsonRead.textOrNull(o, "target_category"), JsonRead.intOrNull(o, "explosions"),
                JsonRead.intOrNull(o, "radius_m"), JsonRead.textOrNull(o, "notes_language"));
    }

    private static void putIfKnown(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
