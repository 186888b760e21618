package org.truce.facility;

import org.truce.geo.GeoPoint;

/**
 * Something a commitment may protect (a substation, a refinery, a port), with a dotted category
 * such as {@code energy.substation}. Ids compare byte-wise, which is how ties are broken.
 */
public record ProtectedObject(String id, String name, String category, GeoPoint location) {

    public ProtectedObject {
        if (id == null || id.isEmpty()) {
            throw new IllegalArgumentException("protected object id must not be empty");
        }
        if (category == null || category.isEmpty()) {
            throw new IllegalArgumentException("protected object " + id + " has no category");
        }
        if (location == null) {
            throw new IllegalArgumentException("protected object " + id + " has no location");
        }
        name = name == null ? "" : name;
    }
}
