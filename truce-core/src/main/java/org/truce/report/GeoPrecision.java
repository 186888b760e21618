package org.truce.report;

/**
 * ACLED's {@code geo_precision}: 1 the place itself, 2 somewhere near it (a part of a region),
 * 3 only the region, coded at its capital. The uncertainty radius is how far the true place may
 * lie from the coordinates. Level 1 counts as exact: that is how ACLED's own users read it, and
 * a radius for it would make every strike near a town centre undetermined.
 */
public enum GeoPrecision {
    EXACT(1, 0),
    NEAR(2, 10_000),
    REGION(3, 50_000);

    private final int code;
    private final double uncertainty_m;

    GeoPrecision(int code, double uncertainty_m) {
        this.code = code;
        this.uncertainty_m = uncertainty_m;
    }

    public int code() {
        return code;
    }

    public double uncertainty_m() {
        return uncertainty_m;
    }

    public static GeoPrecision ofCode(int code) {
        for (GeoPrecision p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("geo_precision must be 1, 2 or 3, got " + code);
    }
}
