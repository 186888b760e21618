package org.truce.store.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.truce.access.RecordScope;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Outcome;
import org.truce.incident.Incident;
import org.truce.incident.IncidentAssessment;
import org.truce.incident.IncidentLedger;
import org.truce.incident.Member;
import org.truce.incident.Verification;
import org.truce.incident.VerificationStatus;
import org.truce.report.Report;
import org.truce.store.finding.FindingBasis;
import org.truce.store.internal.Sql;

/**
 * Incidents as stored: listed with filters, one by id (an id merged away resolves to the
 * survivor), with members, findings and history; and the analyst's operations (merge, split,
 * verification status), each one transaction under the grouping lock, refused whole with an
 * {@link IncidentRefusedException} naming the rule. The rules themselves are those of
 * {@code org.truce.incident}: a ledger of the incidents concerned does the operation, and the store
 * writes what it produced.
 */
public final class IncidentRepository {

    private static final String COLUMNS = "i.id, i.status, i.anchor_event_type, i.first_day, i.last_day, i.latitude, "
            + "i.longitude, i.radius_m, i.report_count, i.independent_sources, i.created_by";

    private final Jdbi jdbi;
    private final Clock clock;
    private final IncidentSettings settings;

    public IncidentRepository(Jdbi jdbi, Clock clock, IncidentSettings settings) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.settings = settings;
    }

    /** An incident found by an id: the current one, and the id asked for when it was merged away. */
    public record Found(StoredIncident incident, Optional<String> redirectedFrom) {
    }

    /** The incident {@code id} is now, with its findings under {@code agreementId}. */
    public Optional<Found> find(String id, String agreementId) {
        return jdbi.withHandle(h -> resolve(h, id).map(current -> {
            StoredIncident incident = h.createQuery("SELECT " + COLUMNS + " FROM incidents i WHERE i.id = :id")
                    .bind("id", current)
                    .map((rs, ctx) -> incident(rs))
                    .one();
            incident = incident.withFindings(findings(h, agreementId, List.of(current)).getOrDefault(current,
                    List.of()));
            return new Found(incident, current.equals(id) ? Optional.empty() : Optional.of(id));
        }));
    }

    /** The incident a report is part of, if any. */
    public Optional<String> findIncidentOf(long reportId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT incident_id FROM incident_members WHERE report_id = :r")
                .bind("r", reportId)
                .mapTo(String.class)
                .findOne());
    }

    /**
     * The current incident of each report that is in one, with its status, in one query: the
     * exports label every row with it.
     */
    public Map<Long, IncidentMembership> membershipsOf(Collection<Long> reportIds) {
        Map<Long, IncidentMembership> out = new LinkedHashMap<>();
        if (reportIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT m.report_id, i.id, i.status FROM incident_members m "
                        + "JOIN incidents i ON i.id = m.incident_id WHERE m.report_id IN (<ids>) ORDER BY m.report_id")
                .bindList("ids", new ArrayList<>(reportIds))
                .map((rs, ctx) -> new IncidentMembership(rs.getLong("report_id"), rs.getString("id"),
                        IncidentStatements.status(rs.getString("status"))))
                .forEach(m -> out.put(m.reportId(), m)));
        return out;
    }

    /**
     * The parties the findings of each incident name under {@code agreementId} (the parties an
     * incident concerns, as {@code RecordScope} reads them), by incident id; an incident whose
     * findings name none is left out.
     */
    public Map<String, SortedSet<String>> partiesConcerned(String agreementId, Collection<String> incidentIds) {
        Map<String, SortedSet<String>> out = new LinkedHashMap<>();
        if (incidentIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT DISTINCT incident_id, party FROM incident_findings "
                        + "WHERE agreement_id = :a AND party IS NOT NULL AND incident_id IN (<ids>)")
                .bind("a", agreementId)
                .bindList("ids", new ArrayList<>(incidentIds))
                .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                .forEach(e -> out.computeIfAbsent(e.getKey(), k -> new TreeSet<>()).add(e.getValue())));
        return out;
    }

    /** The reports of a current incident, by report id, each with why it is there. */
    public List<IncidentMember> members(String currentId) {
        return jdbi.withHandle(h -> IncidentStatements.members(h, currentId));
    }

    /** The operations on a current incident and on every incident merged into it, oldest first. */
    public List<IncidentHistoryEntry> history(String currentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT incident_id, changed_at, by_name, operation, reason, "
                        + "details_json FROM incident_history WHERE incident_id = :i OR incident_id IN "
                        + "(SELECT old_id FROM incident_redirects WHERE new_id = :i) ORDER BY id")
                .bind("i", currentId)
                .map((rs, ctx) -> new IncidentHistoryEntry(rs.getString("incident_id"), Sql.instant(rs, "changed_at"),
                        rs.getString("by_name"), rs.getString("operation"), rs.getString("reason"),
                        rs.getString("details_json")))
                .list());
    }

    /** The current incidents matching {@code filter}, by first day then id, with their findings. */
    public List<StoredIncident> listMatching(IncidentFilter filter, int limit, int offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative, got " + limit + ", " + offset);
        }
        return jdbi.withHandle(h -> {
            List<StoredIncident> page = bind(h.createQuery("SELECT " + COLUMNS + " FROM incidents i" + where(filter)
                    + " ORDER BY i.first_day, i.id LIMIT :limit OFFSET :offset"), filter)
                    .bind("limit", limit)
                    .bind("offset", offset)
                    .map((rs, ctx) -> incident(rs))
                    .list();
            Map<String, List<StoredIncidentFinding>> findings = findings(h, filter.agreementId(),
                    page.stream().map(StoredIncident::id).toList());
            return page.stream().map(i -> i.withFindings(findings.getOrDefault(i.id(), List.of()))).toList();
        });
    }

    public long countMatching(IncidentFilter filter) {
        return jdbi.withHandle(h -> bind(h.createQuery("SELECT COUNT(*) FROM incidents i" + where(filter)), filter)
                .mapTo(Long.class)
                .one());
    }

    /**
     * Groups a report stored by an import (its content and its {@code findings} under {@code basis}
     * already stored): as the API's intake does, it joins the nearest matching incident or starts
     * its own, and a report already in an incident has that incident recomputed. Returns the
     * incident id.
     */
    public String place(long reportId, String sourceId, Report content, FindingBasis basis,
            List<Assessment> findings) {
        Instant now = now();
        return Sql.inTransactionRetryingOnConflict(jdbi,
                h -> IncidentStatements.place(h, settings, basis, reportId, sourceId, content, findings, now));
    }

    /** Whether the report is in an incident. */
    public boolean isGrouped(long reportId) {
        return jdbi.withHandle(h -> IncidentStatements.incidentOf(h, reportId).isPresent());
    }

    /**
     * Recomputes the incidents of {@code reportIds} under {@code basis}, after their reports'
     * findings were recomputed (the agreement, a facility list or a zone changed). Returns the ids
     * of the incidents recomputed, sorted.
     */
    public List<String> recomputeForReports(Collection<Long> reportIds, FindingBasis basis) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        Instant now = now();
        return jdbi.inTransaction(h -> {
            IncidentStatements.lock(h);
            List<String> ids = h.createQuery("SELECT DISTINCT incident_id FROM incident_members "
                            + "WHERE report_id IN (<ids>) ORDER BY incident_id")
                    .bindList("ids", new ArrayList<>(reportIds))
                    .mapTo(String.class)
                    .list();
            for (String id : ids) {
                IncidentStatements.recompute(h, settings, basis, id, now);
            }
            return ids;
        });
    }

    /**
     * Merges {@code absorbedId} into {@code survivorId}: the absorbed incident's reports move to the
     * survivor, its id redirects there, and the survivor's findings under {@code basis} are recomputed.
     * Returns the survivor's current id.
     */
    public String merge(String survivorId, String absorbedId, String by, String why, FindingBasis basis) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            IncidentStatements.lock(h);
            Incident survivor = current(h, survivorId);
            Incident absorbed = current(h, absorbedId);
            if (survivor.id().equals(absorbed.id())) {
                throw new IncidentRefusedException(RefusalRule.SAME_INCIDENT, "incidents " + survivorId + " and "
                        + absorbedId + " are already one: " + survivor.id());
            }
            if (survivor.family() != absorbed.family()) {
                throw new IncidentRefusedException(RefusalRule.ONE_EVENT_FAMILY, "cannot merge " + absorbed.id()
                        + " into " + survivor.id() + ": an incident has one event family, and they are "
                        + absorbed.family() + " and " + survivor.family());
            }
            Incident merged = ledger(survivor, absorbed, now).merge(survivor.id(), absorbed.id(), by, now, why)
                    .incident(survivor.id());
            for (Member m : merged.members()) {
                if (absorbed.contains(m.reportId())) {
                    IncidentStatements.moveMember(h, Long.parseLong(m.reportId()), survivor.id(), m.reason());
                }
            }
            updateStatusAndCreators(h, survivor.id(), merged.status(), merged.createdBy(), now);
            h.createUpdate("DELETE FROM incident_findings WHERE incident_id = :a").bind("a", absorbed.id()).execute();
            // Redirects stay flat: whatever pointed at the absorbed id now points at the survivor.
            h.createUpdate("UPDATE incident_redirects SET new_id = :s WHERE new_id = :a")
                    .bind("s", survivor.id())
                    .bind("a", absorbed.id())
                    .execute();
            h.createUpdate("DELETE FROM incidents WHERE id = :a").bind("a", absorbed.id()).execute();
            h.createUpdate("INSERT INTO incident_redirects (old_id, new_id, redirected_at) VALUES (:a, :s, :now)")
                    .bind("a", absorbed.id())
                    .bind("s", survivor.id())
                    .bind("now", Sql.timestamp(now))
                    .execute();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("absorbed", absorbed.id());
            details.put("report_ids", reportIds(absorbed.reportIds()));
            details.put("status_after", merged.status().label());
            IncidentStatements.history(h, survivor.id(), "merged", by, why, details, now);
            IncidentStatements.history(h, absorbed.id(), "absorbed", by, why, Map.of("into", survivor.id()), now);
            IncidentStatements.recompute(h, settings, basis, survivor.id(), now);
            return survivor.id();
        });
    }

    /**
     * Splits {@code reportIds} off an incident into a new one ({@code INC-<smallest moved id>}, with a
     * suffix when that id was ever used), created by {@code by}; both incidents' findings under
     * {@code basis} are recomputed. Returns the new incident's id.
     */
    public String split(String incidentId, Collection<Long> reportIds, String by, String why, FindingBasis basis) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            IncidentStatements.lock(h);
            Incident from = current(h, incidentId);
            SortedSet<String> moving = new TreeSet<>();
            for (long r : reportIds) {
                if (!from.contains(Long.toString(r))) {
                    throw new IncidentRefusedException(RefusalRule.REPORT_NOT_IN_INCIDENT, "report " + r
                            + " is not in incident " + from.id());
                }
                moving.add(Long.toString(r));
            }
            if (moving.size() == from.members().size()) {
                throw new IncidentRefusedException(RefusalRule.KEEP_ONE_REPORT, "incident " + from.id()
                        + " must keep at least one report; a split that moves all of them changes nothing");
            }
            IncidentLedger after = ledger(from, null, now).split(from.id(), moving, by, now, why);
            Incident rest = after.incident(from.id());
            Incident moved = after.incidents().stream().filter(i -> !i.id().equals(from.id())).findFirst()
                    .orElseThrow();
            String newId = unusedId(h, splitId(moved));
            Member anchor = moved.members().get(0);
            IncidentStatements.insertIncident(h, newId, anchor.report(), VerificationStatus.REPORTED,
                    moved.createdBy(), now);
            for (Member m : moved.members()) {
                IncidentStatements.moveMember(h, Long.parseLong(m.reportId()), newId, m.reason());
            }
            updateStatusAndCreators(h, from.id(), rest.status(), rest.createdBy(), now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("new_incident", newId);
            details.put("report_ids", reportIds(moving));
            details.put("status_after", rest.status().label());
            IncidentStatements.history(h, from.id(), "split", by, why, details, now);
            IncidentStatements.history(h, newId, "split_off", by, why,
                    Map.of("from", from.id(), "report_ids", reportIds(moving)), now);
            IncidentStatements.recompute(h, settings, basis, from.id(), now);
            IncidentStatements.recompute(h, settings, basis, newId, now);
            return newId;
        });
    }

    /**
     * Changes an incident's verification status if the workflow allows it (see
     * {@link Verification}); records who, when and why. Returns the current id.
     */
    public String changeStatus(String incidentId, VerificationStatus to, String by, String why) {
        Instant now = now();
        return jdbi.inTransaction(h -> {
            IncidentStatements.lock(h);
            Incident incident = current(h, incidentId);
            Optional<String> refusal = Verification.refusal(incident, to, by);
            if (refusal.isPresent()) {
                throw new IncidentRefusedException(rule(incident, to), refusal.get());
            }
            VerificationStatus from = incident.status();
            h.createUpdate("UPDATE incidents SET status = :s, updated_at = :now WHERE id = :id")
                    .bind("s", to.label())
                    .bind("now", Sql.timestamp(now))
                    .bind("id", incident.id())
                    .execute();
            h.createUpdate("INSERT INTO incident_verifications (incident_id, from_status, to_status, by_name, reason, "
                            + "changed_at) VALUES (:i, :from, :to, :by, :why, :now)")
                    .bind("i", incident.id())
                    .bind("from", from.label())
                    .bind("to", to.label())
                    .bind("by", by)
                    .bind("why", why)
                    .bind("now", Sql.timestamp(now))
                    .execute();
            IncidentStatements.history(h, incident.id(), "status_changed", by, why,
                    Map.of("from", from.label(), "to", to.label()), now);
            return incident.id();
        });
    }

    /** Which rule {@link Verification#refusal} applied, in the order it checks them. */
    private static RefusalRule rule(Incident incident, VerificationStatus to) {
        if (incident.status() == to) {
            return RefusalRule.ALREADY_IN_STATUS;
        }
        if (!Verification.ALLOWED.get(incident.status()).contains(to)) {
            return RefusalRule.TRANSITION;
        }
        if (to == VerificationStatus.CORROBORATED) {
            return RefusalRule.INDEPENDENT_SOURCES;
        }
        return RefusalRule.FOUR_EYES;
    }

    private static String splitId(Incident moved) {
        return org.truce.incident.IncidentGrouper.ID_PREFIX + moved.members().stream().map(Member::reportId)
                .mapToLong(Long::parseLong).min().orElseThrow();
    }

    /** {@code wanted}, or {@code wanted-2}, {@code -3}...: the first id no incident or redirect ever had. */
    private static String unusedId(Handle h, String wanted) {
        String id = wanted;
        for (int n = 2; used(h, id); n++) {
            id = wanted + "-" + n;
        }
        return id;
    }

    private static boolean used(Handle h, String id) {
        return h.createQuery("SELECT (SELECT COUNT(*) FROM incidents WHERE id = :id) "
                        + "+ (SELECT COUNT(*) FROM incident_redirects WHERE old_id = :id) "
                        + "+ (SELECT COUNT(*) FROM incident_history WHERE incident_id = :id)")
                .bind("id", id)
                .mapTo(Long.class)
                .one() > 0;
    }

    private IncidentLedger ledger(Incident a, Incident b, Instant now) {
        List<Incident> incidents = b == null ? List.of(a) : List.of(a, b);
        return IncidentLedger.of(incidents, settings.groupedBy(), now, "as stored");
    }

    private Incident current(Handle h, String id) {
        String resolved = resolve(h, id).orElseThrow(() -> new NoSuchIncidentException(id));
        return IncidentStatements.load(h, settings, resolved).orElseThrow(() -> new NoSuchIncidentException(id));
    }

    private static Optional<String> resolve(Handle h, String id) {
        return h.createQuery("SELECT id FROM incidents WHERE id = :id UNION ALL "
                        + "SELECT new_id FROM incident_redirects WHERE old_id = :id")
                .bind("id", id)
                .mapTo(String.class)
                .findFirst();
    }

    private static void updateStatusAndCreators(Handle h, String id, VerificationStatus status,
            SortedSet<String> createdBy, Instant now) {
        h.createUpdate("UPDATE incidents SET status = :s, created_by = :by, updated_at = :now WHERE id = :id")
                .bind("s", status.label())
                .bind("by", org.truce.store.json.CanonicalJson.write(List.copyOf(createdBy)))
                .bind("now", Sql.timestamp(now))
                .bind("id", id)
                .execute();
    }

    private static List<Long> reportIds(Collection<String> ids) {
        return ids.stream().map(Long::parseLong).sorted().toList();
    }

    private static Map<String, List<StoredIncidentFinding>> findings(Handle h, String agreementId,
            Collection<String> incidentIds) {
        Map<String, List<StoredIncidentFinding>> out = new LinkedHashMap<>();
        if (incidentIds.isEmpty()) {
            return out;
        }
        h.createQuery("SELECT incident_id, agreement_id, agreement_version, reference_version, commitment_id, "
                        + "commitment_kind, outcome, reason, party, trace_json, computed_at FROM incident_findings "
                        + "WHERE agreement_id = :a AND incident_id IN (<ids>) ORDER BY incident_id, commitment_id")
                .bind("a", agreementId)
                .bindList("ids", new ArrayList<>(incidentIds))
                .map((rs, ctx) -> finding(rs))
                .forEach(f -> out.computeIfAbsent(f.incidentId(), k -> new ArrayList<>()).add(f));
        return out;
    }

    private static StoredIncidentFinding finding(ResultSet rs) throws SQLException {
        IncidentAssessment a = new IncidentAssessment(rs.getString("commitment_id"),
                CommitmentKind.fromWireName(rs.getString("commitment_kind")).orElseThrow(),
                Outcome.valueOf(rs.getString("outcome").toUpperCase(java.util.Locale.ROOT)), rs.getString("reason"),
                rs.getString("party"), IncidentJson.readTrace(rs.getString("trace_json")));
        return new StoredIncidentFinding(rs.getString("incident_id"), new FindingBasis(rs.getString("agreement_id"),
                rs.getString("agreement_version"), rs.getString("reference_version")),
                Sql.instant(rs, "computed_at"), a);
    }

    private static StoredIncident incident(ResultSet rs) throws SQLException {
        return new StoredIncident(rs.getString("id"), IncidentStatements.status(rs.getString("status")),
                rs.getString("anchor_event_type"), Sql.localDate(rs, "first_day"), Sql.localDate(rs, "last_day"),
                rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getDouble("radius_m"),
                rs.getInt("report_count"), rs.getInt("independent_sources"),
                IncidentStatements.createdBy(rs.getString("created_by")), List.of());
    }

    private static String where(IncidentFilter f) {
        List<String> c = new ArrayList<>();
        if (f.commitmentId() != null || f.party() != null) {
            c.add("EXISTS (SELECT 1 FROM incident_findings f WHERE f.incident_id = i.id AND f.agreement_id = :a"
                    + (f.commitmentId() != null ? " AND f.commitment_id = :c" : "")
                    + (f.party() != null ? " AND f.party = :p" : "") + ")");
        }
        if (f.status() != null) {
            c.add("i.status = :s");
        }
        if (f.bbox() != null) {
            c.add("i.latitude BETWEEN :min_lat AND :max_lat AND i.longitude BETWEEN :min_lon AND :max_lon");
        }
        if (f.from() != null) {
            c.add("i.last_day >= :from");
        }
        if (f.to() != null) {
            c.add("i.first_day <= :to");
        }
        if (f.narrowed()) {
            // RecordScope.Reach.includes, as SQL: settled, or a finding naming the reader's party.
            c.add("(i.status IN (<settled>)" + (f.reach().concernedParty() == null ? ""
                    : " OR EXISTS (SELECT 1 FROM incident_findings rf WHERE rf.incident_id = i.id"
                    + " AND rf.agreement_id = :reach_a AND rf.party = :reach_party)") + ")");
        }
        return c.isEmpty() ? "" : " WHERE " + String.join(" AND ", c);
    }

    private static Query bind(Query q, IncidentFilter f) {
        if (f.commitmentId() != null || f.party() != null) {
            q.bind("a", f.agreementId());
        }
        if (f.commitmentId() != null) {
            q.bind("c", f.commitmentId());
        }
        if (f.party() != null) {
            q.bind("p", f.party());
        }
        if (f.status() != null) {
            q.bind("s", f.status().label());
        }
        if (f.bbox() != null) {
            q.bind("min_lat", f.bbox().minLat_deg()).bind("max_lat", f.bbox().maxLat_deg())
                    .bind("min_lon", f.bbox().minLon_deg()).bind("max_lon", f.bbox().maxLon_deg());
        }
        if (f.from() != null) {
            q.bind("from", Sql.date(f.from()));
        }
        if (f.to() != null) {
            q.bind("to", Sql.date(f.to()));
        }
        if (f.narrowed()) {
            q.bindList("settled", RecordScope.SETTLED.stream().map(VerificationStatus::label).sorted().toList());
            if (f.reach().concernedParty() != null) {
                q.bind("reach_a", f.agreementId()).bind("reach_party", f.reach().concernedParty());
            }
        }
        return q;
    }

    private Instant now() {
        return Sql.storable(clock.instant());
    }
}
