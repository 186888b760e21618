package org.truce.store.finding;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.truce.assessment.Assessment;
import org.truce.record.EntryJson;
import org.truce.store.Sha256;
import org.truce.store.record.RecordedChange;

/**
 * The record entry of a report's findings under one agreement: the SHA-256 of the canonical JSON
 * array of the findings, by commitment, each with every column the findings table keeps except its
 * generated id and computed_at (the entry's own time says when). Worked out the same way when the
 * findings are written and when {@code truce verify} reads the rows back, so that one changed byte
 * in any column changes the digest.
 */
public final class FindingSetDigest {

    private FindingSetDigest() {
    }

    /** The columns of one finding as the findings table holds them. */
    record Columns(int reportVersion, String agreementVersion, String referenceVersion, String commitmentId,
            String commitmentKind, String outcome, String reason, String party, String targetPath,
            String readingsJson, String traceJson, String evidenceJson) {

        static Columns of(int reportVersion, FindingBasis basis, Assessment a) {
            return new Columns(reportVersion, basis.agreementVersion(), basis.referenceVersion(), a.commitmentId(),
                    a.kind().wireName(), a.outcome().wireName(), a.reason(), a.party(), a.targetPath().wireName(),
                    FindingJson.readings(a.readings()), FindingJson.trace(a.trace()), FindingJson.evidence(a.evidence()));
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("report_version", reportVersion);
            m.put("agreement_version", agreementVersion);
            m.put("reference_version", referenceVersion);
            m.put("commitment_id", commitmentId);
            m.put("commitment_kind", commitmentKind);
            m.put("outcome", outcome);
            m.put("reason", reason);
            m.put("party", party);
            m.put("target_path", targetPath);
            m.put("readings_json", readingsJson);
            m.put("trace_json", traceJson);
            m.put("evidence_json", evidenceJson);
            return m;
        }
    }

    /** The entry for {@code assessments} stored as the findings of report {@code reportId} at a version. */
    public static RecordedChange.Findings of(long reportId, int reportVersion, FindingBasis basis,
            List<Assessment> assessments) {
        List<Columns> columns = new ArrayList<>(assessments.size());
        for (Assessment a : assessments) {
            columns.add(Columns.of(reportVersion, basis, a));
        }
        return entry(reportId, basis.agreementId(), columns);
    }

    /** The entry of report {@code reportId} under {@code agreementId} with no finding stored. */
    public static RecordedChange.Findings none(long reportId, String agreementId) {
        return entry(reportId, agreementId, List.of());
    }

    /**
     * The entries the findings table gives now, one per report and agreement that has findings,
     * keyed by their subject.
     */
    public static Map<String, RecordedChange.Findings> fromRows(Handle h) {
        List<Row> rows = h.createQuery("SELECT report_id, agreement_id, report_version, agreement_version, "
                        + "reference_version, commitment_id, commitment_kind, outcome, reason, party, target_path, "
                        + "readings_json, trace_json, evidence_json FROM findings ORDER BY report_id, agreement_id")
                .map((rs, ctx) -> new Row(rs.getLong("report_id"), rs.getString("agreement_id"), new Columns(
                        rs.getInt("report_version"), rs.getString("agreement_version"),
                        rs.getString("reference_version"), rs.getString("commitment_id"),
                        rs.getString("commitment_kind"), rs.getString("outcome"), rs.getString("reason"),
                        rs.getString("party"), rs.getString("target_path"), rs.getString("readings_json"),
                        rs.getString("trace_json"), rs.getString("evidence_json"))))
                .list();
        Map<String, RecordedChange.Findings> out = new LinkedHashMap<>();
        for (int from = 0, to; from < rows.size(); from = to) {
            Row first = rows.get(from);
            List<Columns> set = new ArrayList<>();
            for (to = from; to < rows.size() && rows.get(to).sameSetAs(first); to++) {
                set.add(rows.get(to).columns());
            }
            RecordedChange.Findings entry = entry(first.reportId(), first.agreementId(), set);
            out.put(entry.subject(), entry);
        }
        return out;
    }

    private record Row(long reportId, String agreementId, Columns columns) {

        boolean sameSetAs(Row other) {
            return reportId == other.reportId && agreementId.equals(other.agreementId);
        }
    }

    private static RecordedChange.Findings entry(long reportId, String agreementId, List<Columns> columns) {
        List<Map<String, Object>> set = columns.stream()
                .sorted(Comparator.comparing(Columns::commitmentId))
                .map(Columns::json)
                .toList();
        return new RecordedChange.Findings(reportId, agreementId, columns.size(),
                Sha256.hex(EntryJson.canonical(set)));
    }
}
