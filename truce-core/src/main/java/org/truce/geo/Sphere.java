package org.truce.geo;

/**
 * Distances on a sphere of radius {@value #RADIUS_M} m (the WGS84 mean radius), as PostGIS
 * {@code geography} computes them with {@code use_spheroid = false}.
 */
public final class Sphere {

    public static final double RADIUS_M = 6_371_008.8;

    private Sphere() {
    }

    /** Great-circle distance in metres (atan2 form: exact near zero and near antipodes). */
    public static double distance_m(GeoPoint a, GeoPoint b) {
        return distance_m(a.lat_deg(), a.lon_deg(), b.lat_deg(), b.lon_deg());
    }

    public static double distance_m(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
        double lat1 = Math.toRadians(lat1_deg);
        double lat2 = Math.toRadians(lat2_deg);
        double dLon = Math.toRadians(lon2_deg - lon1_deg);
        double c1 = Math.cos(lat1);
        double s1 = Math.sin(lat1);
        double c2 = Math.cos(lat2);
        double s2 = Math.sin(lat2);
        double cd = Math.cos(dLon);
        double y = Math.hypot(c2 * Math.sin(dLon), c1 * s2 - s1 * c2 * cd);
        double x = s1 * s2 + c1 * c2 * cd;
        return Math.atan2(y, x) * RADIUS_M;
    }

    /** Degrees of latitude spanned by a distance: exact on the sphere. */
    public static double latitudeSpan_deg(double distance_m) {
        return Math.toDegrees(distance_m / RADIUS_M);
    }
}
