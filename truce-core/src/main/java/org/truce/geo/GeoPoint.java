package org.truce.geo;

/**
 * A WGS84 position in degrees. Validated on construction so that no later step has to wonder
 * whether a latitude of 123 slipped through.
 */
public record GeoPoint(double lat_deg, double lon_deg) {

    public GeoPoint {
        if (!(lat_deg >= -90.0 && lat_deg <= 90.0)) {
            throw new IllegalArgumentException("latitude must be within -90..90 degrees, got " + lat_deg);
        }
        if (!(lon_deg >= -180.0 && lon_deg <= 180.0)) {
            throw new IllegalArgumentException("longitude must be within -180..180 degrees, got " + lon_deg);
        }
    }

    public static GeoPoint of(double lat_deg, double lon_deg) {
        return new GeoPoint(lat_deg, lon_deg);
    }

    /** The point as a unit vector on the sphere, for arc computations. */
    public UnitVector toUnitVector() {
        return UnitVector.of(lat_deg, lon_deg);
    }
}
