package org.truce.store.finding;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Outcome;
import org.truce.store.internal.Sql;

/**
 * The current findings. The findings of one report under one agreement are replaced as a whole,
 * in one transaction, each time they are recomputed (the report changed, or the agreement, the
 * facility list or a zone did): a reader sees the old set or the new one, never a mix.
 */
public final class FindingRepository {

    /** Findings with the external id of their report, which the core assessment carries. */
    static final String SELECT = "SELECT f.id, f.report_id, r.external_id, f.report_version, f.agreement_id, "
            + "f.agreement_version, f.reference_version, f.commitment_id, f.commitment_kind, f.outcome, f.reason, "
            + "f.party, f.target_path, f.readings_json, f.trace_json, f.evidence_json, f.computed_at "
            + "FROM findings f JOIN reports r ON r.id = f.report_id ";

    private final Jdbi jdbi;
    private final Clock clock;

    public FindingRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * Replaces the findings of a stored report under {@code basis.agreementId()} with
     * {@code assessments} (an empty list clears them), recording the report's current version.
     * Every assessment must be about that report. Returns how many findings were stored.
     */
    public int replaceFindingsFor(long reportId, FindingBasis basis, List<Assessment> assessments) {
        Instant now = Sql.storable(clock.instant());
        return jdbi.inTransaction(h -> {
            ReportRow report = h.createQuery("SELECT external_id, current_version FROM reports WHERE id = :id "
                            + "FOR UPDATE")
                    .bind("id", reportId)
                    .map((rs, ctx) -> new ReportRow(rs.getString("external_id"), rs.getInt("current_version")))
                    .findOne()
                    .orElseThrow(() -> new IllegalArgumentException("no report with id " + reportId));
            return FindingStatements.replace(h, reportId, report.externalId(), report.version(), basis, assessments,
                    now, false).size();
        });
    }

    public List<StoredFinding> listForReport(long reportId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE f.report_id = :r "
                        + "ORDER BY f.agreement_id, f.commitment_id")
                .bind("r", reportId)
                .map((rs, ctx) -> stored(rs))
                .list());
    }

    /** The findings of a commitment, in report order. */
    public List<StoredFinding> listByCommitment(String agreementId, String commitmentId) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE f.agreement_id = :a "
                        + "AND f.commitment_id = :c ORDER BY f.report_id")
                .bind("a", agreementId)
                .bind("c", commitmentId)
                .map((rs, ctx) -> stored(rs))
                .list());
    }

    /** The findings of a commitment with one outcome, such as every possible violation. */
    public List<StoredFinding> listByCommitment(String agreementId, String commitmentId, Outcome outcome) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE f.agreement_id = :a "
                        + "AND f.commitment_id = :c AND f.outcome = :o ORDER BY f.report_id")
                .bind("a", agreementId)
                .bind("c", commitmentId)
                .bind("o", outcome.wireName())
                .map((rs, ctx) -> stored(rs))
                .list());
    }

    /**
     * The current findings that match {@code filter} (none of deleted reports), ordered by report
     * and commitment, at most {@code limit} of them after skipping {@code offset}.
     */
    public List<StoredFinding> listMatching(FindingFilter filter, int limit, int offset) {
        if (limit < 0 || offset < 0) {
            throw new IllegalArgumentException("limit and offset must not be negative, got " + limit + ", " + offset);
        }
        return jdbi.withHandle(h -> bindFilter(h.createQuery(SELECT + where(filter)
                        + " ORDER BY f.report_id, f.commitment_id LIMIT :limit OFFSET :offset"), filter)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> stored(rs))
                .list());
    }

    /** How many current findings match {@code filter}. */
    public long countMatching(FindingFilter filter) {
        return jdbi.withHandle(h -> bindFilter(h.createQuery("SELECT COUNT(*) FROM findings f "
                        + "JOIN reports r ON r.id = f.report_id " + where(filter)), filter)
                .mapTo(Long.class)
                .one());
    }

    /** The findings under one agreement of each of {@code reportIds}, ordered by report and commitment. */
    public List<StoredFinding> listForReports(String agreementId, Collection<Long> reportIds) {
        if (reportIds.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT + "WHERE f.agreement_id = :a AND f.report_id IN (<ids>) "
                        + "ORDER BY f.report_id, f.commitment_id")
                .bind("a", agreementId)
                .bindList("ids", new ArrayList<>(reportIds))
                .map((rs, ctx) -> stored(rs))
                .list());
    }

    /**
     * The current findings under one agreement counted by commitment, party, recorded event day
     * and outcome (none of deleted reports), ordered by commitment, day, party and outcome.
     */
    public List<FindingCount> countByCommitmentPartyDay(String agreementId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT f.commitment_id, f.party, r.event_date, f.outcome, "
                        + "COUNT(*) AS n FROM findings f JOIN reports r ON r.id = f.report_id "
                        + "WHERE f.agreement_id = :a AND r.deleted = FALSE "
                        + "GROUP BY f.commitment_id, f.party, r.event_date, f.outcome "
                        + "ORDER BY f.commitment_id, r.event_date, f.party, f.outcome")
                .bind("a", agreementId)
                .map((rs, ctx) -> new FindingCount(rs.getString("commitment_id"), rs.getString("party"),
                        Sql.localDate(rs, "event_date"), FindingJson.outcome(rs.getString("outcome")),
                        rs.getLong("n")))
                .list());
    }

    private static String where(FindingFilter f) {
        return "WHERE f.agreement_id = :a AND r.deleted = FALSE"
                + (f.commitmentId() != null ? " AND f.commitment_id = :c" : "")
                + (f.outcome() != null ? " AND f.outcome = :o" : "");
    }

    private static Query bindFilter(Query q, FindingFilter f) {
        q.bind("a", f.agreementId());
        if (f.commitmentId() != null) {
            q.bind("c", f.commitmentId());
        }
        if (f.outcome() != null) {
            q.bind("o", f.outcome().wireName());
        }
        return q;
    }

    /**
     * Reports whose findings under the agreement are stale: assessed on another agreement or
     * reference data version, or on an older version of the report, or never assessed under this
     * agreement at all (findings or none). Sorted by report id.
     */
    public List<Long> listStaleReportIds(FindingBasis current) {
        // From report_assessments, not findings: a report assessed with no finding is there too, and a
        // report never assessed under this agreement (no row) is stale as well.
        return jdbi.withHandle(h -> h.createQuery("SELECT r.id FROM reports r LEFT JOIN report_assessments ra "
                        + "ON ra.report_id = r.id AND ra.agreement_id = :a WHERE ra.report_id IS NULL "
                        + "OR ra.agreement_version <> :av OR ra.reference_version <> :refv "
                        + "OR ra.report_version <> r.current_version ORDER BY r.id")
                .bind("a", current.agreementId())
                .bind("av", current.agreementVersion())
                .bind("refv", current.referenceVersion())
                .mapTo(Long.class)
                .list());
    }

    static StoredFinding stored(ResultSet rs) throws SQLException {
        Assessment a = new Assessment(
                rs.getString("external_id"),
                rs.getString("commitment_id"),
                CommitmentKind.fromWireName(rs.getString("commitment_kind")).orElseThrow(),
                FindingJson.outcome(rs.getString("outcome")),
                rs.getString("reason"),
                rs.getString("party"),
                FindingJson.readReadings(rs.getString("readings_json")),
                FindingJson.readTrace(rs.getString("trace_json")),
                FindingJson.readEvidence(rs.getString("evidence_json")),
                Assessment.TargetPath.valueOf(rs.getString("target_path").toUpperCase(Locale.ROOT)));
        return new StoredFinding(rs.getLong("id"), rs.getLong("report_id"), rs.getInt("report_version"),
                new FindingBasis(rs.getString("agreement_id"), rs.getString("agreement_version"),
                        rs.getString("reference_version")),
                Sql.instant(rs, "computed_at"), a);
    }

    private record ReportRow(String externalId, int version) {
    }
}
