package org.truce.zone;

import java.util.List;
import org.truce.geo.GeoPoint;
import org.truce.geo.Polyline;

/** A named geographic line or area that a commitment refers to (line of contact, a sea area). */
public sealed interface Zone permits Zone.Line, Zone.Area {

    String id();

    String name();

    /** Distance in metres from a point to the zone; 0 inside an area. */
    double distanceTo_m(GeoPoint p);

    /** A line such as the line of contact; edges are great-circle arcs. */
    record Line(String id, String name, Polyline line) implements Zone {
        public Line {
            requireId(id);
            name = name == null ? "" : name;
        }

        @Override
        public double distanceTo_m(GeoPoint p) {
            return line.distanceTo_m(p);
        }
    }

    /**
     * An area bounded by an outer ring (holes are not needed by any agreement so far). Containment
     * is tested in degrees, which is exact enough for areas whose edges are short next to their
     * distance from the poles; distance outside is measured to the ring's arcs.
     */
    record Area(String id, String name, List<GeoPoint> ring) implements Zone {
        public Area {
            requireId(id);
            name = name == null ? "" : name;
            ring = List.copyOf(ring);
            if (ring.size() < 4 || !ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw new IllegalArgumentException("area " + id + " needs a closed ring of at least 4 positions");
            }
        }

        public boolean contains(GeoPoint p) {
            boolean inside = false;
            for (int i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
                GeoPoint a = ring.get(i);
                GeoPoint b = ring.get(j);
                boolean crosses = (a.lat_deg() > p.lat_deg()) != (b.lat_deg() > p.lat_deg());
                if (crosses) {
                    double lonAtLat = (b.lon_deg() - a.lon_deg()) * (p.lat_deg() - a.lat_deg())
                            / (b.lat_deg() - a.lat_deg()) + a.lon_deg();
                    if (p.lon_deg() < lonAtLat) {
                        inside = !inside;
                    }
                }
            }
            return inside;
        }

        @Override
        public double distanceTo_m(GeoPoint p) {
            return contains(p) ? 0.0 : new Polyline(ring).distanceTo_m(p);
        }
    }

    private static void requireId(String id) {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("zone id must not be empty");
        }
    }
}
