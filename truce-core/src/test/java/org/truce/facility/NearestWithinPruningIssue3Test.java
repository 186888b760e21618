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

/**
 * FEATURE UNDER TEST (issue 3): the nearest-object search visits the rows of cells nearest the
 * point first and skips a row once an object nearer than the row's latitude is found. The answer
 * (object and distance, equal distances to the smallest id) must be the unpruned search's: an
 * index tuned for a radius of thousands of kilometres, whose single row is never skipped.
 */
class NearestWithinPruningIssue3Test {

    static ProtectedObjectIndex tuned(List<ProtectedObject> objects, double radius_m) {
        return ProtectedObjectIndex.of(objects, o -> o.category().startsWith("energy."), radius_m);
    }

    /** Objects on a lattice of 0.005 degrees around a town, so that some share a place; ids in shuffled order. */
    static List<ProtectedObject> lattice(long seed, int n) {
        Random rnd = new Random(seed);
        List<ProtectedObject> all = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double lat = 48 + 0.005 * (rnd.nextInt(41) - 20);
            double lon = 37 + 0.005 * (rnd.nextInt(41) - 20);
            String category = i > 0 && rnd.nextInt(6) == 0 ? "health.hospital" : "energy.substation";
            all.add(new ProtectedObject("F" + rnd.nextInt(1_000_000), "", category, GeoPoint.of(lat, lon)));
        }
        return all;
    }

    @Property(tries = 60)
    void findsWhatTheUnprunedSearchFinds(@ForAll @IntRange(min = 1, max = 300) int objects,
            @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
        List<ProtectedObject> all = lattice(seed, objects);
        ProtectedObjectIndex pruned = tuned(all, 3_000);
        ProtectedObjectIndex whole = tuned(all, 5_000_000);
        Random rnd = new Random(seed + 1L);
        int found = 0;
        for (int q = 0; q < 200; q++) {
            // Half the points on the lattice itself (exact ties between co-located objects), half anywhere.
            double lat = 48 + (q % 2 == 0 ? 0.005 * (rnd.nextInt(45) - 22) : 0.23 * (rnd.nextDouble() - 0.5));
            double lon = 37 + (q % 2 == 0 ? 0.005 * (rnd.nextInt(45) - 22) : 0.23 * (rnd.nextDouble() - 0.5));
            double radius = q % 3 == 0 ? 3_000 : 100 + 6_000 * rnd.nextDouble();
            if (q == 0) {
                // One point on an energy object, so that every try finds something.
                lat = all.get(0).location().lat_deg();
                lon = all.get(0).location().lon_deg();
            }
            var expected = whole.nearestWithin(lat, lon, radius);
            assertThat(pruned.nearestWithin(lat, lon, radius)).as("%s,%s within %s m", lat, lon, radius)
                    .isEqualTo(expected);
            found += expected.isPresent() ? 1 : 0;
        }
        assertThat(found).as("not vacuous").isGreaterThan(0);
    }

    @Test
    void anObjectInTheNextRowThatIsNearerWinsOverOneFoundFirst() {
        // The point sits near the top of its row: an object just across the row edge to the north
        // is nearer than one in its own row, which is visited first.
        List<ProtectedObject> all = List.of(
                new ProtectedObject("F1", "", "energy.substation", GeoPoint.of(48.0, 37.0)),
                new ProtectedObject("F2", "", "energy.substation", GeoPoint.of(48.02, 37.0)),
                new ProtectedObject("F3", "", "energy.substation", GeoPoint.of(48.0128, 37.0)));
        ProtectedObjectIndex index = tuned(all, 3_000);
        assertThat(index.nearestWithin(48.0126, 37.0, 3_000).orElseThrow().object().id()).isEqualTo("F3");
        assertThat(index.nearestWithin(48.0124, 37.0, 3_000)).isEqualTo(tuned(all, 5_000_000).nearestWithin(48.0124, 37.0, 3_000));
    }

    @Test
    void coLocatedObjectsInAnotherRowStillTieToTheSmallestId() {
        List<ProtectedObject> all = List.of(
                new ProtectedObject("F9", "", "energy.substation", GeoPoint.of(48.01, 37.0)),
                new ProtectedObject("F10", "", "energy.substation", GeoPoint.of(48.01, 37.0)),
                new ProtectedObject("F2", "", "energy.substation", GeoPoint.of(47.985, 37.0)));
        var nearest = tuned(all, 3_000).nearestWithin(48.0, 37.0, 3_000).orElseThrow();
        assertThat(nearest.object().id()).as("byte-wise smallest of the two nearest").isEqualTo("F10");
    }
}
