package org.truce.format.geojson;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.truce.zone.Zone;

/**
 * Zones shipped inside the jar, so that an agreement about the Black Sea can be assessed without
 * looking for a map. The same outline is in examples/2025-03-18-call/black_sea.geojson.
 */
public final class BundledZones {

    /** The Black Sea without the Sea of Azov; how it was drawn: docs/exchanges-timeline-sea.md. */
    public static final String BLACK_SEA_RESOURCE = "/org/truce/format/geojson/black-sea.geojson";

    private BundledZones() {
    }

    /** The Black Sea as the area {@code black-sea}. */
    public static Zone.Area blackSea() {
        try (InputStream in = BundledZones.class.getResourceAsStream(BLACK_SEA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + BLACK_SEA_RESOURCE + " is missing from the class path");
            }
            return (Zone.Area) new ZoneGeoJsonReader().read(in, "black-sea.geojson").get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled Black Sea outline", e);
        }
    }
}
