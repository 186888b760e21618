package org.truce.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.truce.agreement.Agreement;
import org.truce.agreement.CeasefireZone;
import org.truce.agreement.Commitment;
import org.truce.agreement.NavigationSafetyArea;
import org.truce.agreement.StrikeMoratorium;
import org.truce.facility.ProtectedObject;
import org.truce.facility.ProtectedObjectIndex;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.target.TargetLexicon;
import org.truce.target.TargetScreen;
import org.truce.zone.Zone;

/**
 * Assesses reports against an agreement's commitments: one door for the CLI on a CSV, the server
 * on each new report, or a distributed job. Immutable after construction and safe to share
 * between threads.
 *
 * <p>Prisoner exchanges and process milestones are not judged from event reports; they have their
 * own ledgers. Commitments whose zone is missing are skipped and named in {@link #warnings()}.
 */
public final class AssessmentEngine {

    private final List<ReportRule> rules;
    private final List<String> warnings;

    public AssessmentEngine(
            Agreement agreement, List<ProtectedObject> objects, List<Zone> zones, TargetLexicon lexicon) {
        PartyCheck parties = new PartyCheck(agreement);
        List<ReportRule> built = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Commitment c : agreement.commitments()) {
            switch (c.kind()) {
                case STRIKE_MORATORIUM -> {
                    StrikeMoratorium m = (StrikeMoratorium) c;
                    ProtectedObjectIndex index = ProtectedObjectIndex.of(objects, o -> m.protects(o.category()), m.radius_m());
                    built.add(new MoratoriumRule(m, parties, index, lexicon));
                }
                case CEASEFIRE_ZONE -> {
                    CeasefireZone z = (CeasefireZone) c;
                    Optional<Zone> zone = resolveZone(z.zone(), zones);
                    if (zone.isPresent()) {
                        built.add(new ZoneRule(c, parties, z.eventTypes(), zone.get(), z.buffer_m()));
                    } else {
                        notes.add(missingZone(c, z.zone(), zones));
                    }
                }
                case NAVIGATION_SAFETY_AREA -> {
                    NavigationSafetyArea n = (NavigationSafetyArea) c;
                    Optional<Zone> zone = resolveZone(n.zone(), zones);
                    if (zone.isPresent() && zone.get() instanceof Zone.Area sea) {
                        ProtectedObjectIndex ports = ProtectedObjectIndex.of(objects, o -> n.protects(o.category()),
                                Math.max(n.radius_m(), 1000));
                        built.add(new NavigationSafetyRule(n, parties, sea, ports, lexicon));
                    } else if (zone.isPresent()) {
                        notes.add("commitment " + c.id() + " not assessed: zone '" + n.zone()
                                + "' is a line, and a navigation safety area needs a sea area (a polygon)");
                    } else {
                        notes.add(missingZone(c, n.zone(), zones));
                    }
                }
                case PRISONER_EXCHANGE, PROCESS_MILESTONE -> {
                    // Kept by their own ledgers, not by event reports.
                }
            }
        }
        this.rules = List.copyOf(built);
        this.warnings = List.copyOf(notes);
    }

    /** Every assessment of the report, one per commitment it could concern, in agreement order. */
    public List<Assessment> assess(Report report) {
        List<Assessment> out = new ArrayList<>(rules.size());
        for (ReportRule rule : rules) {
            rule.assess(report).ifPresent(out::add);
        }
        return out;
    }

    /** What {@link #screen} answers when only {@link #assess} on a report can tell. */
    public static final int NEEDS_REPORT = -1;

    /** Screening works on a bit per commitment; an engine with more assesses every row in full. */
    private static final int MAX_SCREENED_RULES = 16;

    /**
     * What {@link #assess} would give for a report with these facts, judged without making the
     * report: {@link #NEEDS_REPORT} when the facts cannot tell (a possible violation or doubt
     * is possible, or the text must be read), otherwise a set of commitments, bit {@code i} for
     * the i-th of {@link #assessedCommitments()}: {@code assess} gives exactly one assessment for
     * each of them, out of scope, and none for the others. 0 means no assessment at all.
     *
     * <p>It asks the rules' own questions (day, type, window, the same nearest-object and
     * distance searches), so it cannot disagree with {@code assess}; only the text is screened
     * conservatively, and a text that may name a protected target needs the report.
     *
     * @param text whether the report's target field or notes may match a screen (see {@link TargetScreen#mayMatch})
     */
    public int screen(LocalDate day, TimePrecision precision, String eventType, double lat_deg, double lon_deg,
            GeoPrecision where, Predicate<TargetScreen> text) {
        if (rules.size() > MAX_SCREENED_RULES) {
            return mayConcernDay(day, precision) ? NEEDS_REPORT : 0;
        }
        GeoPoint point = new GeoPoint(lat_deg, lon_deg);
        int outOfScope = 0;
        for (int i = 0; i < rules.size(); i++) {
            switch (rules.get(i).screen(day, precision, eventType, point, where, text)) {
                case NEEDS_REPORT -> {
                    return NEEDS_REPORT;
                }
                case OUT_OF_SCOPE -> outOfScope |= 1 << i;
                case NONE -> {
                }
            }
        }
        return outOfScope;
    }

    /**
     * Whether a report of that day can concern any commitment. When false, {@link #assess}
     * returns no assessment for it whatever its other fields say, so a reader of a large file may
     * check such a row and count it without turning it into a report.
     */
    public boolean mayConcernDay(LocalDate day, TimePrecision precision) {
        for (ReportRule rule : rules) {
            if (rule.mayConcernDay(day, precision)) {
                return true;
            }
        }
        return false;
    }

    /** Ids of the commitments this engine assesses reports against. */
    public List<String> assessedCommitments() {
        return rules.stream().map(r -> r.commitment.id()).toList();
    }

    public List<String> warnings() {
        return warnings;
    }

    /**
     * A zone named by id, or, when the commitment names none, the only line given to the run
     * (the benchmark's agreement says "the line of contact" without naming a file).
     */
    private static Optional<Zone> resolveZone(String id, List<Zone> zones) {
        if (id != null) {
            return zones.stream().filter(z -> z.id().equals(id)).findFirst();
        }
        List<Zone> lines = zones.stream().filter(z -> z instanceof Zone.Line).toList();
        return lines.size() == 1 ? Optional.of(lines.get(0)) : Optional.empty();
    }

    private static String missingZone(Commitment c, String id, List<Zone> zones) {
        String known = zones.isEmpty() ? "no zones were given" : "zones given: "
                + String.join(", ", zones.stream().map(Zone::id).toList());
        return "commitment " + c.id() + " not assessed: "
                + (id == null ? "it names no zone and there is not exactly one line" : "zone '" + id + "' not found")
                + " (" + known + ")";
    }
}
