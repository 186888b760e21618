package org.truce.store.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.Sha256;
import org.truce.store.internal.HeldInserts;
import org.truce.store.internal.Sql;
import org.truce.store.record.RecordLogRepository;
import org.truce.store.record.RecordedChange;
import org.truce.store.json.CanonicalJson;
import org.truce.store.json.JsonRead;

/**
 * The SQL behind reports and their versions, on a handle whose transaction the caller owns, so
 * that the report repository and the intake can share one transaction. Every change of content
 * writes a version row in the same transaction as the current row. Public only for the store's
 * other packages (incidents read their reports with it); not API.
 */
public final class ReportStatements {

    /** The columns {@link #storedReport} reads, unqualified. */
    public static final String COLUMNS = "id, source_id, external_id, event_date, time_precision, event_type, "
            + "sub_event_type, actor1, actor2, country, admin1, location, latitude, longitude, geo_precision, "
            + "radius_m, target, target_category, fatalities, explosions, cited_source, notes, notes_language, "
            + "extra_json, current_version, content_sha256, deleted, deleted_at, created_at, updated_at";

    private ReportStatements() {
    }

    /** The state of a current row that decides what an upsert does, read under a row lock. */
    private record Current(long id, int version, String sha256, boolean deleted) {
    }

    static ImportOutcome upsert(Handle h, String sourceId, ReportContent content, String reason, Instant now) {
        requireSource(h, sourceId);
        return upsertKnownSource(h, sourceId, content, reason, now);
    }

    /** {@link #upsert} for a caller that has already checked, in this transaction, that the source exists. */
    static ImportOutcome upsertKnownSource(Handle h, String sourceId, ReportContent content, String reason,
            Instant now) {
        return upsertKnownSource(h, sourceId, content, reason, now, true);
    }

    /**
     * {@link #upsertKnownSource}, for a caller that has just looked, in this transaction, whether
     * the report exists: when it does not ({@code mayExist} false), there is no row to lock and
     * none is looked for.
     */
    static ImportOutcome upsertKnownSource(Handle h, String sourceId, ReportContent content, String reason,
            Instant now, boolean mayExist) {
        String json = ReportJson.write(content);
        String sha = Sha256.hex(json);
        Optional<Current> current = mayExist ? lockCurrent(h, sourceId, content.externalId()) : Optional.empty();
        if (current.isEmpty()) {
            long id = bindContent(h.createUpdate("INSERT INTO reports (source_id, external_id, event_date, "
                    + "time_precision, event_type, sub_event_type, actor1, actor2, country, admin1, location, "
                    + "latitude, longitude, geo_precision, radius_m, target, target_category, fatalities, explosions, "
                    + "cited_source, notes, notes_language, extra_json, current_version, content_sha256, deleted, "
                    + "deleted_at, created_at, updated_at) VALUES (:source_id, :external_id, :event_date, "
                    + ":time_precision, :event_type, :sub_event_type, :actor1, :actor2, :country, :admin1, :location, "
                    + ":latitude, :longitude, :geo_precision, :radius_m, :target, :target_category, :fatalities, "
                    + ":explosions, :cited_source, :notes, :notes_language, :extra_json, 1, :sha, FALSE, NULL, :now, "
                    + ":now)"), content)
                    .bind("source_id", sourceId)
                    .bind("sha", sha)
                    .bind("now", Sql.timestamp(now))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            insertVersion(h, id, 1, ChangeKind.CREATED, json, sha, reason, now);
            return new ImportOutcome(id, 1, ImportOutcome.Effect.CREATED);
        }
        Current c = current.get();
        if (!c.deleted() && c.sha256().equals(sha)) {
            return new ImportOutcome(c.id(), c.version(), ImportOutcome.Effect.UNCHANGED);
        }
        int version = c.version() + 1;
        bindContent(h.createUpdate("UPDATE reports SET event_date = :event_date, time_precision = :time_precision, "
                + "event_type = :event_type, sub_event_type = :sub_event_type, actor1 = :actor1, actor2 = :actor2, "
                + "country = :country, admin1 = :admin1, location = :location, latitude = :latitude, "
                + "longitude = :longitude, geo_precision = :geo_precision, radius_m = :radius_m, target = :target, "
                + "target_category = :target_category, fatalities = :fatalities, explosions = :explosions, "
                + "cited_source = :cited_source, notes = :notes, notes_language = :notes_language, "
                + "extra_json = :extra_json, current_version = :version, content_sha256 = :sha, deleted = FALSE, "
                + "deleted_at = NULL, updated_at = :now WHERE id = :id"), content)
                .bind("version", version)
                .bind("sha", sha)
                .bind("now", Sql.timestamp(now))
                .bind("id", c.id())
                .execute();
        ChangeKind change = c.deleted() ? ChangeKind.RESTORED : ChangeKind.UPDATED;
        insertVersion(h, c.id(), version, change, json, sha, reason, now);
        return new ImportOutcome(c.id(), version,
                c.deleted() ? ImportOutcome.Effect.RESTORED : ImportOutcome.Effect.UPDATED);
    }

    /**
     * Flags a report deleted and records a 'deleted' version that repeats its last content.
     * Returns false when it was already deleted (nothing written).
     */
    static boolean markDeleted(Handle h, String sourceId, String externalId, String reason, Instant now) {
        Current c = lockCurrent(h, sourceId, externalId).orElseThrow(() -> new IllegalArgumentException(
                "no report '" + externalId + "' from source '" + sourceId + "' to delete"));
        if (c.deleted()) {
            return false;
        }
        String json = h.createQuery("SELECT content_json FROM report_versions WHERE report_id = :id AND version = :v")
                .bind("id", c.id())
                .bind("v", c.version())
                .mapTo(String.class)
                .one();
        int version = c.version() + 1;
        h.createUpdate("UPDATE reports SET current_version = :v, deleted = TRUE, deleted_at = :now, updated_at = :now "
                        + "WHERE id = :id")
                .bind("v", version)
                .bind("now", Sql.timestamp(now))
                .bind("id", c.id())
                .execute();
        insertVersion(h, c.id(), version, ChangeKind.DELETED, json, c.sha256(), reason, now);
        return true;
    }

    static Optional<StoredReport> findCurrent(Handle h, String sourceId, String externalId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM reports WHERE source_id = :s AND external_id = :e")
                .bind("s", sourceId)
                .bind("e", externalId)
                .map((rs, ctx) -> storedReport(rs))
                .findOne();
    }

    static Optional<StoredReport> findCurrent(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM reports WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> storedReport(rs))
                .findOne();
    }

    static List<ReportVersion> history(Handle h, long reportId) {
        return h.createQuery("SELECT report_id, version, change_kind, content_json, content_sha256, reason, "
                        + "received_at FROM report_versions WHERE report_id = :id ORDER BY version")
                .bind("id", reportId)
                .map((rs, ctx) -> new ReportVersion(rs.getLong("report_id"), rs.getInt("version"),
                        ChangeKind.fromWireName(rs.getString("change_kind")), rs.getString("content_json"),
                        rs.getString("content_sha256"), rs.getString("reason"), Sql.instant(rs, "received_at")))
                .list();
    }

    static void requireSource(Handle h, String sourceId) {
        if (SourceRepository.find(h, sourceId).isEmpty()) {
            throw new UnknownSourceException(sourceId);
        }
    }

    /**
     * The current row, locked. Looked up first without the lock: a report seen for the first time,
     * what most intakes carry, has no row to lock (a lock on no row holds nothing, on H2 as on
     * PostgreSQL), and H2 parses every {@code FOR UPDATE} statement again instead of keeping it
     * (3% of the intake writer's time in a profile, docs/performance.md).
     */
    private static Optional<Current> lockCurrent(Handle h, String sourceId, String externalId) {
        boolean exists = h.createQuery("SELECT COUNT(*) FROM reports WHERE source_id = :s AND external_id = :e")
                .bind("s", sourceId)
                .bind("e", externalId)
                .mapTo(Long.class)
                .one() > 0;
        if (!exists) {
            return Optional.empty();
        }
        return h.createQuery("SELECT id, current_version, content_sha256, deleted FROM reports "
                        + "WHERE source_id = :s AND external_id = :e FOR UPDATE")
                .bind("s", sourceId)
                .bind("e", externalId)
                .map((rs, ctx) -> new Current(rs.getLong("id"), rs.getInt("current_version"),
                        rs.getString("content_sha256"), rs.getBoolean("deleted")))
                .findOne();
    }

    private static void insertVersion(Handle h, long reportId, int version, ChangeKind change, String json,
            String sha, String reason, Instant now) {
        // Held to the end of the intake writer's batch, if one is open: nothing in the batch reads it back.
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", reportId);
        values.put("v", version);
        values.put("change", change.wireName());
        values.put("json", json);
        values.put("sha", sha);
        values.put("reason", reason == null ? "" : reason);
        values.put("now", Sql.timestamp(now));
        HeldInserts.insert(h, "INSERT INTO report_versions (report_id, version, change_kind, content_json, "
                + "content_sha256, reason, received_at) VALUES (:id, :v, :change, :json, :sha, :reason, :now)",
                values, "report_versions " + reportId + " " + version);
        // The tamper-evident record (issue 6): every report version, in this same transaction.
        RecordLogRepository.append(h, new RecordedChange.ReportVersion(reportId, version, change.wireName(), sha), now);
    }

    private static <S extends SqlStatement<S>> S bindContent(S s, ReportContent c) {
        Report r = c.report();
        return s.bind("external_id", r.id())
                .bind("event_date", Sql.date(r.eventDate()))
                .bind("time_precision", r.timePrecision().code())
                .bind("event_type", r.eventType())
                .bind("sub_event_type", r.subEventType())
                .bind("actor1", r.actor1())
                .bind("actor2", r.actor2())
                .bind("country", r.country())
                .bind("admin1", r.admin1())
                .bind("location", r.location())
                .bind("latitude", r.point().lat_deg())
                .bind("longitude", r.point().lon_deg())
                .bind("geo_precision", r.geoPrecision().code())
                .bind("radius_m", c.radius_m())
                .bind("target", r.target())
                .bind("target_category", c.targetCategory())
                .bind("fatalities", r.fatalities())
                .bind("explosions", c.explosions())
                .bind("cited_source", r.source())
                .bind("notes", r.notes())
                .bind("notes_language", c.notesLanguage())
                .bind("extra_json", CanonicalJson.write(r.extra()));
    }

    public static StoredReport storedReport(ResultSet rs) throws SQLException {
        Report r = new Report(
                rs.getString("external_id"),
                Sql.localDate(rs, "event_date"),
                TimePrecision.ofCode(rs.getInt("time_precision")),
                rs.getString("event_type"),
                rs.getString("sub_event_type"),
                rs.getString("actor1"),
                rs.getString("actor2"),
                rs.getString("country"),
                rs.getString("admin1"),
                rs.getString("location"),
                GeoPoint.of(rs.getDouble("latitude"), rs.getDouble("longitude")),
                GeoPrecision.ofCode(rs.getInt("geo_precision")),
                rs.getString("cited_source"),
                rs.getString("notes"),
                rs.getInt("fatalities"),
                rs.getString("target"),
                JsonRead.stringMap(JsonRead.tree(rs.getString("extra_json"))));
        ReportContent content = new ReportContent(r, rs.getString("target_category"),
                Sql.intOrNull(rs, "explosions"), Sql.intOrNull(rs, "radius_m"), rs.getString("notes_language"));
        return new StoredReport(rs.getLong("id"), rs.getString("source_id"), content, rs.getInt("current_version"),
                rs.getString("content_sha256"), rs.getBoolean("deleted"), Sql.instant(rs, "deleted_at"),
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }
}
