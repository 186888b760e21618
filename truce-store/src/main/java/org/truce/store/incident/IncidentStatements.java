package org.truce.store.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Evidence;
import org.truce.assessment.Outcome;
import org.truce.geo.GeoPoint;
import org.truce.incident.EventFamily;
import org.truce.incident.Incident;
import org.truce.incident.IncidentAssessment;
import org.truce.incident.IncidentGrouper;
import org.truce.incident.JoinReason;
import org.truce.incident.Member;
import org.truce.incident.Place;
import org.truce.incident.TimeSpan;
import org.truce.incident.TypeRelation;
import org.truce.incident.VerificationStatus;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.Sha256;
import org.truce.store.finding.FindingBasis;
import org.truce.store.internal.Sql;
import org.truce.store.json.CanonicalJson;
import org.truce.store.json.JsonRead;
import org.truce.store.record.RecordLogRepository;
import org.truce.store.record.RecordedChange;
import org.truce.store.report.ReportStatements;
import org.truce.store.report.StoredReport;

/**
 * The SQL behind incidents, on a handle whose transaction the caller owns, so that the intake
 * groups a report in the transaction that stores it. Every transaction that groups or changes
 * incidents first takes the {@link GroupingLocks} it needs: two reports of one event arriving at
 * once are then grouped one after the other, and cannot both start an incident.
 */
public final class IncidentStatements {

    /** Metres per degree of latitude on the 6,371,008.8 m sphere, rounded down so the box is never too small. */
    private static final double METRES_PER_DEGREE = 111_000;

    private static final int MAX_TIME_UNCERTAINTY_DAYS = Arrays.stream(TimePrecision.values())
            .mapToInt(TimePrecision::uncertainty_days).max().orElseThrow();
    private static final double MAX_GEO_UNCERTAINTY_M = Arrays.stream(GeoPrecision.values())
            .mapToDouble(GeoPrecision::uncertainty_m).max().orElseThrow();

    private static final Comparator<Member> ANCHORS_FIRST = Comparator
            .comparingInt((Member m) -> m.report().geoPrecision().code())
            .thenComparingInt(m -> m.report().timePrecision().code())
            .thenComparing(m -> m.report().eventDate())
            .thenComparingLong(m -> Long.parseLong(m.reportId()));

    private IncidentStatements() {
    }

    /** The incident a report is part of, if any. */
    public static Optional<String> incidentOf(Handle h, long reportId) {
        return h.createQuery("SELECT incident_id FROM incident_members WHERE report_id = :r")
                .bind("r", reportId)
                .mapTo(String.class)
                .findOne();
    }

    /**
     * Runs {@code work}, a batch of intakes that each call {@link #place} on {@code h} under a
     * savepoint of their own, with the grouping lock taken once for the batch where the database
     * allows it (see {@link GroupingLocks#forBatch}).
     */
    public static <T> T groupingAsOneBatch(Handle h, java.util.function.Supplier<T> work) {
        return GroupingLocks.forBatch(h, work);
    }

    /** Takes the grouping lock for an operation on whole incidents until the transaction ends (see {@link GroupingLocks}). */
    public static void lock(Handle h) {
        GroupingLocks.forAll(h);
    }

    /**
     * Groups a report just stored: a report already in an incident stays there and its incident is
     * recomputed (its content or findings may have changed); a new one joins the nearest matching
     * incident, compared with each candidate's anchor by the grouping rules, or starts its own.
     * Candidates come from one indexed query on family, anchor day and latitude. A report that
     * joins adds its {@code findings} (its findings under {@code basis}, as just stored) to the
     * incident's (see {@link #join}); the other cases recompute the incident whole. Returns the
     * incident id.
     */
    public static String place(Handle h, IncidentSettings settings, FindingBasis basis, long reportId,
            String sourceId, Report content, List<Assessment> findings, Instant now) {
        return place(h, settings, basis, reportId, sourceId, content, findings, now, false);
    }

    /**
     * {@link #place}, for a report created in this transaction whose {@code findings} were stored in
     * it too when {@code justStored}: the report cannot be in an incident yet, so that is not looked
     * up, and an incident it starts is written from what is in hand (its one member, its findings)
     * instead of being written and then recomputed from the rows just inserted. What is stored is
     * the same either way; the intake writer saves about half of a new incident's statements.
     */
    public static String place(Handle h, IncidentSettings settings, FindingBasis basis, long reportId,
            String sourceId, Report content, List<Assessment> findings, Instant now, boolean justStored) {
        GroupingLocks.forIntake(h);
        if (!justStored) {
            Optional<String> home = incidentOf(h, reportId);
            if (home.isPresent()) {
                GroupingLocks.forIncident(h, home.get());
                recompute(h, settings, basis, home.get(), now);
                return home.get();
            }
        }
        Report report = forGrouping(reportId, sourceId, content);
        Reach reach = Reach.of(settings, report);
        GroupingLocks.forReach(h, reach.family(), reach.from(), reach.to(), reach.lat0_deg(), reach.lat1_deg());
        IncidentGrouper grouper = new IncidentGrouper(settings.rules(), settings.affiliations());
        Candidate best = null;
        JoinReason.Near bestNear = null;
        for (Candidate c : candidates(h, reach)) {
            Optional<JoinReason.Near> near = grouper.compare(c.anchor(), report);
            if (near.isPresent() && (best == null || closer(near.get(), c.id(), bestNear, best.id()))) {
                best = c;
                bestNear = near.get();
            }
        }
        if (best != null) {
            String incidentId = best.id();
            insertMember(h, reportId, incidentId, bestNear, now);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("report_id", reportId);
            details.putAll(reasonDetails(bestNear));
            List<Member> members = join(h, settings, basis, incidentId, reportId, findings, now);
            // Written after the join, which changes neither status, creators nor members, with
            // the state the candidate row and the join have just read: the same entry as reading it again.
            history(h, incidentId, "joined", settings.groupedBy(), "near the anchor in time and place", details, now,
                    new Standing(best.status(), List.copyOf(createdBy(best.createdByJson())), memberIds(members)));
            return incidentId;
        }
        String incidentId = IncidentGrouper.ID_PREFIX + reportId;
        SortedSet<String> creators = new TreeSet<>(List.of(settings.groupedBy()));
        if (justStored) {
            startFromHand(h, settings, basis, incidentId, reportId, sourceId, content, findings, creators, now);
            return incidentId;
        }
        insertIncident(h, incidentId, report, VerificationStatus.REPORTED, creators, now);
        insertMember(h, reportId, incidentId, new JoinReason.Anchor(), now);
        history(h, incidentId, "created", settings.groupedBy(), "no incident near in time and place",
                Map.of("report_id", reportId), now);
        recompute(h, settings, basis, incidentId, now);
        return incidentId;
    }

    /**
     * A new incident with one member, the report just stored, written as {@link #place} followed by
     * {@link #recompute} leaves it: the derived columns from the member as its grouping row reads
     * (see {@link #groupingMembers}), the findings combined from {@code findings} alone, and the
     * history row with the state just written.
     */
    private static void startFromHand(Handle h, IncidentSettings settings, FindingBasis basis, String incidentId,
            long reportId, String sourceId, Report content, List<Assessment> findings, SortedSet<String> creators,
            Instant now) {
        Member member = new Member(groupingRow(reportId, sourceId, content),
                settings.affiliations().partyOf(groupingSource(sourceId, content.source())), "",
                new JoinReason.Anchor());
        List<Member> members = List.of(member);
        insertDerived(h, incidentId, members, VerificationStatus.REPORTED, creators, now);
        insertMember(h, reportId, incidentId, new JoinReason.Anchor(), now);
        TreeMap<String, List<Assessment>> byReport = new TreeMap<>();
        byReport.put(Long.toString(reportId), findings);
        writeFindings(h, basis, incidentId, IncidentAssessment.combine(byReport), now, false);
        history(h, incidentId, "created", settings.groupedBy(), "no incident near in time and place",
                Map.of("report_id", reportId), now,
                new Standing(VerificationStatus.REPORTED.label(), List.copyOf(creators), List.of(reportId)));
    }

    /**
     * Updates an incident that report {@code reportId} has just joined. A new member cannot move the
     * anchor, and can only add its line to each of the incident's findings and raise its outcome,
     * so the findings are the stored ones with the new report's added
     * ({@link IncidentAssessment#withReport}) instead of being combined again from every member's
     * findings: the cost of a join no longer grows with the incident's findings. The row's derived
     * columns (days, place, counts) are computed from the members' few grouping columns. When the
     * stored findings may not be what combining gives (a member was deleted since, or no member is
     * the anchor, after a split), the incident is recomputed whole.
     */
    private static List<Member> join(Handle h, IncidentSettings settings, FindingBasis basis, String incidentId,
            long reportId, List<Assessment> findings, Instant now) {
        GroupingMembers members = groupingMembers(h, settings, incidentId);
        boolean anchored = members.members().stream().anyMatch(m -> m.reason() instanceof JoinReason.Anchor);
        if (!anchored || members.anyDeleted()) {
            writeDerived(h, incidentId, members.members(), now);
            combineAll(h, basis, incidentId, now);
            return members.members();
        }
        writeDerived(h, incidentId, members.members(), now);
        if (findings.isEmpty()) {
            return members.members();
        }
        Map<String, IncidentAssessment> combined = new TreeMap<>();
        storedFindings(h, incidentId, basis.agreementId()).forEach(a -> combined.put(a.commitmentId(), a));
        Set<String> stored = Set.copyOf(combined.keySet());
        String member = Long.toString(reportId);
        try {
            for (Assessment a : findings) {
                IncidentAssessment before = combined.get(a.commitmentId());
                combined.put(a.commitmentId(), before == null ? IncidentAssessment.first(member, a)
                        : before.withReport(member, a));
            }
        } catch (IllegalArgumentException unreadableTrace) {
            // A stored trace that combining did not write (edited in the database): combining
            // every member's findings again replaces it rather than refusing every later join.
            combineAll(h, basis, incidentId, now);
            return members.members();
        }
        updateFindings(h, basis, incidentId, combined, stored, now);
        return members.members();
    }

    /**
     * Writes a join's findings: the rows of commitments the incident had ({@code stored}) are
     * updated in place, the others inserted. The same rows as deleting and inserting them all
     * (what {@link #writeFindings} does), with one statement fewer per join and, on PostgreSQL,
     * no index entry to add when the outcome stays (an update in place of the row).
     */
    private static void updateFindings(Handle h, FindingBasis basis, String incidentId,
            Map<String, IncidentAssessment> combined, Set<String> stored, Instant now) {
        PreparedBatch updates = h.prepareBatch("UPDATE incident_findings SET agreement_version = :av, "
                + "reference_version = :refv, commitment_kind = :kind, outcome = :outcome, reason = :reason, "
                + "party = :party, trace_json = :trace, computed_at = :now "
                + "WHERE incident_id = :i AND agreement_id = :a AND commitment_id = :c");
        List<IncidentAssessment> added = new ArrayList<>();
        for (IncidentAssessment ia : combined.values()) {
            if (!stored.contains(ia.commitmentId())) {
                added.add(ia);
                continue;
            }
            bindFinding(updates, basis, incidentId, ia, now).add();
        }
        if (updates.size() > 0) {
            updates.execute();
        }
        writeFindings(h, basis, incidentId, added, now, false);
    }

    /**
     * Rewrites what an incident derives from its members (anchor, days, place, counts) and
     * replaces its findings under {@code basis} with those its reports' findings give.
     */
    public static void recompute(Handle h, IncidentSettings settings, FindingBasis basis, String incidentId,
            Instant now) {
        List<Member> members = groupingMembers(h, settings, incidentId).members();
        if (members.isEmpty()) {
            throw new NoSuchIncidentException(incidentId);
        }
        writeDerived(h, incidentId, members, now);
        combineAll(h, basis, incidentId, now);
    }

    /** Replaces the incident's findings under {@code basis} with those all its live reports' findings give. */
    private static void combineAll(Handle h, FindingBasis basis, String incidentId, Instant now) {
        writeFindings(h, basis, incidentId, IncidentAssessment.combine(briefFindings(h, incidentId,
                basis.agreementId())), now, true);
    }

    /** Rewrites the columns an incident derives from its members: anchor, days, place, counts. */
    private static void writeDerived(Handle h, String incidentId, List<Member> members, Instant now) {
        bindDerived(h.createUpdate("UPDATE incidents SET anchor_report_id = :ar, anchor_event_date = :ad, "
                        + "anchor_time_precision = :atp, anchor_latitude = :alat, anchor_longitude = :alon, "
                        + "anchor_geo_precision = :agp, anchor_event_type = :atype, first_day = :first, last_day = :last, "
                        + "latitude = :lat, longitude = :lon, radius_m = :radius, report_count = :n, "
                        + "independent_sources = :sources, updated_at = :now WHERE id = :id"), incidentId, members)
                .bind("now", Sql.timestamp(now))
                .execute();
    }

    /** Inserts a new incident with its derived columns as {@link #writeDerived} would then write them. */
    private static void insertDerived(Handle h, String incidentId, List<Member> members, VerificationStatus status,
            SortedSet<String> createdBy, Instant now) {
        Report anchor = members.get(0).report();
        bindDerived(h.createUpdate("INSERT INTO incidents (id, status, event_family, anchor_report_id, "
                        + "anchor_event_date, anchor_time_precision, anchor_latitude, anchor_longitude, "
                        + "anchor_geo_precision, anchor_event_type, first_day, last_day, latitude, longitude, radius_m, "
                        + "report_count, independent_sources, created_by, created_at, updated_at) VALUES (:id, :status, "
                        + ":family, :ar, :ad, :atp, :alat, :alon, :agp, :atype, :first, :last, :lat, :lon, :radius, :n, "
                        + ":sources, :by, :now, :now)"), incidentId, members)
                .bind("status", status.label())
                .bind("family", EventFamily.of(anchor.eventType()).name().toLowerCase(Locale.ROOT))
                .bind("by", CanonicalJson.write(List.copyOf(createdBy)))
                .bind("now", Sql.timestamp(now))
                .execute();
    }

    private static org.jdbi.v3.core.statement.Update bindDerived(org.jdbi.v3.core.statement.Update u,
            String incidentId, List<Member> members) {
        // Status and creators play no part in what is derived here.
        Incident incident = new Incident(incidentId, members, VerificationStatus.REPORTED, new TreeSet<>());
        Member anchor = incident.members().stream().filter(m -> m.reason() instanceof JoinReason.Anchor).findFirst()
                .orElseGet(() -> incident.members().stream().min(ANCHORS_FIRST).orElseThrow());
        Report a = anchor.report();
        TimeSpan span = incident.span();
        Place place = incident.place();
        return u.bind("ar", Long.parseLong(a.id()))
                .bind("ad", Sql.date(a.eventDate()))
                .bind("atp", a.timePrecision().code())
                .bind("alat", a.point().lat_deg())
                .bind("alon", a.point().lon_deg())
                .bind("agp", a.geoPrecision().code())
                .bind("atype", a.eventType())
                .bind("first", Sql.date(span.from()))
                .bind("last", Sql.date(span.to()))
                .bind("lat", place.centroid().lat_deg())
                .bind("lon", place.centroid().lon_deg())
                .bind("radius", place.radius_m())
                .bind("n", incident.members().size())
                .bind("sources", incident.independence().count())
                .bind("id", incidentId);
    }

    /**
     * Replaces the incident's findings under {@code basis} with {@code combined}. {@code replacing}:
     * false only for an incident inserted in this transaction, which has no findings to delete.
     */
    private static void writeFindings(Handle h, FindingBasis basis, String incidentId,
            List<IncidentAssessment> combined, Instant now, boolean replacing) {
        if (replacing) {
            h.createUpdate("DELETE FROM incident_findings WHERE incident_id = :i AND agreement_id = :a")
                    .bind("i", incidentId)
                    .bind("a", basis.agreementId())
                    .execute();
        }
        if (combined.isEmpty()) {
            return;
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO incident_findings (incident_id, agreement_id, "
                + "agreement_version, reference_version, commitment_id, commitment_kind, outcome, reason, party, "
                + "trace_json, computed_at) VALUES (:i, :a, :av, :refv, :c, :kind, :outcome, :reason, :party, :trace, "
                + ":now)");
        for (IncidentAssessment ia : combined) {
            bindFinding(batch, basis, incidentId, ia, now).add();
        }
        batch.execute();
    }

    private static PreparedBatch bindFinding(PreparedBatch batch, FindingBasis basis, String incidentId,
            IncidentAssessment ia, Instant now) {
        return batch.bind("i", incidentId)
                .bind("a", basis.agreementId())
                .bind("av", basis.agreementVersion())
                .bind("refv", basis.referenceVersion())
                .bind("c", ia.commitmentId())
                .bind("kind", ia.kind().wireName())
                .bind("outcome", ia.outcome().wireName())
                .bind("reason", ia.reason())
                .bind("party", ia.party())
                .bind("trace", IncidentJson.trace(ia.trace()))
                .bind("now", Sql.timestamp(now));
    }

    /** The incident's findings under one agreement as stored, by commitment. */
    private static List<IncidentAssessment> storedFindings(Handle h, String incidentId, String agreementId) {
        return h.createQuery("SELECT commitment_id, commitment_kind, outcome, reason, party, trace_json "
                        + "FROM incident_findings WHERE incident_id = :i AND agreement_id = :a ORDER BY commitment_id")
                .bind("i", incidentId)
                .bind("a", agreementId)
                .map((rs, ctx) -> new IncidentAssessment(rs.getString("commitment_id"),
                        CommitmentKind.fromWireName(rs.getString("commitment_kind")).orElseThrow(),
                        Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)), rs.getString("reason"),
                        rs.getString("party"), IncidentJson.readTrace(rs.getString("trace_json"))))
                .list();
    }

    /**
     * The incident's members with only what grouping derives from (day, time and geo precision,
     * place, type, cited source) and why each joined: no notes, no extra fields, nothing to parse;
     * and whether any of their reports is deleted. No members when there is no such incident.
     */
    private static GroupingMembers groupingMembers(Handle h, IncidentSettings settings, String incidentId) {
        boolean[] anyDeleted = {false};
        List<Member> members = h.createQuery("SELECT m.report_id, m.reason_kind, m.anchor_report_id, m.distance_m, "
                        + "m.allowed_distance_m, m.days_apart, m.allowed_days, m.type_relation, m.from_incident_id, "
                        + "m.by_name, m.why, r.source_id, r.event_date, r.time_precision, r.event_type, r.latitude, "
                        + "r.longitude, r.geo_precision, r.cited_source, r.deleted FROM incident_members m "
                        + "JOIN reports r ON r.id = m.report_id WHERE m.incident_id = :i ORDER BY m.report_id")
                .bind("i", incidentId)
                .map((rs, ctx) -> {
                    anyDeleted[0] |= rs.getBoolean("deleted");
                    Report r = groupingRow(rs.getLong("report_id"), Sql.localDate(rs, "event_date"),
                            TimePrecision.ofCode(rs.getInt("time_precision")), rs.getString("event_type"),
                            GeoPoint.of(rs.getDouble("latitude"), rs.getDouble("longitude")),
                            GeoPrecision.ofCode(rs.getInt("geo_precision")),
                            groupingSource(rs.getString("source_id"), rs.getString("cited_source")));
                    return new Member(r, settings.affiliations().partyOf(r.source()), "", reason(rs));
                })
                .list();
        return new GroupingMembers(members, anyDeleted[0]);
    }

    private record GroupingMembers(List<Member> members, boolean anyDeleted) {
    }

    /** A member's report with only the columns {@link #groupingMembers} reads. */
    private static Report groupingRow(long reportId, LocalDate eventDate, TimePrecision timePrecision,
            String eventType, GeoPoint point, GeoPrecision geoPrecision, String source) {
        return new Report(Long.toString(reportId), eventDate, timePrecision, eventType, "", "", "", "", "", "", point,
                geoPrecision, source, "", 0, "", Map.of());
    }

    /** {@link #groupingRow} of a report in hand, as the columns it is stored in give it back. */
    private static Report groupingRow(long reportId, String sourceId, Report r) {
        return groupingRow(reportId, r.eventDate(), r.timePrecision(), r.eventType(), r.point(), r.geoPrecision(),
                groupingSource(sourceId, r.source()));
    }

    /** The outlets a report cites, or the source that supplied it when it cites none. */
    private static String groupingSource(String sourceId, String cited) {
        return cited.isBlank() ? sourceId : cited;
    }

    private static List<Long> memberIds(List<Member> members) {
        return members.stream().map(m -> Long.parseLong(m.report().id())).toList();
    }

    /**
     * The current findings of the incident's live reports, by report id, with only what combining
     * them reads (commitment, kind, outcome, reason, party): the intake recomputes an incident on
     * every report that joins it, and parsing each member's trace and evidence JSON there was a
     * large share of its time (see docs/performance.md).
     */
    private static TreeMap<String, List<Assessment>> briefFindings(Handle h, String incidentId, String agreementId) {
        TreeMap<String, List<Assessment>> byReport = new TreeMap<>(Comparator.comparingLong(Long::parseLong));
        h.createQuery("SELECT f.report_id, r.external_id, f.commitment_id, f.commitment_kind, f.outcome, f.reason, "
                        + "f.party FROM findings f JOIN incident_members m ON m.report_id = f.report_id "
                        + "JOIN reports r ON r.id = f.report_id "
                        + "WHERE m.incident_id = :i AND f.agreement_id = :a AND r.deleted = FALSE "
                        + "ORDER BY f.report_id, f.commitment_id")
                .bind("i", incidentId)
                .bind("a", agreementId)
                .map((rs, ctx) -> {
                    Assessment a = new Assessment(rs.getString("external_id"), rs.getString("commitment_id"),
                            CommitmentKind.fromWireName(rs.getString("commitment_kind")).orElseThrow(),
                            Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)), rs.getString("reason"),
                            rs.getString("party"), List.of(), List.of(), Evidence.NONE,
                            Assessment.TargetPath.NOT_APPLICABLE);
                    byReport.computeIfAbsent(Long.toString(rs.getLong("report_id")), k -> new ArrayList<>()).add(a);
                    return a;
                })
                .list();
        return byReport;
    }

    /** The incident as the core sees it, members' reports included; empty when there is no such current id. */
    static Optional<Incident> load(Handle h, IncidentSettings settings, String incidentId) {
        Optional<Row> row = h.createQuery("SELECT status, created_by FROM incidents WHERE id = :id")
                .bind("id", incidentId)
                .map((rs, ctx) -> new Row(status(rs.getString("status")), createdBy(rs.getString("created_by"))))
                .findOne();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<Member> members = new ArrayList<>();
        for (IncidentMember m : members(h, incidentId)) {
            Report r = forGrouping(m.report().id(), m.report().sourceId(), m.report().report());
            members.add(new Member(r, settings.affiliations().partyOf(r.source()), "", m.reason()));
        }
        return Optional.of(new Incident(incidentId, members, row.get().status(), row.get().createdBy()));
    }

    static List<IncidentMember> members(Handle h, String incidentId) {
        return h.createQuery("SELECT m.reason_kind, m.anchor_report_id, m.distance_m, m.allowed_distance_m, "
                        + "m.days_apart, m.allowed_days, m.type_relation, m.from_incident_id, m.by_name, m.why, "
                        + "m.joined_at, " + ReportStatements.COLUMNS + " FROM incident_members m "
                        + "JOIN reports ON reports.id = m.report_id WHERE m.incident_id = :i ORDER BY m.report_id")
                .bind("i", incidentId)
                .map((rs, ctx) -> new IncidentMember(ReportStatements.storedReport(rs), reason(rs),
                        Sql.instant(rs, "joined_at")))
                .list();
    }

    /**
     * The report as grouping sees it: its id is the store's report id, so incident ids are
     * {@code INC-<report id>}, unique across sources; its source is the outlets it cites
     * (ACLED's {@code source}) or, when it cites none, the source that supplied it.
     */
    static Report forGrouping(long reportId, String sourceId, Report r) {
        String source = r.source().isBlank() ? sourceId : r.source();
        return new Report(Long.toString(reportId), r.eventDate(), r.timePrecision(), r.eventType(), r.subEventType(),
                r.actor1(), r.actor2(), r.country(), r.admin1(), r.location(), r.point(), r.geoPrecision(), source,
                r.notes(), r.fatalities(), r.target(), r.extra());
    }

    static void insertIncident(Handle h, String id, Report anchor, VerificationStatus status,
            SortedSet<String> createdBy, Instant now) {
        // The derived columns start as the anchor's own and are rewritten by recompute.
        h.createUpdate("INSERT INTO incidents (id, status, event_family, anchor_report_id, anchor_event_date, "
                        + "anchor_time_precision, anchor_latitude, anchor_longitude, anchor_geo_precision, "
                        + "anchor_event_type, first_day, last_day, latitude, longitude, radius_m, report_count, "
                        + "independent_sources, created_by, created_at, updated_at) VALUES (:id, :status, :family, :ar, "
                        + ":ad, :atp, :lat, :lon, :agp, :atype, :ad, :ad, :lat, :lon, 0, 1, 0, :by, :now, :now)")
                .bind("id", id)
                .bind("status", status.label())
                .bind("family", EventFamily.of(anchor.eventType()).name().toLowerCase(Locale.ROOT))
                .bind("ar", Long.parseLong(anchor.id()))
                .bind("ad", Sql.date(anchor.eventDate()))
                .bind("atp", anchor.timePrecision().code())
                .bind("lat", anchor.point().lat_deg())
                .bind("lon", anchor.point().lon_deg())
                .bind("agp", anchor.geoPrecision().code())
                .bind("atype", anchor.eventType())
                .bind("by", CanonicalJson.write(List.copyOf(createdBy)))
                .bind("now", Sql.timestamp(now))
                .execute();
    }

    static void insertMember(Handle h, long reportId, String incidentId, JoinReason reason, Instant now) {
        bindReason(h.createUpdate("INSERT INTO incident_members (report_id, incident_id, reason_kind, "
                        + "anchor_report_id, distance_m, allowed_distance_m, days_apart, allowed_days, type_relation, "
                        + "from_incident_id, by_name, why, joined_at) VALUES (:r, :i, :kind, :ar, :d, :ad, :days, "
                        + ":adays, :rel, :from, :by, :why, :now)"), reason)
                .bind("r", reportId)
                .bind("i", incidentId)
                .bind("now", Sql.timestamp(now))
                .execute();
    }

    /** Moves a member to {@code incidentId} with a new reason (a merge or a split). */
    static void moveMember(Handle h, long reportId, String incidentId, JoinReason reason) {
        bindReason(h.createUpdate("UPDATE incident_members SET incident_id = :i, reason_kind = :kind, "
                        + "anchor_report_id = :ar, distance_m = :d, allowed_distance_m = :ad, days_apart = :days, "
                        + "allowed_days = :adays, type_relation = :rel, from_incident_id = :from, by_name = :by, "
                        + "why = :why WHERE report_id = :r"), reason)
                .bind("r", reportId)
                .bind("i", incidentId)
                .execute();
    }

    private static org.jdbi.v3.core.statement.Update bindReason(org.jdbi.v3.core.statement.Update u, JoinReason reason) {
        u.bind("kind", kind(reason));
        JoinReason.Near near = reason instanceof JoinReason.Near n ? n : null;
        u.bind("ar", near == null ? null : Long.valueOf(near.anchorReportId()))
                .bind("d", near == null ? null : near.distance_m())
                .bind("ad", near == null ? null : near.allowedDistance_m())
                .bind("days", near == null ? null : (int) near.daysApart())
                .bind("adays", near == null ? null : (int) near.allowedDays())
                .bind("rel", near == null ? null : near.typeRelation().name().toLowerCase(Locale.ROOT));
        String from = null;
        String by = null;
        String why = null;
        if (reason instanceof JoinReason.MergedIn m) {
            from = m.fromIncidentId();
            by = m.by();
            why = m.why();
        } else if (reason instanceof JoinReason.SplitOff s) {
            from = s.fromIncidentId();
            by = s.by();
            why = s.why();
        }
        return u.bind("from", from).bind("by", by).bind("why", why);
    }

    static String kind(JoinReason reason) {
        if (reason instanceof JoinReason.Anchor) {
            return "anchor";
        }
        if (reason instanceof JoinReason.Near) {
            return "near";
        }
        return reason instanceof JoinReason.MergedIn ? "merged_in" : "split_off";
    }

    static Map<String, Object> reasonDetails(JoinReason.Near n) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("anchor_report_id", Long.parseLong(n.anchorReportId()));
        m.put("distance_m", Math.round(n.distance_m() * 10) / 10.0);
        m.put("allowed_distance_m", n.allowedDistance_m());
        m.put("days_apart", n.daysApart());
        m.put("allowed_days", n.allowedDays());
        m.put("type_relation", n.typeRelation().name().toLowerCase(Locale.ROOT));
        return m;
    }

    private static JoinReason reason(ResultSet rs) throws SQLException {
        switch (rs.getString("reason_kind")) {
            case "anchor":
                return new JoinReason.Anchor();
            case "near":
                return new JoinReason.Near(Long.toString(rs.getLong("anchor_report_id")), rs.getDouble("distance_m"),
                        rs.getDouble("allowed_distance_m"), rs.getInt("days_apart"), rs.getInt("allowed_days"),
                        TypeRelation.valueOf(rs.getString("type_relation").toUpperCase(Locale.ROOT)));
            case "merged_in":
                return new JoinReason.MergedIn(rs.getString("from_incident_id"), rs.getString("by_name"),
                        rs.getString("why"));
            case "split_off":
                return new JoinReason.SplitOff(rs.getString("from_incident_id"), rs.getString("by_name"),
                        rs.getString("why"));
            default:
                throw new IllegalStateException("unknown join reason in the store: " + rs.getString("reason_kind"));
        }
    }

    /**
     * Adds a row to the incident's history and appends it to the record, with the incident as it
     * now stands (status, creators, members), in the caller's transaction. Every operation that changes an
     * incident's membership or status writes its history row last, so the state is the one after it.
     */
    public static void history(Handle h, String incidentId, String operation, String by, String reason,
            Map<String, Object> details, Instant now) {
        history(h, incidentId, operation, by, reason, details, now, null);
    }

    /** What a history row's record entry holds of the incident: status, creators, members (ascending). */
    private record Standing(String status, List<String> createdBy, List<Long> members) {
    }

    /** {@link #history}, with the incident's state given when the caller knows it, else read back. */
    private static void history(Handle h, String incidentId, String operation, String by, String reason,
            Map<String, Object> details, Instant now, Standing known) {
        String detailsJson = CanonicalJson.write(details);
        long historyId = h.createUpdate("INSERT INTO incident_history (incident_id, operation, by_name, reason, "
                        + "details_json, changed_at) VALUES (:i, :op, :by, :reason, :details, :now)")
                .bind("i", incidentId)
                .bind("op", operation)
                .bind("by", by)
                .bind("reason", reason)
                .bind("details", detailsJson)
                .bind("now", Sql.timestamp(now))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one();
        Standing standing = known != null ? known : standing(h, incidentId);
        RecordLogRepository.append(h, new RecordedChange.Incident(historyId, incidentId, operation, by,
                Sha256.hex(reason), Sha256.hex(detailsJson), standing.status(), standing.createdBy(),
                standing.members()), now);
    }

    /** The incident's status, creators and members as {@code h} sees them. */
    private static Standing standing(Handle h, String incidentId) {
        Optional<String[]> row = h.createQuery("SELECT status, created_by FROM incidents WHERE id = :i")
                .bind("i", incidentId)
                .map((rs, ctx) -> new String[] {rs.getString(1), rs.getString(2)})
                .findOne();
        List<Long> members = h.createQuery("SELECT report_id FROM incident_members WHERE incident_id = :i "
                        + "ORDER BY report_id")
                .bind("i", incidentId)
                .mapTo(Long.class)
                .list();
        return new Standing(row.map(r -> r[0]).orElse(null), row.map(r -> List.copyOf(createdBy(r[1]))).orElse(List.of()),
                members);
    }

    /**
     * The incidents whose anchor {@code reach} may join: one indexed range per anchor time
     * precision, each only as wide as the grouping rules allow for that precision (a day-precise
     * anchor is compared within the rules' days plus the report's own uncertainty, not the 15 days
     * a month-precise one may be off). The same rows pass {@link IncidentGrouper#compare} as with
     * the one widest range; far fewer are read. PostgreSQL gets the ranges as one {@code UNION ALL}
     * (one round trip from the writer); H2 runs the one-range statement once per precision, because
     * it parses a {@code UNION} anew on every execution but keeps a plain {@code SELECT} parsed.
     */
    static List<Candidate> candidates(Handle h, Reach reach) {
        TimePrecision[] precisions = TimePrecision.values();
        if (!GroupingLocks.isPostgres(h)) {
            List<Candidate> out = new ArrayList<>();
            for (TimePrecision p : precisions) {
                out.addAll(h.createQuery(CANDIDATES_OF_ONE_PRECISION.replace("#", ""))
                        .bind("family", reach.family().name().toLowerCase(Locale.ROOT))
                        .bind("lat0", reach.lat0_deg())
                        .bind("lat1", reach.lat1_deg())
                        .bind("p", p.code())
                        .bind("from", Sql.date(reach.from(p)))
                        .bind("to", Sql.date(reach.to(p)))
                        .map((rs, ctx) -> candidate(rs))
                        .list());
            }
            return out;
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < precisions.length; i++) {
            sql.append(i > 0 ? " UNION ALL " : "")
                    .append(CANDIDATES_OF_ONE_PRECISION.replace("#", Integer.toString(i)));
        }
        var query = h.createQuery(sql.toString())
                .bind("family", reach.family().name().toLowerCase(Locale.ROOT))
                .bind("lat0", reach.lat0_deg())
                .bind("lat1", reach.lat1_deg());
        for (int i = 0; i < precisions.length; i++) {
            query.bind("p" + i, precisions[i].code())
                    .bind("from" + i, Sql.date(reach.from(precisions[i])))
                    .bind("to" + i, Sql.date(reach.to(precisions[i])));
        }
        return query.map((rs, ctx) -> candidate(rs)).list();
    }

    /** The anchors of one time precision within its day range; {@code #} suffixes the parameters of a union's branch. */
    private static final String CANDIDATES_OF_ONE_PRECISION = "SELECT id, status, created_by, anchor_report_id, "
            + "anchor_event_date, anchor_time_precision, anchor_latitude, anchor_longitude, anchor_geo_precision, "
            + "anchor_event_type FROM incidents WHERE event_family = :family AND anchor_time_precision = :p# "
            + "AND anchor_event_date BETWEEN :from# AND :to# AND anchor_latitude BETWEEN :lat0 AND :lat1";

    /**
     * Every incident of the reach's family in its widest day and latitude range, as the candidate
     * query read them before {@link #candidates} narrowed it by precision; kept for the test that
     * compares the two.
     */
    static List<Candidate> widestCandidates(Handle h, Reach reach) {
        return h.createQuery("SELECT id, status, created_by, anchor_report_id, anchor_event_date, anchor_time_precision, "
                        + "anchor_latitude, anchor_longitude, anchor_geo_precision, anchor_event_type FROM incidents "
                        + "WHERE event_family = :family AND anchor_event_date BETWEEN :d0 AND :d1 "
                        + "AND anchor_latitude BETWEEN :lat0 AND :lat1")
                .bind("family", reach.family().name().toLowerCase(Locale.ROOT))
                .bind("d0", Sql.date(reach.from()))
                .bind("d1", Sql.date(reach.to()))
                .bind("lat0", reach.lat0_deg())
                .bind("lat1", reach.lat1_deg())
                .map((rs, ctx) -> candidate(rs))
                .list();
    }

    private static Candidate candidate(ResultSet rs) throws SQLException {
        return new Candidate(rs.getString("id"), new Report(Long.toString(rs.getLong("anchor_report_id")),
                Sql.localDate(rs, "anchor_event_date"), TimePrecision.ofCode(rs.getInt("anchor_time_precision")),
                rs.getString("anchor_event_type"), "", "", "", "", "", "",
                GeoPoint.of(rs.getDouble("anchor_latitude"), rs.getDouble("anchor_longitude")),
                GeoPrecision.ofCode(rs.getInt("anchor_geo_precision")), "", "", 0, "", Map.of()),
                rs.getString("status"), rs.getString("created_by"));
    }

    /** Fewest days apart, then shortest distance, then smallest incident id: as the grouper decides. */
    private static boolean closer(JoinReason.Near a, String aId, JoinReason.Near b, String bId) {
        if (a.daysApart() != b.daysApart()) {
            return a.daysApart() < b.daysApart();
        }
        if (a.distance_m() != b.distance_m()) {
            return a.distance_m() < b.distance_m();
        }
        return aId.compareTo(bId) < 0;
    }

    static VerificationStatus status(String label) {
        return VerificationStatus.valueOf(label.toUpperCase(Locale.ROOT));
    }

    static SortedSet<String> createdBy(String json) {
        SortedSet<String> names = new TreeSet<>();
        JsonRead.tree(json).forEach(n -> names.add(n.asText()));
        return names;
    }

    private record Row(VerificationStatus status, SortedSet<String> createdBy) {
    }

    /** An incident whose anchor a report is compared with; status and creators for its history entry. */
    record Candidate(String id, Report anchor, String status, String createdByJson) {
    }

    /**
     * The anchors a report could join: its family, anchor days and latitudes within the grouping
     * rules' reach plus the report's own uncertainty and the largest an anchor can have. {@code
     * from} and {@code to} span every anchor precision (the grouping locks cover that span);
     * {@link #from(TimePrecision)} and {@link #to(TimePrecision)} are the days for anchors of one
     * precision, as {@link IncidentGrouper#compare} allows them.
     */
    record Reach(EventFamily family, LocalDate day, long own_days, LocalDate from, LocalDate to, double lat0_deg,
            double lat1_deg) {

        static Reach of(IncidentSettings settings, Report r) {
            // The rules' days plus the report's own uncertainty; an anchor adds its own.
            long own_days = (long) settings.rules().baseDays() + r.timePrecision().uncertainty_days();
            long widest = own_days + MAX_TIME_UNCERTAINTY_DAYS;
            double reach_deg = (settings.rules().baseDistance_m() + r.geoPrecision().uncertainty_m()
                    + MAX_GEO_UNCERTAINTY_M) / METRES_PER_DEGREE;
            return new Reach(EventFamily.of(r.eventType()), r.eventDate(), own_days, r.eventDate().minusDays(widest),
                    r.eventDate().plusDays(widest), r.point().lat_deg() - reach_deg, r.point().lat_deg() + reach_deg);
        }

        LocalDate from(TimePrecision anchor) {
            return day.minusDays(own_days + anchor.uncertainty_days());
        }

        LocalDate to(TimePrecision anchor) {
            return day.plusDays(own_days + anchor.uncertainty_days());
        }
    }
}
