package org.truce.publication.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.publication.ObservedReport;
import org.truce.report.Report;

/** A report and its findings as plain maps for the JSON and GeoJSON exports, named like ACLED columns. */
final class ReportFields {

    private ReportFields() {
    }

    /** The report's ACLED fields, without the point (GeoJSON carries it as geometry). */
    static Map<String, Object> attributes(ObservedReport o) {
        Report r = o.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id_cnty", r.id());
        m.put("source_id", o.sourceId());
        m.put("version", o.version());
        m.put("event_date", r.eventDate().toString());
        m.put("time_precision", r.timePrecision().code());
        m.put("event_type", r.eventType());
        m.put("sub_event_type", r.subEventType());
        m.put("actor1", r.actor1());
        m.put("actor2", r.actor2());
        m.put("country", r.country());
        m.put("admin1", r.admin1());
        m.put("location", r.location());
        m.put("geo_precision", r.geoPrecision().code());
        m.put("source", r.source());
        m.put("notes", r.notes());
        m.put("fatalities", r.fatalities());
        m.put("target", r.target());
        m.put("extra", new TreeMap<String, Object>(r.extra()));
        m.put("incident_id", o.incident() == null ? null : o.incident().incidentId());
        m.put("verification", o.incident() == null ? null : o.incident().status().label());
        return m;
    }

    static List<Object> findings(ObservedReport o, boolean withTrace) {
        List<Object> out = new ArrayList<>();
        for (Assessment a : o.findings()) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("commitment_id", a.commitmentId());
            f.put("outcome", a.outcome().wireName());
            f.put("reason", a.reason());
            f.put("party", a.party());
            if (withTrace) {
                List<Object> trace = new ArrayList<>();
                for (Check c : a.trace()) {
                    trace.add(Map.of("condition", c.condition(), "verdict", c.verdict().wireName(), "detail",
                            c.detail()));
                }
                f.put("trace", trace);
            }
            out.add(f);
        }
        return out;
    }
}
