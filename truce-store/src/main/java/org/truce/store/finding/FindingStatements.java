package org.truce.store.finding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.truce.assessment.Assessment;
import org.truce.store.internal.HeldInserts;
import org.truce.store.internal.Sql;
import org.truce.store.record.RecordLogRepository;

/**
 * The SQL that writes and reads a report's findings on a handle whose transaction the caller
 * owns, so that the intake can store a report and its findings in one transaction. The findings
 * go in as one batch, and what was written is returned as it was written: no read-back.
 */
public final class FindingStatements {

    private FindingStatements() {
    }

    /**
     * Replaces the findings of report {@code reportId} (external id {@code externalId}, at
     * {@code reportVersion}) under {@code basis.agreementId()}. The caller has locked or just
     * inserted the report row. {@code firstTime}: the report is new, so there is nothing to delete.
     * The new set (even an empty one) is appended to the record in the same transaction.
     */
    public static List<StoredFinding> replace(Handle h, long reportId, String externalId, int reportVersion,
            FindingBasis basis, List<Assessment> assessments, Instant now, boolean firstTime) {
        for (Assessment a : assessments) {
            if (!a.reportId().equals(externalId)) {
                throw new IllegalArgumentException("an assessment of report '" + a.reportId()
                        + "' cannot be stored as a finding of report '" + externalId + "'");
            }
        }
        if (!firstTime) {
            h.createUpdate("DELETE FROM findings WHERE report_id = :r AND agreement_id = :a")
                    .bind("r", reportId)
                    .bind("a", basis.agreementId())
                    .execute();
        }
        RecordLogRepository.append(h, FindingSetDigest.of(reportId, reportVersion, basis, assessments), now);
        // Assessed, even when nothing was found: what listStaleReportIds compares with the current basis.
        // Held to the end of the intake writer's batch, if one is open; a later intake of the same
        // report in the batch replaces the held row as it replaces a stored one.
        String assessedKey = "report_assessments " + reportId + " " + basis.agreementId();
        if (!firstTime) {
            HeldInserts.forget(h, assessedKey);
            h.createUpdate("DELETE FROM report_assessments WHERE report_id = :r AND agreement_id = :a")
                    .bind("r", reportId)
                    .bind("a", basis.agreementId())
                    .execute();
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("r", reportId);
        values.put("a", basis.agreementId());
        values.put("rv", reportVersion);
        values.put("av", basis.agreementVersion());
        values.put("refv", basis.referenceVersion());
        values.put("now", Sql.timestamp(now));
        HeldInserts.insert(h, "INSERT INTO report_assessments (report_id, agreement_id, report_version, "
                + "agreement_version, reference_version, computed_at) VALUES (:r, :a, :rv, :av, :refv, :now)",
                values, assessedKey);
        if (assessments.isEmpty()) {
            return List.of();
        }
        PreparedBatch batch = h.prepareBatch("INSERT INTO findings (report_id, report_version, agreement_id, "
                + "agreement_version, reference_version, commitment_id, commitment_kind, outcome, reason, party, "
                + "target_path, readings_json, trace_json, evidence_json, computed_at) VALUES (:r, :rv, :a, :av, "
                + ":refv, :c, :kind, :outcome, :reason, :party, :path, :readings, :trace, :evidence, :now)");
        for (Assessment a : assessments) {
            batch.bind("r", reportId)
                    .bind("rv", reportVersion)
                    .bind("a", basis.agreementId())
                    .bind("av", basis.agreementVersion())
                    .bind("refv", basis.referenceVersion())
                    .bind("c", a.commitmentId())
                    .bind("kind", a.kind().wireName())
                    .bind("outcome", a.outcome().wireName())
                    .bind("reason", a.reason())
                    .bind("party", a.party())
                    .bind("path", a.targetPath().wireName())
                    .bind("readings", FindingJson.readings(a.readings()))
                    .bind("trace", FindingJson.trace(a.trace()))
                    .bind("evidence", FindingJson.evidence(a.evidence()))
                    .bind("now", Sql.timestamp(now))
                    .add();
        }
        List<Long> ids = batch.executePreparedBatch("id").mapTo(Long.class).list();
        if (ids.size() != assessments.size()) {
            throw new IllegalStateException("the database returned " + ids.size() + " finding ids for "
                    + assessments.size() + " findings");
        }
        List<StoredFinding> stored = new ArrayList<>(assessments.size());
        for (int i = 0; i < assessments.size(); i++) {
            // The engine's assessment text is what the columns hold, so it is what a read gives back.
            stored.add(new StoredFinding(ids.get(i), reportId, reportVersion, basis, now, assessments.get(i)));
        }
        // The order a read gives, so that a first answer and its replay list findings alike.
        stored.sort(Comparator.comparing(f -> f.assessment().commitmentId()));
        return stored;
    }

    /** The current findings of one report under one agreement, by commitment. */
    public static List<StoredFinding> listForReport(Handle h, long reportId, String agreementId) {
        return h.createQuery(FindingRepository.SELECT + "WHERE f.report_id = :r AND f.agreement_id = :a "
                        + "ORDER BY f.commitment_id")
                .bind("r", reportId)
                .bind("a", agreementId)
                .map((rs, ctx) -> FindingRepository.stored(rs))
                .list();
    }

    /** The current findings under one agreement of the live reports of one incident, by report and commitment. */
    public static List<StoredFinding> listForIncident(Handle h, String incidentId, String agreementId) {
        return h.createQuery(FindingRepository.SELECT + "JOIN incident_members m ON m.report_id = f.report_id "
                        + "WHERE m.incident_id = :i AND f.agreement_id = :a AND r.deleted = FALSE "
                        + "ORDER BY f.report_id, f.commitment_id")
                .bind("i", incidentId)
                .bind("a", agreementId)
                .map((rs, ctx) -> FindingRepository.stored(rs))
                .list();
    }
}
