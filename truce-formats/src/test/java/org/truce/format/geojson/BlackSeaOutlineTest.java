package org.truce.format.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.geo.GeoPoint;
import org.truce.zone.Zone;

/**
 * FEATURE UNDER TEST: the hand-drawn Black Sea outline. Ports and towns whose public coordinates
 * lie on the shore must be within a few km of it; open water must be inside; inland cities and the
 * Sea of Azov (left out on purpose) must be well outside.
 */
class BlackSeaOutlineTest {

    static final Zone.Area SEA = BundledZones.blackSea();

    @Test
    void isOneClosedRingOfFortyToEightyVertices() {
        assertThat(SEA.id()).isEqualTo("black-sea");
        assertThat(SEA.ring().size() - 1).isBetween(40, 80);
    }

    @Test
    void theExampleFolderHoldsTheSameOutline() throws Exception {
        Path root = Path.of(System.getProperty("truce.repo.root", "..")).toAbsolutePath();
        while (!Files.isDirectory(root.resolve("examples"))) {
            root = root.getParent();
        }
        try (InputStream bundled = BundledZones.class.getResourceAsStream(BundledZones.BLACK_SEA_RESOURCE)) {
            assertThat(Files.readAllBytes(root.resolve("examples/2025-03-18-call/black_sea.geojson")))
                    .isEqualTo(bundled.readAllBytes());
        }
    }

    @ParameterizedTest(name = "{0} is at sea")
    @CsvSource({
        "middle of the sea, 43.5, 34.0",
        "off Cape Sarych, 44.0, 33.7",
        "south of Odesa, 46.0, 31.0",
        "off Snake Island, 45.25, 30.3",
    })
    void openWaterIsInside(String what, double lat, double lon) {
        assertThat(SEA.contains(GeoPoint.of(lat, lon))).as(what).isTrue();
    }

    @ParameterizedTest(name = "{0} is on the shore")
    @CsvSource({
        "Odesa port, 46.49, 30.74",
        "Chornomorsk, 46.30, 30.66",
        "Constanta, 44.17, 28.66",
        "Varna, 43.20, 27.92",
        "Sinop, 42.02, 35.15",
        "Trabzon, 41.00, 39.72",
        "Batumi, 41.65, 41.64",
        "Novorossiysk, 44.72, 37.78",
        "Sevastopol, 44.62, 33.53",
    })
    void shoreTownsAreWithinTenKilometres(String what, double lat, double lon) {
        assertThat(SEA.distanceTo_m(GeoPoint.of(lat, lon))).as(what).isLessThan(10_000);
    }

    @ParameterizedTest(name = "{0} is not")
    @CsvSource({
        "Kyiv, 50.45, 30.52",
        "Simferopol, 44.95, 34.10",
        "Mykolaiv, 46.97, 32.00",
        "Sea of Azov off Berdiansk, 46.50, 36.80",
        "Sea of Marmara, 40.80, 28.50",
    })
    void inlandPlacesAndOtherSeasAreOutside(String what, double lat, double lon) {
        assertThat(SEA.distanceTo_m(GeoPoint.of(lat, lon))).as(what).isGreaterThan(20_000);
    }
}
