package org.truce.incident;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.truce.geo.GeoPoint;
import org.truce.geo.Sphere;
import org.truce.geo.UnitVector;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;

/**
 * What happened, established from one or more reports. Members are kept sorted by report id;
 * {@code createdBy} names everyone who created this incident or one merged into it (for four eyes).
 * The time span, place, family and independent sources are derived from the members.
 */
public record Incident(String id, List<Member> members, VerificationStatus status, SortedSet<String> createdBy) {

    public Incident {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("an incident needs an id");
        }
        if (members == null || members.isEmpty()) {
            throw new IllegalArgumentException("incident " + id + " needs at least one report");
        }
        if (status == null) {
            throw new IllegalArgumentException("incident " + id + " needs a verification status");
        }
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(Member::reportId));
        Set<String> seen = new HashSet<>();
        for (Member m : sorted) {
            if (!seen.add(m.reportId())) {
                throw new IllegalArgumentException("incident " + id + " holds report " + m.reportId() + " twice");
            }
            if (EventFamily.of(m.report().eventType()) != EventFamily.of(sorted.get(0).report().eventType())) {
                throw new IllegalArgumentException("incident " + id + " mixes event families: report "
                        + sorted.get(0).reportId() + " is " + EventFamily.of(sorted.get(0).report().eventType())
                        + ", report " + m.reportId() + " is " + EventFamily.of(m.report().eventType()));
            }
        }
        members = List.copyOf(sorted);
        createdBy = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(createdBy));
    }

    public List<String> reportIds() {
        return members.stream().map(Member::reportId).toList();
    }

    public boolean contains(String reportId) {
        return members.stream().anyMatch(m -> m.reportId().equals(reportId));
    }

    public EventFamily family() {
        return EventFamily.of(members.get(0).report().eventType());
    }

    /** The ACLED event types of the members, sorted. */
    public SortedSet<String> eventTypes() {
        SortedSet<String> types = new TreeSet<>();
        members.forEach(m -> types.add(m.report().eventType()));
        return java.util.Collections.unmodifiableSortedSet(types);
    }

    public Independence independence() {
        return Independence.of(members);
    }

    /** Every day any member allows, given its time precision. */
    public TimeSpan span() {
        LocalDate from = null;
        LocalDate to = null;
        for (Member m : members) {
            Report r = m.report();
            int u = r.timePrecision().uncertainty_days();
            LocalDate a = r.eventDate().minusDays(u);
            LocalDate b = r.eventDate().plusDays(u);
            from = from == null || a.isBefore(from) ? a : from;
            to = to == null || b.isAfter(to) ? b : to;
        }
        return new TimeSpan(from, to);
    }

    /**
     * The centroid of the best-located members (the lowest geo precision code present); the radius
     * reaches every member's point plus its geo-precision uncertainty.
     */
    public Place place() {
        GeoPrecision best = members.stream().map(m -> m.report().geoPrecision())
                .min(Comparator.naturalOrder()).orElseThrow();
        double x = 0;
        double y = 0;
        double z = 0;
        for (Member m : members) {
            if (m.report().geoPrecision() == best) {
                UnitVector v = m.report().point().toUnitVector();
                x += v.x();
                y += v.y();
                z += v.z();
            }
        }
        GeoPoint centroid = GeoPoint.of(Math.toDegrees(Math.atan2(z, Math.hypot(x, y))),
                Math.toDegrees(Math.atan2(y, x)));
        double radius_m = 0;
        for (Member m : members) {
            Report r = m.report();
            radius_m = Math.max(radius_m, Sphere.distance_m(centroid, r.point()) + r.geoPrecision().uncertainty_m());
        }
        return new Place(centroid, radius_m);
    }

    Incident withStatus(VerificationStatus s) {
        return new Incident(id, members, s, createdBy);
    }
}
