package org.truce.geo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST (issue 3): {@link Polyline#distanceTo_m} skips the vertices and edges whose
 * cheap bound (chord, |p . normal|) cannot beat the best angle so far. Its answer must be the same
 * double, bit for bit, as the plain minimum of {@link GreatCircleArc#angleTo_rad} over every edge,
 * which is what it computed before and what the answer files were checked against.
 */
class PolylineDistanceIssue3Test {

    /** The distance as it was computed before the bounds: every edge, every end point. */
    static double everyArc_m(List<GeoPoint> vertices, GeoPoint p) {
        UnitVector u = p.toUnitVector();
        double best = Double.POSITIVE_INFINITY;
        for (int i = 1; i < vertices.size(); i++) {
            best = Math.min(best, new GreatCircleArc(vertices.get(i - 1), vertices.get(i)).angleTo_rad(u));
        }
        return best * Sphere.RADIUS_M;
    }

    static void assertSameBits(List<GeoPoint> vertices, GeoPoint p) {
        double expected = everyArc_m(vertices, p);
        double actual = new Polyline(vertices).distanceTo_m(p);
        assertThat(Double.doubleToRawLongBits(actual))
                .as("distance from %s: expected %s, got %s", p, expected, actual)
                .isEqualTo(Double.doubleToRawLongBits(expected));
    }

    /** A wiggly line of {@code n} vertices about {@code step_deg} apart, like a front line. */
    static List<GeoPoint> line(long seed, int n, double step_deg, double lat0, double lon0) {
        Random rnd = new Random(seed);
        List<GeoPoint> v = new ArrayList<>();
        double lat = lat0;
        double lon = lon0;
        for (int i = 0; i < n; i++) {
            v.add(GeoPoint.of(Math.max(-89.9, Math.min(89.9, lat)), Math.max(-179.9, Math.min(179.9, lon))));
            lat += step_deg * (rnd.nextDouble() - 0.3);
            lon += step_deg * (rnd.nextDouble() - 0.2);
        }
        return v;
    }

    @Property(tries = 300)
    void sameBitsAsEveryArcForPointsNearAndFar(
            @ForAll @IntRange(min = 2, max = 40) int vertices,
            @ForAll @DoubleRange(min = 0.001, max = 3.0) @net.jqwik.api.constraints.Scale(6) double step_deg,
            @ForAll @DoubleRange(min = -60, max = 60) double lat0,
            @ForAll @DoubleRange(min = -150, max = 150) double lon0,
            @ForAll long seed) {
        List<GeoPoint> line = line(seed, vertices, step_deg, lat0, lon0);
        Random rnd = new Random(seed ^ 0x5DEECE66DL);
        for (int k = 0; k < 40; k++) {
            // Around a vertex or an edge, at metres to hundreds of km, and a few anywhere.
            GeoPoint near = line.get(rnd.nextInt(line.size()));
            double spread = Math.pow(10, -5 + 7 * rnd.nextDouble());
            double lat = k % 10 == 9 ? 180 * rnd.nextDouble() - 90 : near.lat_deg() + spread * rnd.nextGaussian();
            double lon = k % 10 == 9 ? 360 * rnd.nextDouble() - 180 : near.lon_deg() + spread * rnd.nextGaussian();
            assertSameBits(line, GeoPoint.of(Math.max(-90, Math.min(90, lat)), Math.max(-180, Math.min(180, lon))));
        }
    }

    @Test
    void pointsOnVerticesOnEdgesAndAtTheirFeetKeepTheirBits() {
        List<GeoPoint> line = List.of(GeoPoint.of(46.5, 32.0), GeoPoint.of(47.0, 33.5), GeoPoint.of(47.0, 33.5),
                GeoPoint.of(47.6, 35.1), GeoPoint.of(48.4, 37.6), GeoPoint.of(49.5, 38.0));
        for (GeoPoint v : line) {
            assertSameBits(line, v);
        }
        // The middle of each edge, and points on either side of it, where the foot is the nearest point.
        for (int i = 1; i < line.size(); i++) {
            GeoPoint a = line.get(i - 1);
            GeoPoint b = line.get(i);
            double lat = (a.lat_deg() + b.lat_deg()) / 2;
            double lon = (a.lon_deg() + b.lon_deg()) / 2;
            assertSameBits(line, GeoPoint.of(lat, lon));
            assertSameBits(line, GeoPoint.of(lat + 0.05, lon - 0.05));
            assertSameBits(line, GeoPoint.of(lat - 0.13, lon + 0.02));
        }
        // Equally far from two vertices: a tie between the bounds must still give the exact minimum.
        assertSameBits(List.of(GeoPoint.of(0, -1), GeoPoint.of(1, 0), GeoPoint.of(0, 1)), GeoPoint.of(0, 0));
        assertSameBits(List.of(GeoPoint.of(10, 20), GeoPoint.of(10, 20.000001)), GeoPoint.of(10.0000005, 20.0000005));
    }

    @Test
    void distanceToALineOfTwoEqualVerticesIsTheDistanceToThatPoint() {
        GeoPoint v = GeoPoint.of(48.0, 37.8);
        GeoPoint p = GeoPoint.of(48.1, 37.9);
        assertThat(new Polyline(List.of(v, v)).distanceTo_m(p)).isCloseTo(Sphere.distance_m(v, p),
                org.assertj.core.api.Assertions.within(1e-6));
        assertSameBits(List.of(v, v), p);
    }
}
