package org.truce.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.truce.assessment.Assessment;
import org.truce.store.Database;
import org.truce.store.finding.FindingCount;
import org.truce.store.finding.StoredFinding;
import org.truce.store.report.ReportFilter;
import org.truce.store.report.Source;
import org.truce.store.report.StoredReport;

/** The record as the store holds it today: reports, their findings and the sources. */
public final class StoreRecord implements RecordView {

    private static final int PAGE = 1000;

    private final Database database;

    public StoreRecord(Database database) {
        this.database = database;
    }

    @Override
    public List<FindingCount> findingCounts(String agreementId) {
        return database.findings().countByCommitmentPartyDay(agreementId);
    }

    @Override
    public List<ObservedReport> reportsBetween(String agreementId, LocalDate from, LocalDate to) {
        List<ObservedReport> out = new ArrayList<>();
        ReportFilter filter = ReportFilter.all().withDates(from, to);
        for (int offset = 0; ; offset += PAGE) {
            List<StoredReport> page = database.reports().listMatching(filter, PAGE, offset);
            out.addAll(withFindings(agreementId, page));
            if (page.size() < PAGE) {
                return out;
            }
        }
    }

    /** Every live report of the record, page by page, each with its findings. */
    public List<ObservedReport> allReports(String agreementId) {
        return reportsBetween(agreementId, null, null);
    }

    @Override
    public Map<String, String> sourceNames() {
        Map<String, String> names = new TreeMap<>();
        for (Source s : database.sources().listAll()) {
            names.put(s.id(), s.name());
        }
        return names;
    }

    private List<ObservedReport> withFindings(String agreementId, List<StoredReport> reports) {
        Map<Long, List<Assessment>> byReport = new LinkedHashMap<>();
        reports.forEach(r -> byReport.put(r.id(), new ArrayList<>()));
        if (!reports.isEmpty()) {
            for (StoredFinding f : database.findings().listForReports(agreementId, byReport.keySet())) {
                byReport.get(f.reportId()).add(f.assessment());
            }
        }
        return reports.stream().map(r -> new ObservedReport(r.id(), r.sourceId(), r.version(), r.report(),
                byReport.get(r.id()))).toList();
    }
}
