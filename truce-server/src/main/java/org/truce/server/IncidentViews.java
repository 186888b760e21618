package org.truce.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.truce.incident.IncidentAssessment;
import org.truce.incident.JoinReason;
import org.truce.store.incident.IncidentHistoryEntry;
import org.truce.store.incident.IncidentMember;
import org.truce.store.incident.StoredIncident;
import org.truce.store.incident.StoredIncidentFinding;
import org.truce.store.report.EvidenceKind;
import org.truce.store.report.EvidenceRepository;
import org.truce.store.report.StoredEvidence;

/** How the API writes incidents as JSON; the wire form the OpenAPI document describes. */
final class IncidentViews {

    private static final ObjectMapper DETAILS = new ObjectMapper();

    private IncidentViews() {
    }

    /** One incident in a list: where, when, how many reports and sources, and its findings in brief. */
    static Map<String, Object> brief(StoredIncident i) {
        Map<String, Object> m = summary(i);
        List<Object> findings = new ArrayList<>();
        for (StoredIncidentFinding f : i.findings()) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("commitment_id", f.assessment().commitmentId());
            b.put("outcome", f.assessment().outcome().wireName());
            b.put("party", Views.party(f.assessment().party()));
            findings.add(b);
        }
        m.put("findings", findings);
        return m;
    }

    static Map<String, Object> detail(StoredIncident i, String redirectedFrom, List<IncidentMember> members,
            EvidenceRepository evidence, List<IncidentHistoryEntry> history) {
        Map<String, Object> m = summary(i);
        m.put("redirected_from", redirectedFrom);
        List<Object> reports = new ArrayList<>();
        List<Object> items = new ArrayList<>();
        for (IncidentMember member : members) {
            Map<String, Object> r = Views.report(member.report());
            r.put("join_reason", joinReason(member.reason()));
            reports.add(r);
            for (StoredEvidence e : evidence.listForReport(member.report().id())) {
                items.add(evidenceItem(e));
            }
        }
        m.put("reports", reports);
        m.put("evidence", items);
        m.put("findings", i.findings().stream().map(IncidentViews::finding).toList());
        m.put("history", history.stream().map(IncidentViews::entry).toList());
        return m;
    }

    private static Map<String, Object> summary(StoredIncident i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("status", i.status().label());
        m.put("event_type", i.eventType());
        m.put("first_day", Views.date(i.firstDay()));
        m.put("last_day", Views.date(i.lastDay()));
        m.put("latitude", i.latitude());
        m.put("longitude", i.longitude());
        m.put("radius_m", Math.round(i.radius_m() * 10) / 10.0);
        m.put("report_count", i.reportCount());
        m.put("independent_sources", i.independentSources());
        m.put("outcome", i.mostSeriousOutcome().map(o -> o.wireName()).orElse(null));
        return m;
    }

    private static Map<String, Object> finding(StoredIncidentFinding f) {
        IncidentAssessment a = f.assessment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("commitment_id", a.commitmentId());
        m.put("kind", a.kind().wireName());
        m.put("outcome", a.outcome().wireName());
        m.put("reason", a.reason());
        m.put("party", Views.party(a.party()));
        List<Object> trace = new ArrayList<>();
        a.trace().forEach(c -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("condition", c.condition());
            t.put("verdict", c.verdict().wireName());
            t.put("detail", c.detail());
            trace.add(t);
        });
        m.put("trace", trace);
        return m;
    }

    /** Every key always present, null where the kind of reason has no such figure. */
    private static Map<String, Object> joinReason(JoinReason reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        JoinReason.Near near = reason instanceof JoinReason.Near n ? n : null;
        String kind = near != null ? "near" : reason instanceof JoinReason.Anchor ? "anchor"
                : reason instanceof JoinReason.MergedIn ? "merged_in" : "split_off";
        m.put("kind", kind);
        m.put("anchor_report_id", near == null ? null : Long.parseLong(near.anchorReportId()));
        m.put("distance_m", near == null ? null : Math.round(near.distance_m() * 10) / 10.0);
        m.put("allowed_distance_m", near == null ? null : near.allowedDistance_m());
        m.put("days_apart", near == null ? null : near.daysApart());
        m.put("allowed_days", near == null ? null : near.allowedDays());
        m.put("type_relation", near == null ? null : near.typeRelation().name().toLowerCase(Locale.ROOT));
        String from = null;
        String by = null;
        String why = null;
        if (reason instanceof JoinReason.MergedIn mi) {
            from = mi.fromIncidentId();
            by = mi.by();
            why = mi.why();
        } else if (reason instanceof JoinReason.SplitOff so) {
            from = so.fromIncidentId();
            by = so.by();
            why = so.why();
        }
        m.put("from_incident_id", from);
        m.put("by", by);
        m.put("reason", why);
        return m;
    }

    private static Map<String, Object> evidenceItem(StoredEvidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean url = e.item().kind() == EvidenceKind.URL;
        String location = e.item().location();
        m.put("report_id", e.reportId());
        m.put("sha256", e.item().sha256());
        m.put("size_bytes", e.item().size_bytes());
        m.put("media_type", e.item().mediaType());
        m.put("received_at", Views.instant(e.item().receivedAt()));
        m.put("url", url ? location : null);
        // Only the file's name: where the evidence store keeps it is the server's business.
        m.put("file_name", url ? null : location.substring(Math.max(location.lastIndexOf('/'),
                location.lastIndexOf('\\')) + 1));
        return m;
    }

    private static Map<String, Object> entry(IncidentHistoryEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("at", Views.instant(e.at()));
        m.put("by", e.by());
        m.put("operation", e.operation());
        // A party's counter-claim is its published answer; an analyst's reason can say who saw what.
        boolean claim = e.operation().equals("counter_claim");
        m.put("reason", claim ? null : e.reason());
        m.put("claim", claim ? e.reason() : null);
        m.put("incident_id", e.incidentId());
        try {
            m.put("details", DETAILS.readTree(e.detailsJson()));
        } catch (IOException ex) {
            throw new UncheckedIOException("stored incident history details are not JSON", ex);
        }
        return m;
    }
}
