package org.truce.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;
import org.truce.geo.Sphere;

class ProtectedObjectIndexTest {

    private static ProtectedObject object(String id, String category, double lat, double lon) {
        return new ProtectedObject(id, "", category, GeoPoint.of(lat, lon));
    }

    private static ProtectedObjectIndex energyIndex(List<ProtectedObject> all) {
        return ProtectedObjectIndex.of(all, o -> o.category().startsWith("energy."), 3000);
    }

    @Test
    void nearestWithinRadiusIsFoundWithItsDistance() {
        var index = energyIndex(List.of(
                object("F2", "energy.substation", 48.000, 37.000),
                object("F1", "energy.refinery", 48.010, 37.000)));
        var nearest = index.nearestWithin(GeoPoint.of(48.001, 37.0), 3000).orElseThrow();
        assertThat(nearest.object().id()).isEqualTo("F2");
        assertThat(nearest.distance_m()).isCloseTo(Sphere.distance_m(48.001, 37, 48, 37), within(1e-6));
    }

    @Test
    void objectsOfOtherCategoriesAreNotProtected() {
        var index = energyIndex(List.of(object("H1", "health.hospital", 48.0, 37.0)));
        assertThat(index.size()).isZero();
        assertThat(index.nearestWithin(GeoPoint.of(48.0, 37.0), 3000)).isEmpty();
    }

    @Test
    void radiusIsInclusive() {
        var index = energyIndex(List.of(object("F1", "energy.substation", 48.0, 37.0)));
        double exact = Sphere.distance_m(48.02, 37.0, 48.0, 37.0);
        assertThat(index.nearestWithin(GeoPoint.of(48.02, 37.0), exact)).isPresent();
        assertThat(index.nearestWithin(GeoPoint.of(48.02, 37.0), exact - 0.01)).isEmpty();
    }

    @Test
    void coLocatedObjectsTieToTheSmallestIdByteWise() {
        // F10 < F9 byte-wise, whatever order they arrive in.
        var index = energyIndex(List.of(
                object("F9", "energy.substation", 47.5, 35.3),
                object("F10", "energy.oil_depot", 47.5, 35.3)));
        assertThat(index.nearestWithin(GeoPoint.of(47.51, 35.3), 3000).orElseThrow().object().id()).isEqualTo("F10");
    }

    @Test
    void findsObjectsAcrossCellBordersAndIgnoresFarOnes() {
        // A dense row of objects 1 km apart along a parallel; the query sits between two of them.
        List<ProtectedObject> row = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            row.add(object(String.format("F%04d", i), "energy.substation", 48.0, 37.0 + i * 0.0134));
        }
        var index = energyIndex(row);
        var nearest = index.nearestWithin(GeoPoint.of(48.0, 37.0 + 57.3 * 0.0134), 3000).orElseThrow();
        assertThat(nearest.object().id()).isEqualTo("F0057");
        assertThat(index.nearestWithin(GeoPoint.of(49.0, 37.5), 3000)).isEmpty();
    }

    @Test
    void emptyListFindsNothing() {
        assertThat(energyIndex(List.of()).nearestWithin(GeoPoint.of(48, 37), 3000)).isEmpty();
    }
}
