package org.truce.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Distances on the 6,371,008.8 m sphere, checked against values computed independently. */
class SphereTest {

    @Test
    void oneDegreeOfLatitudeIsRadiusTimesPiOver180() {
        assertThat(Sphere.distance_m(0, 0, 1, 0)).isCloseTo(111_195.0802, within(0.001));
    }

    @Test
    void cityPairsMatchTheGreatCircleFormula() {
        // Expected values from the atan2 great-circle formula on the same sphere (bench reference).
        assertThat(Sphere.distance_m(48.8566, 2.3522, 51.5074, -0.1278)).isCloseTo(343_556.535, within(0.01));
        assertThat(Sphere.distance_m(50.4501, 30.5234, 55.7558, 37.6173)).isCloseTo(755_742.026, within(0.01));
    }

    @Test
    void samePointIsZeroAndAntipodesAreHalfTheCircumference() {
        assertThat(Sphere.distance_m(47.1, 35.2, 47.1, 35.2)).isEqualTo(0.0);
        assertThat(Sphere.distance_m(0, 0, 0, 180)).isCloseTo(Math.PI * Sphere.RADIUS_M, within(1e-6));
    }

    @Test
    void distanceIsSymmetric() {
        double ab = Sphere.distance_m(46.6, 32.6, 50.4, 37.9);
        double ba = Sphere.distance_m(50.4, 37.9, 46.6, 32.6);
        assertThat(ab).isCloseTo(ba, within(1e-6));
    }

    @Test
    void pointsOutsideTheGlobeAreRefused() {
        assertThatThrownBy(() -> GeoPoint.of(91, 0)).hasMessageContaining("latitude");
        assertThatThrownBy(() -> GeoPoint.of(0, -180.5)).hasMessageContaining("longitude");
        assertThatThrownBy(() -> GeoPoint.of(Double.NaN, 0)).hasMessageContaining("latitude");
    }

    @Test
    void arcDistanceFromTheSideIsThePerpendicularArc() {
        //   (1,5) x
        //         |  1 degree
        //  (0,0) o------------o (0,10)   equator arc
        var arc = new GreatCircleArc(GeoPoint.of(0, 0), GeoPoint.of(0, 10));
        assertThat(arc.distanceTo_m(GeoPoint.of(1, 5))).isCloseTo(111_195.0802, within(0.001));
    }

    @Test
    void arcDistanceBeyondAnEndIsTheDistanceToThatEnd() {
        var arc = new GreatCircleArc(GeoPoint.of(0, 0), GeoPoint.of(0, 10));
        assertThat(arc.distanceTo_m(GeoPoint.of(0, 12))).isCloseTo(222_390.1605, within(0.001));
    }

    @Test
    void anEastWestArcBulgesPolewardOfTheParallel() {
        // The great circle from (50N,30E) to (50N,40E) runs north of the 50th parallel: a point on
        // the parallel half way is ~12 km from it, not 0 as a straight segment in degrees would say.
        var arc = new GreatCircleArc(GeoPoint.of(50, 30), GeoPoint.of(50, 40));
        assertThat(arc.distanceTo_m(GeoPoint.of(50, 35))).isCloseTo(11_956.433, within(0.01));
    }

    @Test
    void polylineTakesTheNearestEdgeAndPrunesOnlyFarPoints() {
        var line = new Polyline(List.of(GeoPoint.of(0, 0), GeoPoint.of(0, 10), GeoPoint.of(10, 10)));
        assertThat(line.distanceTo_m(GeoPoint.of(5, 11))).isCloseTo(Sphere.distance_m(5, 11, 5, 10), within(200.0));
        assertThat(line.certainlyFartherThan(GeoPoint.of(30, 30), 15_000)).isTrue();
        assertThat(line.certainlyFartherThan(GeoPoint.of(0.1, 5), 15_000)).isFalse();
    }
}
