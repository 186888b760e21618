package org.truce.geo;

import java.util.ArrayList;
import java.util.List;

/** A line on the sphere whose edges are minor great-circle arcs (a line of contact, a sea lane). */
public final class Polyline {

    private final List<GeoPoint> vertices;
    private final List<GreatCircleArc> arcs;
    private final double minLat_deg;
    private final double maxLat_deg;
    private final double minLon_deg;
    private final double maxLon_deg;

    public Polyline(List<GeoPoint> vertices) {
        if (vertices.size() < 2) {
            throw new IllegalArgumentException("a line needs at least 2 vertices, got " + vertices.size());
        }
        this.vertices = List.copyOf(vertices);
        List<GreatCircleArc> edges = new ArrayList<>(vertices.size() - 1);
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
            if (i > 0) {
                edges.add(new GreatCircleArc(vertices.get(i - 1), v));
            }
        }
        this.arcs = List.copyOf(edges);
        this.minLat_deg = minLat;
        this.maxLat_deg = maxLat;
        this.minLon_deg = minLon;
        this.maxLon_deg = maxLon;
    }

    public List<GeoPoint> vertices() {
        return vertices;
    }

    public double distanceTo_m(GeoPoint p) {
        UnitVector u = p.toUnitVector();
        double best = Double.POSITIVE_INFINITY;
        for (GreatCircleArc arc : arcs) {
            best = Math.min(best, arc.angleTo_rad(u));
        }
        return best * Sphere.RADIUS_M;
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
