package org.truce.store.report;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.truce.report.Report;
import org.truce.store.internal.Sql;

/**
 * Reports by source and external key, with their full history. Nothing is overwritten without a
 * version: a first sighting writes version 1 ('created'), different content writes the next
 * version ('updated', or 'restored' after a deletion), the same content writes nothing. A
 * deletion flags the row and writes a 'deleted' version; no row is ever erased. Each method is
 * one transaction; one that loses a race to insert the same new report is retried once and then
 * finds it.
 */
public final class ReportRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public ReportRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Stores a report read from an import file, such as one ACLED row. */
    public ImportOutcome upsertFromImport(String sourceId, Report report) {
        return upsert(sourceId, ReportContent.of(report), "");
    }

    public ImportOutcome upsert(String sourceId, ReportContent content, String reason) {
        Instant now = now();
        return Sql.inTransactionRetryingOnConflict(jdbi,
                h -> ReportStatements.upsert(h, sourceId, content, reason, now));
    }

    /** Stores several reports in one transaction: all of them, or, on any failure, none. */
    public List<ImportOutcome> upsertAll(String sourceId, List<ReportContent> contents, String reason) {
        Instant now = now();
        return Sql.inTransactionRetryingOnConflict(jdbi, h -> {
            List<ImportOutcome> outcomes = new ArrayList<>(contents.size());
            for (ReportContent c : contents) {
                outcomes.add(ReportStatements.upsert(h, sourceId, c, reason, now));
            }
            return outcomes;
        });
    }

    /**
     * Records that the source withdrew a report: a 'deleted' version, the row kept and flagged.
     * Returns false when it was already deleted; fails when there is no such report.
     */
    public boolean markDeleted(String sourceId, String externalId, String reason) {
        Instant now = now();
        return jdbi.inTransaction(h -> ReportStatements.markDeleted(h, sourceId, externalId, reason, now));
    }

    /**
     * After a full re-import of a source, marks deleted every live report of that source whose
     * external id was not seen, in one transaction. Returns their external ids, sorted.
     */
    public List<String> markMissingDeleted(String sourceId, Collection<String> seenExternalIds, String reason) {
        Set<String> seen = new HashSet<>(seenExternalIds);
        Instant now = now();
        return jdbi.inTransaction(h -> {
            ReportStatements.requireSource(h, sourceId);
            List<String> missing = h.createQuery("SELECT external_id FROM reports WHERE source_id = :s "
                            + "AND deleted = FALSE ORDER BY external_id")
                    .bind("s", sourceId)
                    .mapTo(String.class)
                    .list()
                    .stream()
                    .filter(id -> !seen.contains(id))
                    .toList();
            for (String id : missing) {
                ReportStatements.markDeleted(h, sourceId, id, reason, now);
            }
            return missing;
        });
    }

    /**
     * Starts a full re-import of a source: add every report of the file, then
     * {@link FullImport#finish()} marks deleted those the file no longer has.
     */
    public FullImport beginFullImport(String sourceId, String reason) {
        return new FullImport(this, sourceId, reason);
    }

    public Optional<StoredReport> findCurrent(String sourceId, String externalId) {
        return jdbi.withHandle(h -> ReportStatements.findCurrent(h, sourceId, externalId));
    }

    public Optional<StoredReport> findCurrent(long reportId) {
        return jdbi.withHandle(h -> ReportStatements.findCurrent(h, reportId));
    }

    /** Every version of a report, oldest first; empty when there is no such report. */
    public List<ReportVersion> history(String sourceId, String externalId) {
        return jdbi.withHandle(h -> ReportStatements.findCurrent(h, sourceId, externalId)
                .map(r -> ReportStatements.history(h, r.id()))
                .orElse(List.of()));
    }

    public List<ReportVersion> history(long reportId) {
        return jdbi.withHandle(h -> ReportStatements.history(h, reportId));
    }

    /** External ids of a source's reports that are not deleted, sorted. */
    public List<String> listLiveExternalIds(String sourceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT external_id FROM reports WHERE source_id = :s "
                        + "AND deleted = FALSE ORDER BY external_id")
                .bind("s", sourceId)
                .mapTo(String.class)
                .list());
    }

    /**
     * The current reports that match {@code filter}, ordered by event date and then id, at most
     * {@code limit} of them after skipping {@code offset}.
     */
    public List<StoredReport> listMatching(ReportFilter filter, int limit, int offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative, got " + limit + ", " + offset);
        }
        return jdbi.withHandle(h -> bindFilter(h.createQuery("SELECT " + ReportStatements.COLUMNS
                        + " FROM reports r" + where(filter) + " ORDER BY r.event_date, r.id LIMIT :limit OFFSET :offset"),
                filter)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> ReportStatements.storedReport(rs))
                .list());
    }

    /** How many current reports match {@code filter}. */
    public long countMatching(ReportFilter filter) {
        return jdbi.withHandle(h -> bindFilter(h.createQuery("SELECT COUNT(*) FROM reports r" + where(filter)), filter)
                .mapTo(Long.class)
                .one());
    }

    private static String where(ReportFilter f) {
        List<String> conditions = new ArrayList<>();
        if (!f.includeDeleted()) {
            conditions.add("r.deleted = FALSE");
        }
        if (f.from() != null) {
            conditions.add("r.event_date >= :from");
        }
        if (f.to() != null) {
            conditions.add("r.event_date <= :to");
        }
        if (f.bbox() != null) {
            conditions.add("r.longitude BETWEEN :min_lon AND :max_lon AND r.latitude BETWEEN :min_lat AND :max_lat");
        }
        if (f.onFindings()) {
            conditions.add("EXISTS (SELECT 1 FROM findings f WHERE f.report_id = r.id AND f.agreement_id = :agreement"
                    + (f.commitmentId() != null ? " AND f.commitment_id = :commitment" : "")
                    + (f.outcome() != null ? " AND f.outcome = :outcome" : "")
                    + (f.party() != null ? " AND f.party = :party" : "") + ")");
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static Query bindFilter(Query q, ReportFilter f) {
        if (f.from() != null) {
            q.bind("from", Sql.date(f.from()));
        }
        if (f.to() != null) {
            q.bind("to", Sql.date(f.to()));
        }
        if (f.bbox() != null) {
            q.bind("min_lon", f.bbox().minLon_deg())
                    .bind("max_lon", f.bbox().maxLon_deg())
                    .bind("min_lat", f.bbox().minLat_deg())
                    .bind("max_lat", f.bbox().maxLat_deg());
        }
        if (f.onFindings()) {
            q.bind("agreement", f.agreementId());
        }
        if (f.party() != null) {
            q.bind("party", f.party());
        }
        if (f.commitmentId() != null) {
            q.bind("commitment", f.commitmentId());
        }
        if (f.outcome() != null) {
            q.bind("outcome", f.outcome().wireName());
        }
        return q;
    }

    private Instant now() {
        return Sql.storable(clock.instant());
    }
}
