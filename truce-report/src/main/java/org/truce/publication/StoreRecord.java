package org.truce.publication;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.truce.assessment.Assessment;
import org.truce.exchange.ExchangeLedger;
import org.truce.record.Checkpoint;
import org.truce.store.Database;
import org.truce.store.finding.FindingCount;
import org.truce.store.finding.StoredFinding;
import org.truce.store.incident.IncidentMember;
import org.truce.store.incident.IncidentMembership;
import org.truce.store.incident.IncidentRepository;
import org.truce.store.incident.StoredIncidentFinding;
import org.truce.store.record.StoredCheckpoint;
import org.truce.store.report.ReportFilter;
import org.truce.store.report.Source;
import org.truce.store.report.StoredReport;
import org.truce.timeline.Timeline;

/**
 * The record as the store holds it (reports, findings, incidents, sources, the signed checkpoints
 * of the record log), with the exchange ledger and the process timeline read from the agreement's
 * companion files, when there are any.
 */
public final class StoreRecord implements RecordView {

    private static final int PAGE = 1000;

    private final Database database;
    private final ExchangeLedger exchanges;
    private final Timeline timeline;

    /** The store alone: no exchange ledger, no timeline. */
    public StoreRecord(Database database) {
        this(database, null, null);
    }

    /**
     * {@code exchanges} and {@code timeline} may be null: the agreement has no such file. An empty
     * one counts as none (the server holds an empty ledger when there is no file), so the CLI and
     * the server print the same words for the same files.
     */
    public StoreRecord(Database database, ExchangeLedger exchanges, Timeline timeline) {
        this.database = database;
        this.exchanges = exchanges == null || exchanges.exchanges().isEmpty() ? null : exchanges;
        this.timeline = timeline == null || timeline.milestones().isEmpty() ? null : timeline;
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

    @Override
    public List<ObservedIncident> incidentsOf(String agreementId, Collection<Long> reportIds) {
        IncidentRepository incidents = database.incidents();
        TreeSet<String> ids = new TreeSet<>();
        incidents.membershipsOf(reportIds).values().forEach(m -> ids.add(m.incidentId()));
        List<ObservedIncident> out = new ArrayList<>();
        // One query per incident of the day: a day holds a handful, and this is not the intake path.
        for (String id : ids) {
            incidents.find(id, agreementId).ifPresent(found -> {
                var i = found.incident();
                List<StoredReport> reports = incidents.members(i.id()).stream().map(IncidentMember::report).toList();
                out.add(new ObservedIncident(i.id(), i.status(), i.firstDay(), i.lastDay(), i.independentSources(),
                        i.findings().stream().map(StoredIncidentFinding::assessment).toList(),
                        withFindings(agreementId, reports)));
            });
        }
        return out;
    }

    @Override
    public Map<String, ? extends Set<String>> partiesConcerned(String agreementId, Collection<String> incidentIds) {
        return database.incidents().partiesConcerned(agreementId, incidentIds);
    }

    @Override
    public Optional<ExchangeLedger> exchanges() {
        return Optional.ofNullable(exchanges);
    }

    @Override
    public Optional<Timeline> timeline() {
        return Optional.ofNullable(timeline);
    }

    @Override
    public Optional<DailyReport.Checkpoint> checkpointAtEndOf(LocalDate day) {
        Instant endOfDay = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        StoredCheckpoint found = null;
        for (StoredCheckpoint c : database.record().checkpoints()) {
            if (c.signed().checkpoint().time().isBefore(endOfDay)) {
                found = c;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        Checkpoint c = found.signed().checkpoint();
        return Optional.of(new DailyReport.Checkpoint(found.seq(), c.origin(), c.size(), c.root().hex(), c.time()));
    }

    private List<ObservedReport> withFindings(String agreementId, List<StoredReport> reports) {
        Map<Long, List<Assessment>> byReport = new LinkedHashMap<>();
        reports.forEach(r -> byReport.put(r.id(), new ArrayList<>()));
        Map<Long, IncidentMembership> incidents = Map.of();
        if (!reports.isEmpty()) {
            for (StoredFinding f : database.findings().listForReports(agreementId, byReport.keySet())) {
                byReport.get(f.reportId()).add(f.assessment());
            }
            incidents = database.incidents().membershipsOf(byReport.keySet());
        }
        Map<Long, IncidentMembership> in = incidents;
        return reports.stream().map(r -> new ObservedReport(r.id(), r.sourceId(), r.version(), r.report(),
                byReport.get(r.id()), in.get(r.id()))).toList();
    }
}
