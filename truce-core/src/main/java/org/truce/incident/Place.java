package org.truce.incident;

import org.truce.geo.GeoPoint;

/** Where an incident happened: within {@code radius_m} of {@code centroid}. */
public record Place(GeoPoint centroid, double radius_m) {

    public Place {
        if (centroid == null || !(radius_m >= 0)) {
            throw new IllegalArgumentException("a place needs a centroid and a radius >= 0");
        }
    }
}
