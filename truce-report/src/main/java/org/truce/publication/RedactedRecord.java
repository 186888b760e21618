package org.truce.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.truce.access.Permission;
import org.truce.access.RecordScope;
import org.truce.access.Redaction;
import org.truce.access.Role;
import org.truce.assessment.Assessment;
import org.truce.exchange.ExchangeLedger;
import org.truce.geo.GeoPoint;
import org.truce.incident.IncidentAssessment;
import org.truce.incident.VerificationStatus;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.finding.FindingCount;
import org.truce.timeline.Timeline;

/**
 * The record as one role may read it, for the publications (the exports and the daily report):
 * the same decisions as the API's answers, taken by the same two places. Reports and incidents
 * outside the role's {@link RecordScope} are left out; every report that remains goes through
 * {@link Redaction} as the catalog's {@code report} view, and every source as its {@code source}
 * view, so a field the catalog withholds from the role is blank in every format, and exact
 * coordinates are rounded to the same grid. A report in no incident counts as unchecked: only
 * the roles that see every incident get it.
 *
 * <p>A field the exports cannot leave blank (the report's id, its day, its findings) and that the
 * catalog would withhold stops the publication with an error rather than go out: fail closed.
 */
public final class RedactedRecord implements RecordView {

    private static final Set<String> BLANKABLE = Set.of("source_id", "actor1", "actor2", "sub_event_type",
            "country", "admin1", "location", "source", "notes", "target", "extra");

    private final RecordView whole;
    private final Redaction redaction;
    private final Role role;
    private final RecordScope.Reach reach;

    private RedactedRecord(RecordView whole, Redaction redaction, Role role) {
        this.whole = whole;
        this.redaction = redaction;
        this.role = role;
        this.reach = RecordScope.reachOf(role);
        requireFindingsPublishable();
    }

    /**
     * {@code whole} as {@code role} may read it. The roles cleared to take publications unredacted
     * ({@link Permission#EXPORT_UNREDACTED}) get {@code whole} itself: for them the catalog keeps
     * every field and the scope every incident, so the bytes are those of {@code truce export}.
     */
    public static RecordView of(RecordView whole, Redaction redaction, Role role) {
        return role.may(Permission.EXPORT_UNREDACTED) ? whole : new RedactedRecord(whole, redaction, role);
    }

    @Override
    public List<FindingCount> findingCounts(String agreementId) {
        if (reach.everyIncident()) {
            return whole.findingCounts(agreementId);
        }
        // Counted again over the reports in scope, so no total shows what the role may not see.
        Map<FindingCount, Long> counts = new HashMap<>();
        for (ObservedReport o : reportsBetween(agreementId, null, null)) {
            for (Assessment a : o.findings()) {
                counts.merge(new FindingCount(a.commitmentId(), a.party(), o.report().eventDate(), a.outcome(), 0), 1L,
                        Long::sum);
            }
        }
        return counts.entrySet().stream()
                .map(e -> new FindingCount(e.getKey().commitmentId(), e.getKey().party(), e.getKey().day(),
                        e.getKey().outcome(), e.getValue()))
                .sorted(Comparator.comparing(FindingCount::commitmentId).thenComparing(FindingCount::day)
                        .thenComparing(c -> String.valueOf(c.party())).thenComparing(FindingCount::outcome))
                .toList();
    }

    @Override
    public List<ObservedReport> reportsBetween(String agreementId, LocalDate from, LocalDate to) {
        List<ObservedReport> all = whole.reportsBetween(agreementId, from, to);
        Set<String> incidentIds = new LinkedHashSet<>();
        all.stream().filter(o -> o.incident() != null).forEach(o -> incidentIds.add(o.incident().incidentId()));
        Map<String, ? extends Set<String>> parties = reach.everyIncident() || reach.concernedParty() == null
                ? Map.of() : whole.partiesConcerned(agreementId, incidentIds);
        List<ObservedReport> out = new ArrayList<>();
        for (ObservedReport o : all) {
            VerificationStatus status = o.incident() == null ? VerificationStatus.REPORTED : o.incident().status();
            Set<String> concerned = o.incident() == null ? Set.of()
                    : parties.containsKey(o.incident().incidentId()) ? parties.get(o.incident().incidentId()) : Set.of();
            if (reach.includes(status, concerned)) {
                out.add(redacted(o));
            }
        }
        return out;
    }

    @Override
    public Map<String, String> sourceNames() {
        Map<String, String> out = new TreeMap<>();
        whole.sourceNames().forEach((id, name) -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("name", name);
            Map<String, Object> seen = redaction.apply("source", view, role).view();
            if (seen.get("id") instanceof String i && seen.get("name") instanceof String n) {
                out.put(i, n);
            }
        });
        return out;
    }

    @Override
    public List<ObservedIncident> incidentsOf(String agreementId, Collection<Long> reportIds) {
        List<ObservedIncident> out = new ArrayList<>();
        for (ObservedIncident i : whole.incidentsOf(agreementId, reportIds)) {
            Set<String> concerned = new LinkedHashSet<>();
            for (IncidentAssessment f : i.findings()) {
                if (f.party() != null) {
                    concerned.add(f.party());
                }
            }
            if (reach.includes(i.status(), concerned)) {
                out.add(new ObservedIncident(i.id(), i.status(), i.firstDay(), i.lastDay(), i.independentSources(),
                        i.findings(), i.members().stream().map(this::redacted).toList()));
            }
        }
        return out;
    }

    @Override
    public Map<String, ? extends Set<String>> partiesConcerned(String agreementId, Collection<String> incidentIds) {
        return whole.partiesConcerned(agreementId, incidentIds);
    }

    @Override
    public Optional<ExchangeLedger> exchanges() {
        return whole.exchanges();
    }

    @Override
    public Optional<Timeline> timeline() {
        return whole.timeline();
    }

    @Override
    public Optional<DailyReport.Checkpoint> checkpointAtEndOf(LocalDate day) {
        return whole.checkpointAtEndOf(day);
    }

    /** The report as the catalog's {@code report} view lets the role read it, withheld text blank. */
    private ObservedReport redacted(ObservedReport o) {
        Report r = o.report();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("event_id_cnty", r.id());
        view.put("source_id", o.sourceId());
        view.put("version", o.version());
        view.put("event_date", r.eventDate().toString());
        view.put("time_precision", r.timePrecision().code());
        view.put("event_type", r.eventType());
        view.put("sub_event_type", r.subEventType());
        view.put("actor1", r.actor1());
        view.put("actor2", r.actor2());
        view.put("country", r.country());
        view.put("admin1", r.admin1());
        view.put("location", r.location());
        view.put("latitude", r.point().lat_deg());
        view.put("longitude", r.point().lon_deg());
        view.put("geo_precision", r.geoPrecision().code());
        view.put("source", r.source());
        view.put("notes", r.notes());
        view.put("fatalities", r.fatalities());
        view.put("target", r.target());
        view.put("extra", new TreeMap<>(r.extra()));
        Map<String, Object> seen = redaction.apply("report", view, role).view();
        for (String field : view.keySet()) {
            if (!seen.containsKey(field) && !BLANKABLE.contains(field)) {
                throw new IllegalStateException("the field catalog withholds report." + field + " from " + role
                        + ", and the publications cannot leave it out; change the catalog or the exports");
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, String> extra = seen.get("extra") instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
        Report shown = new Report((String) seen.get("event_id_cnty"), LocalDate.parse((String) seen.get("event_date")),
                TimePrecision.ofCode((Integer) seen.get("time_precision")), (String) seen.get("event_type"),
                text(seen, "sub_event_type"), text(seen, "actor1"), text(seen, "actor2"), text(seen, "country"),
                text(seen, "admin1"), text(seen, "location"),
                new GeoPoint(((Number) seen.get("latitude")).doubleValue(), ((Number) seen.get("longitude")).doubleValue()),
                GeoPrecision.ofCode((Integer) seen.get("geo_precision")), text(seen, "source"), text(seen, "notes"),
                (Integer) seen.get("fatalities"), text(seen, "target"), extra);
        return new ObservedReport(o.reportId(), text(seen, "source_id"), o.version(), shown, o.findings(), o.incident());
    }

    private static String text(Map<String, Object> view, String field) {
        return view.get(field) instanceof String s ? s : "";
    }

    /**
     * The exports carry each finding's commitment, outcome, reason, party and trace as they are;
     * the catalog must let the role read all of them (it calls findings public: what both sides
     * must be able to check). Whether a field is withheld depends only on its path and the role.
     */
    private void requireFindingsPublishable() {
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("condition", "");
        check.put("verdict", "");
        check.put("detail", "");
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("commitment_id", "");
        finding.put("outcome", "");
        finding.put("reason", "");
        finding.put("party", "");
        finding.put("trace", List.of(check));
        List<String> removed = redaction.apply("finding", finding, role).removed();
        if (!removed.isEmpty()) {
            throw new IllegalStateException("the field catalog withholds " + removed + " from " + role
                    + ", and the publications cannot leave it out; change the catalog or the exports");
        }
    }
}
