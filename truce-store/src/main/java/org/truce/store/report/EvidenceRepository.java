package org.truce.store.report;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.truce.store.internal.Sql;
import org.truce.store.record.RecordLogRepository;
import org.truce.store.record.RecordedChange;

/** The evidence items of reports. Items are added, never changed or removed. */
public final class EvidenceRepository {

    private static final String COLUMNS = "id, report_id, kind, location, sha256, size_bytes, media_type, received_at";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;

    public EvidenceRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Attaches an item to a report. The same item (kind, location and SHA-256) added again to the
     * same report is not duplicated: the stored one is returned.
     */
    public StoredEvidence add(long reportId, EvidenceItem item) {
        return jdbi.inTransaction(h -> {
            if (ReportStatements.findCurrent(h, reportId).isEmpty()) {
                throw new IllegalArgumentException("no report with id " + reportId + " to attach evidence to");
            }
            Optional<StoredEvidence> same = findSame(h, reportId, item);
            if (same.isPresent()) {
                return same.get();
            }
            String salt = newLocationSalt();
            long id = h.createUpdate("INSERT INTO evidence_items (report_id, kind, location, location_salt, sha256, "
                            + "size_bytes, media_type, received_at) VALUES (:report, :kind, :location, :salt, :sha, "
                            + ":size, :media, :at)")
                    .bind("report", reportId)
                    .bind("kind", item.kind().wireName())
                    .bind("location", item.location())
                    .bind("salt", salt)
                    .bind("sha", item.sha256())
                    .bind("size", item.size_bytes())
                    .bind("media", item.mediaType())
                    .bind("at", Sql.timestamp(item.receivedAt()))
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one();
            // --- tamper-evident record (issue 6): the item, in this same transaction ---
            RecordLogRepository.append(h, new RecordedChange.Evidence(id, reportId, item.kind().wireName(),
                    item.location(), salt, item.sha256(), item.size_bytes(), item.mediaType()),
                    Sql.storable(item.receivedAt()));
            return new StoredEvidence(id, reportId, withStoredTime(item));
        });
    }

    public List<StoredEvidence> listForReport(long reportId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM evidence_items WHERE report_id = :r "
                        + "ORDER BY id")
                .bind("r", reportId)
                .map((rs, ctx) -> stored(rs))
                .list());
    }

    /** Every item, of any report, whose content has this SHA-256, oldest first. */
    public List<StoredEvidence> listBySha256(String sha256) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM evidence_items WHERE sha256 = :sha "
                        + "ORDER BY id")
                .bind("sha", sha256)
                .map((rs, ctx) -> stored(rs))
                .list());
    }

    private static Optional<StoredEvidence> findSame(Handle h, long reportId, EvidenceItem item) {
        return h.createQuery("SELECT " + COLUMNS + " FROM evidence_items WHERE report_id = :r AND kind = :kind "
                        + "AND location = :location ORDER BY id")
                .bind("r", reportId)
                .bind("kind", item.kind().wireName())
                .bind("location", item.location())
                .map((rs, ctx) -> stored(rs))
                .list()
                .stream()
                .filter(e -> Objects.equals(e.item().sha256(), item.sha256()))
                .findFirst();
    }

    /**
     * 16 random bytes in hex: with it the record's entry commits to the location without showing
     * it, and without letting anyone confirm a guessed URL (issue 8). Kept in the row only.
     */
    private static String newLocationSalt() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static EvidenceItem withStoredTime(EvidenceItem item) {
        return new EvidenceItem(item.kind(), item.location(), item.sha256(), item.size_bytes(), item.mediaType(),
                Sql.storable(item.receivedAt()));
    }

    private static StoredEvidence stored(ResultSet rs) throws SQLException {
        long size = rs.getLong("size_bytes");
        Long sizeOrNull = rs.wasNull() ? null : size;
        return new StoredEvidence(rs.getLong("id"), rs.getLong("report_id"), new EvidenceItem(
                EvidenceKind.fromWireName(rs.getString("kind")), rs.getString("location"), rs.getString("sha256"),
                sizeOrNull, rs.getString("media_type"), Sql.instant(rs, "received_at")));
    }
}
