package org.truce.geo;

/**
 * The minor great-circle arc between two points: one edge of a line on the sphere. A line's edge
 * is not a straight segment in degrees; on a 50 km east-west edge the two differ by ~25 m.
 */
public final class GreatCircleArc {

    private final UnitVector a;
    private final UnitVector b;
    /** Unit normal of the arc's plane, or null when the end points coincide. */
    private final UnitVector normal;

    public GreatCircleArc(GeoPoint from, GeoPoint to) {
        this.a = from.toUnitVector();
        this.b = to.toUnitVector();
        UnitVector n = a.cross(b);
        double len = n.norm();
        this.normal = len > 1e-15 ? new UnitVector(n.x() / len, n.y() / len, n.z() / len) : null;
    }

    /** Angular distance (radians) from a point to the arc. */
    public double angleTo_rad(UnitVector p) {
        double toEnds = Math.min(p.angleTo_rad(a), p.angleTo_rad(b));
        if (normal == null) {
            return toEnds;
        }
        double s = p.dot(normal);
        // Projection of p onto the arc's plane; the foot lies on the arc iff it is between a and b.
        UnitVector q = new UnitVector(p.x() - s * normal.x(), p.y() - s * normal.y(), p.z() - s * normal.z());
        double qNorm = q.norm();
        if (qNorm < 1e-15) {
            return toEnds;
        }
        if (a.cross(q).dot(normal) >= 0 && q.cross(b).dot(normal) >= 0) {
            return Math.min(Math.atan2(Math.abs(s), qNorm), toEnds);
        }
        return toEnds;
    }

    public double distanceTo_m(GeoPoint p) {
        return angleTo_rad(p.toUnitVector()) * Sphere.RADIUS_M;
    }
}
