package org.truce.geo;

/**
 * A WGS84 box, west to east and south to north, in degrees, edges included. A box that crosses
 * the antimeridian (west greater than east) is not supported: give two boxes instead.
 */
public record BoundingBox(double minLon_deg, double minLat_deg, double maxLon_deg, double maxLat_deg) {

    public BoundingBox {
        requireIn(minLon_deg, -180, 180, "west longitude");
        requireIn(maxLon_deg, -180, 180, "east longitude");
        requireIn(minLat_deg, -90, 90, "south latitude");
        requireIn(maxLat_deg, -90, 90, "north latitude");
        if (minLon_deg > maxLon_deg) {
            throw new IllegalArgumentException("west longitude " + minLon_deg + " is east of east longitude "
                    + maxLon_deg + " (boxes across the antimeridian are not supported)");
        }
        if (minLat_deg > maxLat_deg) {
            throw new IllegalArgumentException("south latitude " + minLat_deg + " is north of north latitude "
                    + maxLat_deg);
        }
    }

    public boolean contains(GeoPoint p) {
        return p.lon_deg() >= minLon_deg && p.lon_deg() <= maxLon_deg
                && p.lat_deg() >= minLat_deg && p.lat_deg() <= maxLat_deg;
    }

    private static void requireIn(double value, double min, double max, String what) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(what + " must be within " + (int) min + ".." + (int) max
                    + " degrees, got " + value);
        }
    }
}
