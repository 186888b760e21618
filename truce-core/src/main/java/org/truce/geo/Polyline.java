package org.truce.geo;

import java.util.List;

/** A line on the sphere whose edges are minor great-circle arcs (a line of contact, a sea lane). */
public final class Polyline {

    private final List<GeoPoint> vertices;
    /** Vertices as unit vectors, in flat arrays: a distance then allocates nothing. */
    private final double[] vx;
    private final double[] vy;
    private final double[] vz;
    /** Unit normal of arc k (vertex k to k + 1); hasNormal[k] is false when its ends coincide. */
    private final double[] nx;
    private final double[] ny;
    private final double[] nz;
    private final boolean[] hasNormal;
    private final double minLat_deg;
    private final double maxLat_deg;
    private final double minLon_deg;
    private final double maxLon_deg;

    public Polyline(List<GeoPoint> vertices) {
        if (vertices.size() < 2) {
            throw new IllegalArgumentException("a line needs at least 2 vertices, got " + vertices.size());
        }
        this.vertices = List.copyOf(vertices);
        int n = vertices.size();
        vx = new double[n];
        vy = new double[n];
        vz = new double[n];
        nx = new double[n - 1];
        ny = new double[n - 1];
        nz = new double[n - 1];
        hasNormal = new boolean[n - 1];
        double minLat = 90;
        double maxLat = -90;
        double minLon = 180;
        double maxLon = -180;
        for (int i = 0; i < vertices.size(); i++) {
            GeoPoint v = vertices.get(i);
            minLat = Math.min(minLat, v.lat_deg());
            maxLat = Math.max(maxLat, v.lat_deg());
            minLon = Math.min(minLon, v.lon_deg());
            maxLon = Math.max(maxLon, v.lon_deg());
            UnitVector u = v.toUnitVector();
            vx[i] = u.x();
            vy[i] = u.y();
            vz[i] = u.z();
            if (i > 0) {
                // The normal exactly as GreatCircleArc makes it, so distances keep every bit.
                UnitVector c = vertices.get(i - 1).toUnitVector().cross(u);
                double len = c.norm();
                if (len > 1e-15) {
                    nx[i - 1] = c.x() / len;
                    ny[i - 1] = c.y() / len;
                    nz[i - 1] = c.z() / len;
                    hasNormal[i - 1] = true;
                }
            }
        }
        this.minLat_deg = minLat;
        this.maxLat_deg = maxLat;
        this.minLon_deg = minLon;
        this.maxLon_deg = maxLon;
    }

    public List<GeoPoint> vertices() {
        return vertices;
    }

    /**
     * Great-circle distance from a point to the nearest point of the line: bit for bit the
     * minimum of {@link GreatCircleArc#angleTo_rad} over the edges, times the radius.
     *
     * <p>That minimum is the smallest of the angles to the vertices and of the angles to the
     * edges' planes where the foot of the perpendicular lies on the edge. Each of those has a
     * bound that costs a few multiplications: the chord to a vertex, and |p . normal| for a
     * plane, are never more than the angle. Only the candidates whose bound does not exceed the
     * best angle found so far get the exact atan2 (computed with the same operations as
     * GreatCircleArc), so the result is the same double, for a tenth of the trigonometry.
     */
    public double distanceTo_m(GeoPoint p) {
        UnitVector u = p.toUnitVector();
        double px = u.x();
        double py = u.y();
        double pz = u.z();
        int n = vx.length;
        int nearest = 0;
        double nearestChord2 = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double c2 = chord2(px, py, pz, i);
            if (c2 < nearestChord2) {
                nearest = i;
                nearestChord2 = c2;
            }
        }
        double best = vertexAngle(px, py, pz, nearest);
        for (int k = 0; k < n - 1; k++) {
            if (!hasNormal[k]) {
                continue;
            }
            double s = px * nx[k] + py * ny[k] + pz * nz[k];
            if (s * s > bound2(best)) {
                continue; // the angle to the arc's plane is at least |s|
            }
            best = Math.min(best, footAngle(px, py, pz, s, k));
        }
        for (int i = 0; i < n; i++) {
            if (i != nearest && chord2(px, py, pz, i) <= bound2(best)) {
                best = Math.min(best, vertexAngle(px, py, pz, i));
            }
        }
        return best * Sphere.RADIUS_M;
    }

    /** Squared chord from the point to vertex i: a lower bound of the squared angle, no trigonometry. */
    private double chord2(double px, double py, double pz, int i) {
        double dx = px - vx[i];
        double dy = py - vy[i];
        double dz = pz - vz[i];
        return dx * dx + dy * dy + dz * dz;
    }

    /**
     * The square of the largest bound that may still belong to an angle below {@code best}. The
     * room for rounding is generous (a millionth, plus 1e-13 rad, under a micrometre, for points
     * on a vertex): the formulas err by about 1e-15.
     */
    private static double bound2(double best) {
        double b = best * (1 + 1e-6) + 1e-13;
        return b * b;
    }

    /** As UnitVector.angleTo_rad, to vertex i. */
    private double vertexAngle(double px, double py, double pz, int i) {
        double ax = vx[i];
        double ay = vy[i];
        double az = vz[i];
        double cx = py * az - pz * ay;
        double cy = pz * ax - px * az;
        double cz = px * ay - py * ax;
        return Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), px * ax + py * ay + pz * az);
    }

    /**
     * As GreatCircleArc.angleTo_rad's projection branch for arc k: the angle to the arc's plane
     * when the foot of the perpendicular lies on the arc, else infinity (the ends count apart).
     */
    private double footAngle(double px, double py, double pz, double s, int k) {
        double mx = nx[k];
        double my = ny[k];
        double mz = nz[k];
        double qx = px - s * mx;
        double qy = py - s * my;
        double qz = pz - s * mz;
        double qNorm = Math.sqrt(qx * qx + qy * qy + qz * qz);
        if (qNorm < 1e-15) {
            return Double.POSITIVE_INFINITY;
        }
        double ax = vx[k];
        double ay = vy[k];
        double az = vz[k];
        double bx = vx[k + 1];
        double by = vy[k + 1];
        double bz = vz[k + 1];
        // a x q . normal, then q x b . normal, as UnitVector.cross and dot compute them.
        double fromA = (ay * qz - az * qy) * mx + (az * qx - ax * qz) * my + (ax * qy - ay * qx) * mz;
        double toB = (qy * bz - qz * by) * mx + (qz * bx - qx * bz) * my + (qx * by - qy * bx) * mz;
        if (fromA >= 0 && toB >= 0) {
            return Math.atan2(Math.abs(s), qNorm);
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * True when the point is certainly farther than {@code distance_m} from every vertex's
     * bounding box, so the exact arc test can be skipped. Conservative: false means "maybe near".
     */
    public boolean certainlyFartherThan(GeoPoint p, double distance_m) {
        // Great-circle arcs bulge poleward of their end points; 0.1 degree of slack covers edges
        // of several hundred km, and this check only prunes, it never decides.
        double dLat = Sphere.latitudeSpan_deg(distance_m) * 1.01 + 0.1;
        if (p.lat_deg() < minLat_deg - dLat || p.lat_deg() > maxLat_deg + dLat) {
            return true;
        }
        double maxAbsLat = Math.min(89.0, Math.max(Math.abs(minLat_deg), Math.abs(maxLat_deg)) + dLat);
        double dLon = dLat / Math.cos(Math.toRadians(maxAbsLat));
        return p.lon_deg() < minLon_deg - dLon || p.lon_deg() > maxLon_deg + dLon;
    }
}
