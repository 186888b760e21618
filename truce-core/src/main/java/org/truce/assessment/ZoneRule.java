package org.truce.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.truce.agreement.Commitment;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.target.TargetScreen;
import org.truce.zone.Zone;

/**
 * Ceasefire zones: a report concerns the commitment when it lies
 * within {@code buffer_m} of the zone (inside, for an area).
 */
final class ZoneRule extends ReportRule {

    static final String IN_ZONE = "in zone";

    private final Set<String> eventTypes;
    private final Zone zone;
    private final double buffer_m;
    /** The constant ends of the trace sentences, written once rather than for every finding. */
    private final String holdsEnd;
    private final String straddlesEnd;

    ZoneRule(Commitment commitment, PartyCheck parties, Set<String> eventTypes, Zone zone, double buffer_m) {
        super(commitment, parties);
        this.eventTypes = Set.copyOf(eventTypes);
        this.zone = zone;
        this.buffer_m = buffer_m;
        this.holdsEnd = " <= buffer " + km(buffer_m);
        this.straddlesEnd = ", buffer " + km(buffer_m);
    }

    Zone zone() {
        return zone;
    }

    double buffer_m() {
        return buffer_m;
    }

    @Override
    boolean coversEventType(Report r) {
        return eventTypes.contains(r.eventType());
    }

    /** Exact distance from the recorded point, or infinity when it is certainly beyond {@code reach_m}. */
    double distanceTo_m(GeoPoint p, double reach_m) {
        // A row that becomes a report asks twice, screened and then checked, on one thread.
        LastDistance last = lastDistance.get();
        long lat = Double.doubleToRawLongBits(p.lat_deg());
        long lon = Double.doubleToRawLongBits(p.lon_deg());
        long reach = Double.doubleToRawLongBits(reach_m);
        if (last.known && last.lat == lat && last.lon == lon && last.reach == reach) {
            return last.distance_m;
        }
        double d = measure(p, reach_m);
        last.lat = lat;
        last.lon = lon;
        last.reach = reach;
        last.distance_m = d;
        last.known = true;
        return d;
    }

    /** The last distance a thread measured, and what it measured it for. */
    private static final class LastDistance {
        boolean known;
        long lat;
        long lon;
        long reach;
        double distance_m;
    }

    private final ThreadLocal<LastDistance> lastDistance = ThreadLocal.withInitial(LastDistance::new);

    private double measure(GeoPoint p, double reach_m) {
        if (zone instanceof Zone.Line line && line.line().certainlyFartherThan(p, reach_m)) {
            return Double.POSITIVE_INFINITY;
        }
        return zone.distanceTo_m(p);
    }

    @Override
    Screen screen(LocalDate day, TimePrecision precision, String eventType, GeoPoint point, GeoPrecision where,
            Predicate<TargetScreen> text) {
        Screen decided = screenTypeAndWindow(eventTypes.contains(eventType), day, precision);
        if (decided != null) {
            return decided;
        }
        // As checkPlace: within reach gives an assessment (holds or unknown), else none.
        double u = where.uncertainty_m();
        return distanceTo_m(point, buffer_m + u) - u > buffer_m ? Screen.NONE : Screen.OUT_OF_SCOPE;
    }

    @Override
    PlaceResult checkPlace(Report r) {
        double u = r.geoPrecision().uncertainty_m();
        double d = distanceTo_m(r.point(), buffer_m + u);
        if (d - u > buffer_m) {
            return PlaceResult.NOTHING_IN_REACH;
        }
        Evidence evidence = new Evidence.ZoneDistance(zone.id(), d);
        String zoneId = zone.id();
        String holds = holdsEnd;
        String straddles = straddlesEnd;
        Check check = d + u <= buffer_m
                ? Check.deferred(IN_ZONE, Verdict.HOLDS, () -> km(d) + " from " + zoneId + knownTo(u) + holds)
                : Check.deferred(IN_ZONE, Verdict.UNKNOWN, () -> "location precision straddles the buffer edge: "
                        + km(d) + " from " + zoneId + knownTo(u) + straddles);
        return new PlaceResult(List.of(check), evidence, Assessment.TargetPath.NOT_APPLICABLE);
    }

    /** The location's precision in a trace: "" when exact, " (location known to +/-10.0 km)" otherwise. */
    static String knownTo(double u) {
        if (u == 0) {
            return "";
        }
        // GeoPrecision has two imprecise values: their texts are made once.
        return u == KNOWN_TO_10_KM_M ? KNOWN_TO_10_KM : u == KNOWN_TO_50_KM_M ? KNOWN_TO_50_KM
                : " (location known to +/-" + km(u) + ")";
    }

    private static final double KNOWN_TO_10_KM_M = GeoPrecision.NEAR.uncertainty_m();
    private static final String KNOWN_TO_10_KM = " (location known to +/-" + km(KNOWN_TO_10_KM_M) + ")";
    private static final double KNOWN_TO_50_KM_M = GeoPrecision.REGION.uncertainty_m();
    private static final String KNOWN_TO_50_KM = " (location known to +/-" + km(KNOWN_TO_50_KM_M) + ")";

    /** A distance for a trace: "11.3 km" from 1 km up, "250.0 m" below; String.format is too slow here. */
    static String km(double m) {
        if (!(Math.abs(m) < 1e15)) {
            return String.format(Locale.ROOT, "%.1f m", m);
        }
        // One concatenation: the trace sentences of a bulk run write hundreds of thousands of these.
        boolean inKm = m >= 1000;
        long tenths = Math.round((inKm ? m / 1000 : m) * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10 + (inKm ? " km" : " m");
    }
}
