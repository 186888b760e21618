package org.truce.publication;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.truce.agreement.Agreement;
import org.truce.agreement.Commitment;
import org.truce.agreement.CommitmentTerms;
import org.truce.agreement.ExchangeStage;
import org.truce.agreement.Party;
import org.truce.agreement.PartyStatus;
import org.truce.agreement.PrisonerExchange;
import org.truce.agreement.ProcessMilestone;
import org.truce.assessment.Assessment;
import org.truce.assessment.Outcome;
import org.truce.exchange.BalanceRow;
import org.truce.exchange.ExchangeLedger;
import org.truce.exchange.ParityBalance;
import org.truce.incident.IncidentAssessment;
import org.truce.incident.VerificationStatus;
import org.truce.publication.DailyReport.BalanceLine;
import org.truce.publication.DailyReport.CommitmentOutOfForce;
import org.truce.publication.DailyReport.CommitmentSection;
import org.truce.publication.DailyReport.Coverage;
import org.truce.publication.DailyReport.DayBar;
import org.truce.publication.DailyReport.ExchangeLine;
import org.truce.publication.DailyReport.MapPoint;
import org.truce.publication.DailyReport.MilestoneLine;
import org.truce.publication.DailyReport.NotInForce;
import org.truce.publication.DailyReport.PartyLine;
import org.truce.publication.DailyReport.TopItem;
import org.truce.publication.DailyReport.TopMember;
import org.truce.publication.DailyReport.Verification;
import org.truce.store.finding.FindingCount;
import org.truce.timeline.Milestone;
import org.truce.timeline.StatusChange;
import org.truce.timeline.Timeline;

/** Computes the {@link DailyReport} of an agreement for a day from a {@link RecordView}. */
public final class DailyReportBuilder {

    /** Days in the chart, the report's day included. */
    public static final int CHART_DAYS = 30;

    /** Steps of the timeline dated this many days after the report's day are listed as coming. */
    public static final int MILESTONE_LOOKAHEAD_DAYS = 7;

    private final Agreement agreement;
    private final RecordView record;

    public DailyReportBuilder(Agreement agreement, RecordView record) {
        this.agreement = agreement;
        this.record = record;
    }

    public DailyReport build(LocalDate day) {
        LocalDate firstChartDay = day.minusDays(CHART_DAYS - 1L);
        List<ObservedReport> window = record.reportsBetween(agreement.id(), firstChartDay, day);
        List<ObservedReport> onDay = window.stream().filter(r -> r.report().eventDate().equals(day)).toList();
        Map<String, Map<LocalDate, Map<String, Long>>> violations = violationsByCommitmentDayParty();
        List<ObservedIncident> incidents = record.incidentsOf(agreement.id(),
                onDay.stream().map(ObservedReport::reportId).toList());

        List<CommitmentSection> inForce = new ArrayList<>();
        List<CommitmentOutOfForce> notInForce = new ArrayList<>();
        for (Commitment c : agreement.commitments()) {
            CommitmentTerms terms = c.terms();
            if (!assessedFromReports(c)) {
                notInForce.add(new CommitmentOutOfForce(c.id(), terms.title(), NotInForce.NOT_ASSESSED_FROM_REPORTS));
            } else if (!terms.inForceOn(day)) {
                // Acceptance first: a commitment no one is bound by is not "outside its window" (it may have none).
                boolean allBound = terms.parties().stream()
                        .allMatch(p -> p.binds() && (p.since() == null || !p.since().isAfter(day)));
                notInForce.add(new CommitmentOutOfForce(c.id(), terms.title(),
                        allBound ? NotInForce.OUTSIDE_WINDOW : NotInForce.NOT_ACCEPTED_BY_ALL));
            } else {
                inForce.add(section(c, day, violations.getOrDefault(c.id(), Map.of()), onDay, incidents));
            }
        }
        Optional<ExchangeLedger> ledger = record.exchanges();
        Optional<Timeline> timeline = record.timeline();
        return new DailyReport(day, agreement.id(), agreement.title(), inForce, notInForce,
                topItems(onDay, incidents, inForce), coverage(day, window, onDay), exchanges(day), ledger.isPresent(),
                ledger.map(l -> balances(l, day)).orElse(List.of()), milestones(day, timeline.orElse(null)),
                timeline.isPresent(), record.checkpointAtEndOf(day).orElse(null), mapPoints(onDay), chartParties(),
                chart(firstChartDay, day, violations, inForce));
    }

    private static boolean assessedFromReports(Commitment c) {
        return !(c instanceof PrisonerExchange) && !(c instanceof ProcessMilestone);
    }

    private CommitmentSection section(Commitment c, LocalDate day, Map<LocalDate, Map<String, Long>> byDay,
            List<ObservedReport> onDay, List<ObservedIncident> incidents) {
        LocalDate since = inForceSince(c.terms(), day);
        List<String> parties = new ArrayList<>(c.terms().parties().stream().map(PartyStatus::party).toList());
        new TreeSet<>(byDay.values().stream().flatMap(m -> m.keySet().stream()).toList()).stream()
                .filter(p -> !parties.contains(p)).forEach(parties::add);
        // Findings of no named party ("") come last, after the listed parties and any other named one.
        parties.sort(Comparator.comparing((String p) -> p.isEmpty()).thenComparing(p -> {
            int i = c.terms().parties().stream().map(PartyStatus::party).toList().indexOf(p);
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        List<PartyLine> lines = new ArrayList<>();
        for (String p : parties) {
            long today = count(byDay, day, p);
            long before = count(byDay, day.minusDays(1), p);
            long total = byDay.entrySet().stream()
                    .filter(e -> !e.getKey().isBefore(since) && !e.getKey().isAfter(day))
                    .mapToLong(e -> e.getValue().getOrDefault(p, 0L)).sum();
            lines.add(new PartyLine(p, today, before, total));
        }
        long undetermined = onDay.stream().flatMap(r -> r.findings().stream())
                .filter(f -> f.commitmentId().equals(c.id()) && f.outcome() == Outcome.UNDETERMINED).count();
        return new CommitmentSection(c.id(), c.terms().title(), since, lines, undetermined,
                verification(c.id(), onDay, incidents));
    }

    /**
     * The day's incidents with a possible violation of the commitment, by status; and the day's
     * reports with one that no incident holds, which no one can have verified.
     */
    private static Verification verification(String commitmentId, List<ObservedReport> onDay,
            List<ObservedIncident> incidents) {
        Map<VerificationStatus, Long> byStatus = new HashMap<>();
        for (ObservedIncident i : incidents) {
            if (violates(i, commitmentId).isPresent()) {
                byStatus.merge(i.status(), 1L, Long::sum);
            }
        }
        long alone = onDay.stream().filter(r -> r.incident() == null)
                .filter(r -> violates(r, commitmentId).isPresent()).count();
        return new Verification(byStatus, alone);
    }

    private static Optional<IncidentAssessment> violates(ObservedIncident i, String commitmentId) {
        return i.findings().stream().filter(f -> f.commitmentId().equals(commitmentId)
                && f.outcome() == Outcome.POSSIBLE_VIOLATION).findFirst();
    }

    private static Optional<Assessment> violates(ObservedReport r, String commitmentId) {
        return r.findings().stream().filter(f -> f.commitmentId().equals(commitmentId)
                && f.outcome() == Outcome.POSSIBLE_VIOLATION).findFirst();
    }

    /** The first day of the unbroken run of in-force days that ends on {@code day}. */
    private static LocalDate inForceSince(CommitmentTerms terms, LocalDate day) {
        LocalDate earliest = terms.readings().stream().map(r -> r.window().from()).min(Comparator.naturalOrder())
                .orElse(day);
        LocalDate since = day;
        while (since.isAfter(earliest) && terms.inForceOn(since.minusDays(1))) {
            since = since.minusDays(1);
        }
        return since;
    }

    private static long count(Map<LocalDate, Map<String, Long>> byDay, LocalDate day, String party) {
        return byDay.getOrDefault(day, Map.of()).getOrDefault(party, 0L);
    }

    private Map<String, Map<LocalDate, Map<String, Long>>> violationsByCommitmentDayParty() {
        Map<String, Map<LocalDate, Map<String, Long>>> out = new HashMap<>();
        for (FindingCount fc : record.findingCounts(agreement.id())) {
            if (fc.outcome() == Outcome.POSSIBLE_VIOLATION) {
                String party = fc.party() == null ? "" : fc.party();
                out.computeIfAbsent(fc.commitmentId(), k -> new HashMap<>())
                        .computeIfAbsent(fc.day(), k -> new HashMap<>())
                        .merge(party, fc.count(), Long::sum);
            }
        }
        return out;
    }

    /**
     * The day's incidents with a possible violation of a commitment in force, and the day's reports
     * with one that are in no incident, most fatalities first.
     */
    private static List<TopItem> topItems(List<ObservedReport> onDay, List<ObservedIncident> incidents,
            List<CommitmentSection> inForce) {
        List<String> order = inForce.stream().map(CommitmentSection::commitmentId).toList();
        List<TopItem> items = new ArrayList<>();
        for (String commitment : order) {
            for (ObservedIncident i : incidents) {
                violates(i, commitment).ifPresent(f -> items.add(incidentItem(i, f, onDay)));
            }
            for (ObservedReport r : onDay) {
                if (r.incident() == null) {
                    violates(r, commitment).ifPresent(f -> items.add(new TopItem(commitment, null, null,
                            r.report().eventDate(), r.report().eventDate(), r.report().location(), party(f.party()),
                            r.report().fatalities(), 0, f.reason(), List.of(), List.of(member(r, f)))));
                }
            }
        }
        items.sort(Comparator.comparingInt(TopItem::fatalities).reversed()
                .thenComparing(t -> order.indexOf(t.commitmentId()))
                .thenComparing(t -> t.members().get(0).sourceId())
                .thenComparing(t -> t.members().get(0).reportId()));
        return items.subList(0, Math.min(DailyReport.TOP_ITEMS, items.size()));
    }

    private static TopItem incidentItem(ObservedIncident i, IncidentAssessment f, List<ObservedReport> onDay) {
        List<TopMember> members = new ArrayList<>();
        int fatalities = 0;
        for (ObservedReport r : i.members()) {
            Assessment own = r.findings().stream().filter(a -> a.commitmentId().equals(f.commitmentId())).findFirst()
                    .orElse(null);
            members.add(member(r, own));
            fatalities = Math.max(fatalities, r.report().fatalities());
        }
        // Named after a report of the day (the incident may reach back to an earlier one).
        String location = i.members().stream().filter(r -> onDay.stream().anyMatch(d -> d.reportId() == r.reportId()))
                .map(r -> r.report().location()).filter(l -> !l.isBlank()).findFirst().orElse("");
        return new TopItem(f.commitmentId(), i.id(), i.status(), i.firstDay(), i.lastDay(), location,
                party(f.party()), fatalities, i.independentSources(), f.reason(), f.trace(), members);
    }

    /** A report with its finding on the item's commitment ({@code f} null: it has none). */
    private static TopMember member(ObservedReport r, Assessment f) {
        return new TopMember(r.report().id(), r.sourceId(), r.report().eventDate(), r.report().location(),
                f == null ? null : f.outcome(), f == null ? "" : party(f.party()), f == null ? "" : f.reason(),
                f == null ? List.of() : f.trace());
    }

    private static String party(String p) {
        return p == null ? "" : p;
    }

    private Coverage coverage(LocalDate day, List<ObservedReport> window, List<ObservedReport> onDay) {
        Map<String, String> names = record.sourceNames();
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<String> observed = new TreeSet<>();
        int withoutArea = 0;
        int sourceWithheld = 0;
        for (ObservedReport r : onDay) {
            if (r.sourceId().isBlank()) {
                sourceWithheld++; // a redacted record: the reader's role may not know who reported
            } else {
                sources.add(names.getOrDefault(r.sourceId(), r.sourceId()));
            }
            if (r.report().admin1().isBlank()) {
                withoutArea++;
            } else {
                observed.add(r.report().admin1());
            }
        }
        TreeSet<String> silent = new TreeSet<>();
        window.stream().map(r -> r.report().admin1()).filter(a -> !a.isBlank() && !observed.contains(a))
                .forEach(silent::add);
        return new Coverage(onDay.size(), List.copyOf(sources), List.copyOf(observed), List.copyOf(silent),
                withoutArea, sourceWithheld);
    }

    private List<ExchangeLine> exchanges(LocalDate day) {
        List<ExchangeLine> lines = new ArrayList<>();
        for (Commitment c : agreement.commitments()) {
            if (c instanceof PrisonerExchange x) {
                for (ExchangeStage s : x.stages()) {
                    if (!s.date().isAfter(day)) {
                        int transferred = s.transfers().stream().mapToInt(ExchangeStage.Transfer::persons).sum();
                        lines.add(new ExchangeLine(c.id(), c.terms().title(), s.date(), s.perSide(), transferred));
                    }
                }
            }
        }
        return lines;
    }

    /** For each exchange commitment with a stage due by the day: the balance after its latest exchange by then. */
    private List<BalanceLine> balances(ExchangeLedger ledger, LocalDate day) {
        List<BalanceLine> lines = new ArrayList<>();
        for (Commitment c : agreement.commitments()) {
            if (c instanceof PrisonerExchange x && x.stages().stream().anyMatch(s -> !s.date().isAfter(day))) {
                BalanceRow latest = ledger.balances().stream().filter(b -> b.commitment().equals(c.id()))
                        .map(ParityBalance::rows).flatMap(List::stream).filter(r -> !r.date().isAfter(day))
                        .reduce((a, b) -> b).orElse(null);
                lines.add(new BalanceLine(c.id(), c.terms().title(), latest));
            }
        }
        return lines;
    }

    /**
     * With a timeline: its steps dated up to a week after the day, each with its status at the end
     * of the day; then the agreement's process milestones no step carries out. Without one: the
     * agreement's process milestones, their status unknown.
     */
    private List<MilestoneLine> milestones(LocalDate day, Timeline timeline) {
        List<MilestoneLine> lines = new ArrayList<>();
        TreeSet<String> covered = new TreeSet<>();
        if (timeline != null) {
            for (Milestone m : timeline.milestones()) {
                m.findCommitment().ifPresent(covered::add);
                if (m.date().isAfter(day.plusDays(MILESTONE_LOOKAHEAD_DAYS))) {
                    continue;
                }
                Optional<StatusChange> status = m.statusOn(day);
                lines.add(new MilestoneLine(m.id(), m.commitment(), m.what(), m.date(),
                        status.map(StatusChange::status).orElse(null), status.map(StatusChange::on).orElse(null),
                        status.map(sc -> sc.source().statement()).orElse(null)));
            }
        }
        for (Commitment c : agreement.commitments()) {
            if (c instanceof ProcessMilestone m && !covered.contains(c.id())) {
                lines.add(new MilestoneLine(null, c.id(), m.description().isBlank() ? c.terms().title()
                        : m.description(), m.due(), null, null, null));
            }
        }
        return lines;
    }

    private static List<MapPoint> mapPoints(List<ObservedReport> onDay) {
        return onDay.stream().map(r -> new MapPoint(r.report().point().lat_deg(), r.report().point().lon_deg(),
                r.findings().stream().map(Assessment::outcome).min(DailyReportBuilder::bySeriousness).orElse(null)))
                .toList();
    }

    /** Possible violation first, then undetermined, then out of scope. */
    static int bySeriousness(Outcome a, Outcome b) {
        return Integer.compare(rank(a), rank(b));
    }

    private static int rank(Outcome o) {
        return switch (o) {
            case POSSIBLE_VIOLATION -> 0;
            case UNDETERMINED -> 1;
            case OUT_OF_SCOPE -> 2;
        };
    }

    private List<String> chartParties() {
        List<String> parties = new ArrayList<>(agreement.parties().stream().map(Party::id).toList());
        parties.add("");
        return parties;
    }

    /** Possible violations of the commitments in force on the report's day, over the chart's days. */
    private List<DayBar> chart(LocalDate first, LocalDate day, Map<String, Map<LocalDate, Map<String, Long>>> violations,
            List<CommitmentSection> inForce) {
        List<String> parties = chartParties();
        List<DayBar> bars = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(day); d = d.plusDays(1)) {
            long[] counts = new long[parties.size()];
            for (CommitmentSection s : inForce) {
                for (Map.Entry<String, Long> e : violations.getOrDefault(s.commitmentId(), Map.of())
                        .getOrDefault(d, Map.of()).entrySet()) {
                    int i = parties.indexOf(e.getKey());
                    counts[i < 0 ? parties.size() - 1 : i] += e.getValue();
                }
            }
            bars.add(new DayBar(d, java.util.Arrays.stream(counts).boxed().toList()));
        }
        return bars;
    }
}
