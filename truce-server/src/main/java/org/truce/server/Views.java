package org.truce.server;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.Commitment;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.Condition;
import org.truce.agreement.ExchangeStage;
import org.truce.agreement.NavigationSafetyArea;
import org.truce.agreement.Party;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.Position;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.ProcessMilestone;
import org.truce.agreement.SourceRef;
import org.truce.agreement.Statement;
import org.truce.agreement.StrikeMoratorium;
import org.truce.agreement.WindowReading;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.assessment.Evidence;
import org.truce.assessment.ReadingOutcome;
import org.truce.facility.ProtectedObject;
import org.truce.report.Report;
import org.truce.store.finding.StoredFinding;
import org.truce.store.report.ReportContent;
import org.truce.store.report.ReportVersion;
import org.truce.store.report.Source;
import org.truce.store.report.StoredEvidence;
import org.truce.store.report.StoredReport;

/**
 * How the API writes domain and stored values as JSON: snake_case names, report fields named like
 * ACLED columns, ISO 8601 dates and UTC instants, {@code null} for what is not known. The one
 * place that fixes the wire form, so the OpenAPI document has one thing to describe.
 */
final class Views {

    private Views() {
    }

    // --- agreements ---------------------------------------------------------------------------

    static Map<String, Object> agreementSummary(Agreement a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("parties", a.parties().stream().map(Party::id).toList());
        m.put("commitment_count", a.commitments().size());
        m.put("position_count", a.positions().size());
        return m;
    }

    static Map<String, Object> agreement(Agreement a, Set<String> assessed) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("title", a.title());
        m.put("statements", a.statements().stream().map(Views::statement).toList());
        m.put("parties", a.parties().stream().map(Views::party).toList());
        m.put("commitments", a.commitments().stream().map(c -> commitment(c, assessed.contains(c.id()))).toList());
        m.put("positions", a.positions().stream().map(Views::position).toList());
        return m;
    }

    private static Map<String, Object> statement(Statement s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("source", s.source());
        m.put("language", s.language());
        m.put("published", date(s.published()));
        m.put("location", s.location());
        return m;
    }

    private static Map<String, Object> party(Party p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("name", p.name());
        m.put("actor_names", p.actorNames());
        return m;
    }

    private static Map<String, Object> commitment(Commitment c, boolean assessed) {
        CommitmentTerms t = c.terms();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("kind", c.kind().wireName());
        m.put("title", t.title());
        m.put("proposed_by", t.proposedBy());
        m.put("parties", t.parties().stream().map(Views::partyStatus).toList());
        m.put("windows", t.readings().stream().map(Views::window).toList());
        m.put("conditions", t.conditions().stream().map(Views::condition).toList());
        m.put("source", sourceRef(t.basis()));
        m.put("assessed_from_reports", assessed);
        m.put("scope", scope(c));
        return m;
    }

    /** What only this kind of commitment has: what it protects, where, or what it promises. */
    private static Map<String, Object> scope(Commitment c) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (c.kind()) {
            case STRIKE_MORATORIUM -> {
                StrikeMoratorium s = (StrikeMoratorium) c;
                m.put("protected_category_prefixes", s.protectedCategoryPrefixes());
                m.put("event_types", sorted(s.eventTypes()));
                m.put("radius_m", s.radius_m());
            }
            case CEASEFIRE_ZONE -> {
                CeasefireZone z = (CeasefireZone) c;
                m.put("zone", z.zone());
                m.put("event_types", sorted(z.eventTypes()));
                m.put("buffer_m", z.buffer_m());
            }
            case NAVIGATION_SAFETY_AREA -> {
                NavigationSafetyArea n = (NavigationSafetyArea) c;
                m.put("zone", n.zone());
                m.put("event_types", sorted(n.eventTypes()));
                m.put("buffer_m", n.buffer_m());
            }
            case PRISONER_EXCHANGE -> {
                PrisonerExchange x = (PrisonerExchange) c;
                m.put("total_per_side", x.totalPerSide());
                m.put("stages", x.stages().stream().map(Views::stage).toList());
            }
            case PROCESS_MILESTONE -> {
                ProcessMilestone p = (ProcessMilestone) c;
                m.put("step", p.step().wireName());
                m.put("description", p.description());
                m.put("due", date(p.due()));
            }
        }
        return m;
    }

    private static Map<String, Object> stage(ExchangeStage s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("date", date(s.date()));
        m.put("per_side", s.perSide());
        List<Object> transfers = new ArrayList<>();
        for (ExchangeStage.Transfer t : s.transfers()) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("from", t.fromParty());
            tm.put("to", t.toParty());
            tm.put("persons", t.persons());
            tm.put("who", t.who());
            transfers.add(tm);
        }
        m.put("transfers", transfers);
        m.put("source", sourceRef(s.basis()));
        return m;
    }

    private static Map<String, Object> partyStatus(PartyStatus s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("party", s.party());
        m.put("stance", s.stance().wireName());
        m.put("since", date(s.since()));
        m.put("binds", s.binds());
        m.put("source", sourceRef(s.basis()));
        return m;
    }

    private static Map<String, Object> window(WindowReading r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("label", r.label());
        m.put("from", date(r.window().from()));
        m.put("until_exclusive", date(r.window().untilExclusive()));
        m.put("stated_duration", r.window().statedDuration());
        m.put("source", sourceRef(r.basis()));
        return m;
    }

    private static Map<String, Object> condition(Condition c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", c instanceof Condition.Reciprocity ? "reciprocity" : "stated");
        m.put("text", c.describe());
        return m;
    }

    private static Map<String, Object> position(Position p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("party", p.party());
        m.put("demand", p.demand());
        m.put("source", sourceRef(p.basis()));
        return m;
    }

    private static Map<String, Object> sourceRef(SourceRef r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("statement", r.statement());
        m.put("sentence", r.sentence());
        m.put("note", r.note());
        return m;
    }

    // --- sources and reports ------------------------------------------------------------------

    static Map<String, Object> source(Source s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("kind", s.kind().wireName());
        return m;
    }

    /** The current version of a stored report, its content flattened in beside the store's fields. */
    static Map<String, Object> report(StoredReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("source_id", r.sourceId());
        m.put("version", r.version());
        m.put("deleted", r.deleted());
        m.put("deleted_at", instant(r.deletedAt()));
        m.put("created_at", instant(r.createdAt()));
        m.put("updated_at", instant(r.updatedAt()));
        m.put("content_sha256", r.contentSha256());
        m.putAll(content(r.content()));
        return m;
    }

    static Map<String, Object> content(ReportContent c) {
        Report r = c.report();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_id_cnty", r.id());
        m.put("event_date", date(r.eventDate()));
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
        m.put("radius_m", c.radius_m());
        m.put("notes", r.notes());
        m.put("notes_language", c.notesLanguage());
        m.put("fatalities", r.fatalities());
        m.put("explosions", c.explosions());
        m.put("target", r.target());
        m.put("target_category", c.targetCategory());
        m.put("source", r.source());
        m.put("extra", new TreeMap<>(r.extra()));
        return m;
    }

    static Map<String, Object> version(ReportVersion v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", v.version());
        m.put("change", v.change().wireName());
        m.put("reason", v.reason());
        m.put("received_at", instant(v.receivedAt()));
        m.put("content_sha256", v.contentSha256());
        m.put("content", content(v.content()));
        return m;
    }

    static Map<String, Object> evidenceItem(StoredEvidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("kind", e.item().kind().wireName());
        m.put("location", e.item().location());
        m.put("sha256", e.item().sha256());
        m.put("size_bytes", e.item().size_bytes());
        m.put("media_type", e.item().mediaType());
        m.put("received_at", instant(e.item().receivedAt()));
        return m;
    }

    // --- findings -----------------------------------------------------------------------------

    static Map<String, Object> finding(StoredFinding f) {
        Assessment a = f.assessment();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", f.id());
        m.put("report_id", f.reportId());
        m.put("report_version", f.reportVersion());
        m.put("event_id_cnty", a.reportId());
        m.put("agreement_id", f.basis().agreementId());
        m.put("commitment_id", a.commitmentId());
        m.put("kind", a.kind().wireName());
        m.put("outcome", a.outcome().wireName());
        m.put("reason", a.reason());
        m.put("party", party(a.party()));
        m.put("target_path", a.targetPath().wireName());
        m.put("readings", a.readings().stream().map(Views::reading).toList());
        m.put("trace", a.trace().stream().map(Views::check).toList());
        m.put("evidence", evidence(a.evidence()));
        m.put("agreement_version", f.basis().agreementVersion());
        m.put("reference_version", f.basis().referenceVersion());
        m.put("computed_at", instant(f.computedAt()));
        return m;
    }

    /** The party a finding attributes a report to; null when the actor belongs to no party. */
    static String party(String party) {
        return party == null || party.isEmpty() ? null : party;
    }

    private static Map<String, Object> reading(ReadingOutcome r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reading", r.reading());
        m.put("outcome", r.outcome().wireName());
        m.put("reason", r.reason() == null ? "" : r.reason());
        return m;
    }

    private static Map<String, Object> check(Check c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("condition", c.condition());
        m.put("verdict", c.verdict().wireName());
        m.put("detail", c.detail());
        return m;
    }

    private static Map<String, Object> evidence(Evidence e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (e instanceof Evidence.NearestObject n) {
            ProtectedObject o = n.object();
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("id", o.id());
            object.put("name", o.name());
            object.put("category", o.category());
            object.put("latitude", o.location().lat_deg());
            object.put("longitude", o.location().lon_deg());
            m.put("kind", "nearest_object");
            m.put("object", object);
            m.put("distance_m", n.distance_m());
        } else if (e instanceof Evidence.ZoneDistance z) {
            m.put("kind", "zone_distance");
            m.put("zone", z.zone());
            m.put("distance_m", Double.isFinite(z.distance_m()) ? z.distance_m() : null);
        } else {
            m.put("kind", "none");
        }
        return m;
    }

    // --- small values ---------------------------------------------------------------------------

    static String date(LocalDate d) {
        return d == null ? null : d.toString();
    }

    static String instant(Instant t) {
        return t == null ? null : t.toString();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
