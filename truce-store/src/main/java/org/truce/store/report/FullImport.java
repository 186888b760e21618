package org.truce.store.report;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.report.Report;

/**
 * One full re-import of a source (a newer ACLED export): each report is stored as it is added,
 * updating events in place by their external key, and {@link #finish()} then records as deleted
 * the reports the file no longer has. Rows the file has but that could not be read must be
 * declared with {@link #keep(String)}: a bad row is not a deletion. Not thread-safe.
 */
public final class FullImport {

    private final ReportRepository reports;
    private final String sourceId;
    private final String reason;
    private final Set<String> seen = new HashSet<>();
    private final Map<ImportOutcome.Effect, Integer> counts = new EnumMap<>(ImportOutcome.Effect.class);
    private boolean finished;

    FullImport(ReportRepository reports, String sourceId, String reason) {
        this.reports = reports;
        this.sourceId = sourceId;
        this.reason = reason == null ? "" : reason;
    }

    public ImportOutcome add(Report report) {
        requireOpen();
        ImportOutcome outcome = reports.upsert(sourceId, ReportContent.of(report), reason);
        seen.add(report.id());
        counts.merge(outcome.effect(), 1, Integer::sum);
        return outcome;
    }

    /** The file has this id, but its row could not be read: keep the stored report as it is. */
    public void keep(String externalId) {
        requireOpen();
        seen.add(externalId);
    }

    /**
     * Marks deleted the live reports of the source that were neither added nor kept. Refuses when
     * nothing at all was seen, since an empty or unreadable file would otherwise delete everything.
     */
    public ImportSummary finish() {
        requireOpen();
        finished = true;
        if (seen.isEmpty() && !reports.listLiveExternalIds(sourceId).isEmpty()) {
            throw new IllegalStateException("the import of source '" + sourceId
                    + "' saw no report: refusing to mark all of its reports deleted");
        }
        String why = reason.isEmpty() ? "absent from a full re-import" : "absent from a full re-import: " + reason;
        List<String> deleted = reports.markMissingDeleted(sourceId, seen, why);
        return new ImportSummary(count(ImportOutcome.Effect.CREATED), count(ImportOutcome.Effect.UPDATED),
                count(ImportOutcome.Effect.RESTORED), count(ImportOutcome.Effect.UNCHANGED), new ArrayList<>(deleted));
    }

    private int count(ImportOutcome.Effect effect) {
        return counts.getOrDefault(effect, 0);
    }

    private void requireOpen() {
        if (finished) {
            throw new IllegalStateException("this import of source '" + sourceId + "' is finished");
        }
    }
}
