package org.truce.assessment;

import java.util.List;
import java.util.Optional;
import org.truce.agreement.NavigationSafetyArea;
import org.truce.facility.ProtectedObject;
import org.truce.facility.ProtectedObjectIndex;
import org.truce.geo.Polyline;
import org.truce.report.Report;
import org.truce.target.TargetReading;
import org.truce.target.TargetLexicon;
import org.truce.zone.Zone;

/**
 * Safe navigation in a sea area. Two place conditions, each with its own line in the trace:
 * <ul>
 *   <li>{@value #SEA_AREA}: inside the area or within its buffer (the coast), or within the radius
 *       of a registered port;
 *   <li>{@value #TARGET}: a registered object of a protected category (a port) within the radius,
 *       else a vessel, port or sea lane the report names, else, for an attack certainly at sea,
 *       the sea lanes themselves. An attack on the coast that names none of them misses.
 * </ul>
 * A location known only roughly that could lie at sea or on land, or on either side of a radius
 * or of the buffer, leaves the condition {@code unknown}, as the moratorium does.
 */
final class NavigationSafetyRule extends ReportRule {

    static final String SEA_AREA = "sea area";
    static final String TARGET = "navigation target";

    private final NavigationSafetyArea area;
    private final Zone.Area sea;
    /** The area's outline, to tell "certainly at sea" from "maybe ashore" for points inside. */
    private final Polyline coast;
    private final ProtectedObjectIndex ports;
    private final TargetLexicon lexicon;

    NavigationSafetyRule(NavigationSafetyArea area, PartyCheck parties, Zone.Area sea, ProtectedObjectIndex ports,
            TargetLexicon lexicon) {
        super(area, parties);
        this.area = area;
        this.sea = sea;
        this.coast = new Polyline(sea.ring());
        this.ports = ports;
        this.lexicon = lexicon;
    }

    @Override
    boolean coversEventType(Report r) {
        return area.covers(r.eventType(), r.subEventType());
    }

    @Override
    String typeOf(Report r) {
        return area.subEventTypes().isEmpty() || r.subEventType().isEmpty()
                ? r.eventType() : r.eventType() + ": " + r.subEventType();
    }

    @Override
    PlaceResult checkPlace(Report r) {
        double u = r.geoPrecision().uncertainty_m();
        double buffer = area.buffer_m();
        double radius = area.radius_m();
        boolean inside = sea.contains(r.point());
        Optional<ProtectedObjectIndex.Nearest> port = ports.nearestWithin(r.point(), radius);
        boolean portCertain = port.isPresent() && port.get().distance_m() + u <= radius;
        boolean portPossible = port.isPresent() || (u > 0 && ports.anyWithin(r.point(), radius + u));
        // Most reports lie far inland: skip the exact distance unless the report names a maritime target.
        if (!inside && !portPossible && coast.certainlyFartherThan(r.point(), buffer + u)
                && !lexicon.choose(r.target(), r.notes()).names(area::protects)) {
            return PlaceResult.NOTHING_IN_REACH;
        }
        double toCoast = coast.distanceTo_m(r.point());
        // Distance to the area: 0 inside, to its outline outside.
        double d = inside ? 0 : toCoast;
        Evidence evidence = port.<Evidence>map(n -> new Evidence.NearestObject(n.object(), n.distance_m()))
                .orElseGet(() -> new Evidence.ZoneDistance(sea.id(), d));
        String precision = u == 0 ? "" : " (location known to +/-" + ZoneRule.km(u) + ")";

        Check seaArea = seaAreaCheck(inside, d, toCoast, u, buffer, portCertain, portPossible, port, precision);
        TargetResult target = targetCheck(r, inside, toCoast, u, radius, port, portCertain, portPossible, precision);
        if (seaArea.verdict() == Verdict.FAILS && target.check.verdict() != Verdict.HOLDS) {
            return PlaceResult.NOTHING_IN_REACH; // far from the sea and from any port, hitting nothing maritime
        }
        return new PlaceResult(List.of(seaArea, target.check), evidence, target.path);
    }

    private Check seaAreaCheck(boolean inside, double d, double toCoast, double u, double buffer, boolean portCertain,
            boolean portPossible, Optional<ProtectedObjectIndex.Nearest> port, String precision) {
        // How far beyond the coast the true place may lie: inside, only by what u exceeds the shore.
        double worst = inside ? Math.max(0, u - toCoast) : d + u;
        double best = inside ? 0 : d - u;
        if (worst <= buffer) {
            String where = inside ? "inside " + sea.id() + ", " + ZoneRule.km(toCoast) + " from its outline"
                    : ZoneRule.km(d) + " from " + sea.id();
            return Check.holds(SEA_AREA, where + precision + " <= buffer " + ZoneRule.km(buffer));
        }
        if (portCertain) {
            return Check.holds(SEA_AREA, ZoneRule.km(d) + " from " + sea.id() + " but " + describe(port.get())
                    + " <= radius " + ZoneRule.km(area.radius_m()) + precision);
        }
        if (best <= buffer || portPossible) {
            return Check.unknown(SEA_AREA, "location precision straddles the buffer edge: " + ZoneRule.km(d)
                    + " from " + sea.id() + precision + ", buffer " + ZoneRule.km(buffer)
                    + (portPossible ? ", or a registered port's radius " + ZoneRule.km(area.radius_m()) : ""));
        }
        return Check.fails(SEA_AREA, "outside the sea area: " + ZoneRule.km(d) + " from " + sea.id()
                + precision + " > buffer " + ZoneRule.km(buffer) + ", no registered port within "
                + ZoneRule.km(area.radius_m()));
    }

    private record TargetResult(Check check, Assessment.TargetPath path) {
    }

    private TargetResult targetCheck(Report r, boolean inside, double toCoast, double u, double radius,
            Optional<ProtectedObjectIndex.Nearest> port, boolean portCertain, boolean portPossible, String precision) {
        if (portCertain) {
            return new TargetResult(Check.holds(TARGET, "registered object " + describe(port.get()) + " <= radius "
                    + ZoneRule.km(radius) + precision), Assessment.TargetPath.REGISTERED_OBJECT);
        }
        TargetReading text = lexicon.read(r.target(), r.notes());
        if (text.names(area::protects)) {
            return new TargetResult(Check.holds(TARGET, "the report " + text.explain()), Assessment.TargetPath.REPORT_TEXT);
        }
        if (portPossible) {
            return new TargetResult(Check.unknown(TARGET, "location precision straddles the radius of a registered"
                    + " port" + precision + ", radius " + ZoneRule.km(radius)), Assessment.TargetPath.REGISTERED_OBJECT);
        }
        if (!text.namedCategories().isEmpty()) {
            return new TargetResult(Check.fails(TARGET, "target not a protected vessel, port or sea lane: the report "
                    + text.explain()), Assessment.TargetPath.REPORT_TEXT);
        }
        if (inside && toCoast > u) {
            return new TargetResult(Check.holds(TARGET, "at sea, " + ZoneRule.km(toCoast) + " from the coast"
                    + precision + ": the sea lanes themselves"), Assessment.TargetPath.NOT_APPLICABLE);
        }
        if (inside || toCoast <= u) {
            return new TargetResult(Check.unknown(TARGET, "location precision straddles the coast: "
                    + ZoneRule.km(toCoast) + " from it" + precision + "; at sea the sea lanes are the target,"
                    + " ashore the report names no vessel, port or sea lane"), Assessment.TargetPath.NOT_APPLICABLE);
        }
        if (text.hintsAt(area::protects)) {
            return new TargetResult(Check.unknown(TARGET, "the report hints at a target but " + text.explain()),
                    Assessment.TargetPath.REPORT_TEXT);
        }
        return new TargetResult(Check.fails(TARGET, "ashore, and the report names no vessel, port or sea lane"
                + " (no registered port within " + ZoneRule.km(radius) + ")"), Assessment.TargetPath.NONE);
    }

    private static String describe(ProtectedObjectIndex.Nearest n) {
        ProtectedObject o = n.object();
        return o.id() + " (" + o.category() + (o.name().isEmpty() ? "" : ", " + o.name()) + ") at "
                + ZoneRule.km(n.distance_m());
    }
}
