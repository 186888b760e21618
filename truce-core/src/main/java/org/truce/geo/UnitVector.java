package org.truce.geo;

/** A point on the unit sphere as an (x, y, z) vector; the cheap form for repeated distance work. */
public record UnitVector(double x, double y, double z) {

    public static UnitVector of(double lat_deg, double lon_deg) {
        double lat = Math.toRadians(lat_deg);
        double lon = Math.toRadians(lon_deg);
        double cosLat = Math.cos(lat);
        return new UnitVector(cosLat * Math.cos(lon), cosLat * Math.sin(lon), Math.sin(lat));
    }

    double dot(UnitVector o) {
        return x * o.x + y * o.y + z * o.z;
    }

    UnitVector cross(UnitVector o) {
        return new UnitVector(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** Central angle to another unit vector, in radians; atan2 keeps it accurate at 0 and at pi. */
    public double angleTo_rad(UnitVector o) {
        return Math.atan2(cross(o).norm(), dot(o));
    }
}
