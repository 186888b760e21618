package org.truce.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.truce.geo.Sphere;
import org.truce.report.Report;

/**
 * Groups reports that describe the same event into incidents.
 *
 * <p>Reports are taken best-located first: by geo precision, then time precision, then date, then
 * id. Each report is compared with the anchor (first report) of every incident so far and joins
 * the matching anchor with the fewest days apart, then the shortest distance, then the smallest
 * incident id; a report that matches no anchor starts an incident of its own, with the id
 * {@code INC-<its report id>}. Comparing with the anchor only, never with any member, keeps
 * incidents from chaining: a daily shelling of one town does not become one month-long incident.
 * The input order never matters: the same reports in any order give the same incidents.
 */
public final class IncidentGrouper {

    public static final String ID_PREFIX = "INC-";

    private static final Comparator<Report> ANCHORS_FIRST = Comparator
            .comparingInt((Report r) -> r.geoPrecision().code())
            .thenComparingInt(r -> r.timePrecision().code())
            .thenComparing(Report::eventDate)
            .thenComparing(Report::id);

    private final GroupingRules rules;
    private final SourceAffiliations affiliations;

    public IncidentGrouper(GroupingRules rules, SourceAffiliations affiliations) {
        if (rules == null || affiliations == null) {
            throw new IllegalArgumentException("a grouper needs rules and source affiliations");
        }
        this.rules = rules;
        this.affiliations = affiliations;
    }

    /** Groups reports whose submitters are not known; {@code createdBy} is who runs the grouping. */
    public List<Incident> group(Collection<Report> reports, String createdBy) {
        return group(reports, Map.of(), createdBy);
    }

    /**
     * Groups reports; {@code submittedBy} maps report ids to the person who submitted them (any
     * report may be missing). Incidents come back sorted by id, each {@code reported}.
     */
    public List<Incident> group(Collection<Report> reports, Map<String, String> submittedBy, String createdBy) {
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("say who creates the incidents");
        }
        List<Report> sorted = new ArrayList<>(reports);
        sorted.sort(ANCHORS_FIRST);
        Set<String> ids = new HashSet<>();
        for (Report r : sorted) {
            if (!ids.add(r.id())) {
                throw new IllegalArgumentException("report id " + r.id() + " appears twice");
            }
        }
        List<Report> anchors = new ArrayList<>();
        List<List<Member>> groups = new ArrayList<>();
        for (Report r : sorted) {
            int best = -1;
            JoinReason.Near bestReason = null;
            for (int i = 0; i < anchors.size(); i++) {
                Optional<JoinReason.Near> near = compare(anchors.get(i), r);
                if (near.isPresent() && (best < 0 || closer(near.get(), bestReason, anchors.get(i), anchors.get(best)))) {
                    best = i;
                    bestReason = near.get();
                }
            }
            if (best < 0) {
                anchors.add(r);
                groups.add(new ArrayList<>(List.of(member(r, submittedBy, new JoinReason.Anchor()))));
            } else {
                groups.get(best).add(member(r, submittedBy, bestReason));
            }
        }
        List<Incident> incidents = new ArrayList<>();
        for (int i = 0; i < anchors.size(); i++) {
            incidents.add(new Incident(ID_PREFIX + anchors.get(i).id(), groups.get(i), VerificationStatus.REPORTED,
                    new TreeSet<>(Set.of(createdBy))));
        }
        incidents.sort(Comparator.comparing(Incident::id));
        return List.copyOf(incidents);
    }

    /** Whether {@code r} describes the same event as {@code anchor}, with the figures that say so. */
    public Optional<JoinReason.Near> compare(Report anchor, Report r) {
        Optional<TypeRelation> relation = rules.types().relation(anchor.eventType(), r.eventType());
        if (relation.isEmpty()) {
            return Optional.empty();
        }
        double distance_m = Sphere.distance_m(anchor.point(), r.point());
        double allowed_m = rules.baseDistance_m() + anchor.geoPrecision().uncertainty_m()
                + r.geoPrecision().uncertainty_m();
        long days = Math.abs(anchor.eventDate().toEpochDay() - r.eventDate().toEpochDay());
        long allowedDays = (long) rules.baseDays() + anchor.timePrecision().uncertainty_days()
                + r.timePrecision().uncertainty_days();
        if (distance_m > allowed_m || days > allowedDays) {
            return Optional.empty();
        }
        return Optional.of(new JoinReason.Near(anchor.id(), distance_m, allowed_m, days, allowedDays, relation.get()));
    }

    private static boolean closer(JoinReason.Near a, JoinReason.Near b, Report anchorA, Report anchorB) {
        if (a.daysApart() != b.daysApart()) {
            return a.daysApart() < b.daysApart();
        }
        if (a.distance_m() != b.distance_m()) {
            return a.distance_m() < b.distance_m();
        }
        return anchorA.id().compareTo(anchorB.id()) < 0;
    }

    private Member member(Report r, Map<String, String> submittedBy, JoinReason reason) {
        return new Member(r, affiliations.partyOf(r.source()), submittedBy.getOrDefault(r.id(), ""), reason);
    }
}
