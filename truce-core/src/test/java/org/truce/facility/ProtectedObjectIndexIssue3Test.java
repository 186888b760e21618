package org.truce.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;
import org.truce.geo.Sphere;

/**
 * FEATURE UNDER TEST (issue 3): wide "anything within?" searches walk a grid of cells eight times
 * wider than the one the index is tuned for. The answer must be the one every object gives: true
 * exactly when some indexed object lies within the radius, for radii on both sides of the switch.
 */
class ProtectedObjectIndexIssue3Test {

    static final double[] RADII_M = {500, 3_000, 5_900, 6_100, 13_000, 25_000, 53_000, 250_000};

    /** Objects in a few towns plus some scattered, like a facility list; a fifth of another category. */
    static List<ProtectedObject> clustered(long seed, int n) {
        Random rnd = new Random(seed);
        double[][] towns = new double[12][];
        for (int t = 0; t < towns.length; t++) {
            towns[t] = new double[] {45 + 8 * rnd.nextDouble(), 30 + 12 * rnd.nextDouble()};
        }
        List<ProtectedObject> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lat;
            double lon;
            if (rnd.nextInt(4) == 0) {
                lat = 44 + 10 * rnd.nextDouble();
                lon = 28 + 16 * rnd.nextDouble();
            } else {
                double[] town = towns[rnd.nextInt(towns.length)];
                lat = town[0] + 0.05 * rnd.nextGaussian();
                lon = town[1] + 0.05 * rnd.nextGaussian();
            }
            String category = i > 0 && rnd.nextInt(5) == 0 ? "health.hospital" : "energy.substation";
            all.add(new ProtectedObject("F" + i, "", category, GeoPoint.of(lat, lon)));
        }
        return all;
    }

    /** The answer from every object, by the great-circle distance. */
    static boolean anyByEveryObject(List<ProtectedObject> all, GeoPoint p, double radius_m) {
        for (ProtectedObject o : all) {
            if (o.category().startsWith("energy.") && Sphere.distance_m(p, o.location()) <= radius_m) {
                return true;
            }
        }
        return false;
    }

    @Property(tries = 40)
    void anyWithinAgreesWithEveryObjectOnBothGrids(@ForAll @IntRange(min = 1, max = 400) int objects,
            @ForAll long seed) {
        List<ProtectedObject> all = clustered(seed, objects);
        ProtectedObjectIndex index = ProtectedObjectIndex.of(all, o -> o.category().startsWith("energy."), 3_000);
        Random rnd = new Random(~seed);
        int yes = 0;
        for (int k = 0; k < 60; k++) {
            // Near an object (inside and just outside the radii), or anywhere around the area.
            GeoPoint anchor = all.get(rnd.nextInt(all.size())).location();
            double spread = k % 3 == 0 ? 3.0 : 0.02 + 0.5 * rnd.nextDouble();
            GeoPoint p = GeoPoint.of(Math.max(-90, Math.min(90, anchor.lat_deg() + spread * rnd.nextGaussian())),
                    anchor.lon_deg() + spread * rnd.nextGaussian());
            for (double r : RADII_M) {
                boolean expected = anyByEveryObject(all, p, r);
                assertThat(index.anyWithin(p, r)).as("%s within %s m", p, r).isEqualTo(expected);
                assertThat(index.nearestWithin(p, r).isPresent()).as("nearest, %s within %s m", p, r).isEqualTo(expected);
                yes += expected ? 1 : 0;
            }
        }
        assertThat(yes).as("some searches find something").isPositive();
    }

    @Test
    void anObjectJustInsideAWideRadiusIsFoundAndOneJustOutsideIsNot() {
        ProtectedObject o = new ProtectedObject("F1", "", "energy.substation", GeoPoint.of(48.0, 37.0));
        // Another object far away makes the grid large, as a real list does.
        ProtectedObject far = new ProtectedObject("F2", "", "energy.substation", GeoPoint.of(55.0, 45.0));
        ProtectedObjectIndex index = ProtectedObjectIndex.of(List.of(o, far), x -> true, 3_000);
        GeoPoint p = GeoPoint.of(48.45, 37.0);
        double d = Sphere.distance_m(p, o.location());
        assertThat(d).isBetween(45_000.0, 55_000.0);
        assertThat(index.anyWithin(p, d + 1)).isTrue();
        assertThat(index.anyWithin(p, d - 1)).isFalse();
        assertThat(index.anyWithin(GeoPoint.of(10, 10), 53_000)).isFalse();
    }
}
