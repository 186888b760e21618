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
import org.truce.store.finding.FindingCount;

/** Computes the {@link DailyReport} of an agreement for a day from a {@link RecordView}. */
public final class DailyReportBuilder {

    /** Days in the chart, the report's day included. */
    public static final int CHART_DAYS = 30;

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
                inForce.add(section(c, day, violations.getOrDefault(c.id(), Map.of()), onDay));
            }
        }
        return new DailyReport(day, agreement.id(), agreement.title(), inForce, notInForce,
                topItems(onDay, inForce), coverage(day, window, onDay), exchanges(day), milestones(day),
                record.checkpoint(day).orElse(null), mapPoints(onDay), chartParties(),
                chart(firstChartDay, day, violations, inForce));
    }

    private static boolean assessedFromReports(Commitment c) {
        return !(c instanceof PrisonerExchange) && !(c instanceof ProcessMilestone);
    }

    private CommitmentSection section(Commitment c, LocalDate day, Map<LocalDate, Map<String, Long>> byDay,
            List<ObservedReport> onDay) {
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
        long possible = lines.stream().mapToLong(PartyLine::onDay).sum();
        Optional<RecordView.VerificationCount> verified = record.verification(c.id(), day);
        return new CommitmentSection(c.id(), c.terms().title(), since, lines, undetermined,
                verified.map(RecordView.VerificationCount::verified).orElse(null),
                verified.map(RecordView.VerificationCount::unverified).orElse(possible));
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

    private static List<TopItem> topItems(List<ObservedReport> onDay, List<CommitmentSection> inForce) {
        List<String> order = inForce.stream().map(CommitmentSection::commitmentId).toList();
        List<TopItem> items = new ArrayList<>();
        for (ObservedReport r : onDay) {
            for (Assessment f : r.findings()) {
                if (f.outcome() == Outcome.POSSIBLE_VIOLATION && order.contains(f.commitmentId())) {
                    items.add(new TopItem(f.commitmentId(), r.report().id(), r.sourceId(), r.report().eventDate(),
                            r.report().location(), f.party() == null ? "" : f.party(), r.report().fatalities(),
                            f.reason(), f.trace()));
                }
            }
        }
        items.sort(Comparator.comparingInt(TopItem::fatalities).reversed()
                .thenComparing(t -> order.indexOf(t.commitmentId()))
                .thenComparing(TopItem::sourceId).thenComparing(TopItem::reportId));
        return items.subList(0, Math.min(DailyReport.TOP_ITEMS, items.size()));
    }

    private Coverage coverage(LocalDate day, List<ObservedReport> window, List<ObservedReport> onDay) {
        Map<String, String> names = record.sourceNames();
        TreeSet<String> sources = new TreeSet<>();
        TreeSet<String> observed = new TreeSet<>();
        int withoutArea = 0;
        for (ObservedReport r : onDay) {
            sources.add(names.getOrDefault(r.sourceId(), r.sourceId()));
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
                withoutArea);
    }

    private List<ExchangeLine> exchanges(LocalDate day) {
        List<ExchangeLine> lines = new ArrayList<>();
        for (Commitment c : agreement.commitments()) {
            if (c instanceof PrisonerExchange x) {
                Map<String, Integer> carried = record.exchangeBalance(c.id(), day)
                        .map(RecordView.ExchangeBalance::releasedByParty).orElse(null);
                for (ExchangeStage s : x.stages()) {
                    if (!s.date().isAfter(day)) {
                        int transferred = s.transfers().stream().mapToInt(ExchangeStage.Transfer::persons).sum();
                        lines.add(new ExchangeLine(c.id(), c.terms().title(), s.date(), s.perSide(), transferred,
                                carried));
                    }
                }
            }
        }
        return lines;
    }

    private List<MilestoneLine> milestones(LocalDate day) {
        List<MilestoneLine> lines = new ArrayList<>();
        for (Commitment c : agreement.commitments()) {
            if (c instanceof ProcessMilestone m) {
                lines.add(new MilestoneLine(c.id(), m.description().isBlank() ? c.terms().title() : m.description(),
                        m.due(), record.milestoneStatus(c.id(), day).orElse(null)));
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
