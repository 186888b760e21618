package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FEATURE UNDER TEST: the facilities and zones the server assesses against, as GeoJSON. */
class ReferenceApiTest {

    @TempDir
    static Path dir;

    private static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void facilitiesAreGeoJsonPointsWithIdNameAndCategory() {
        Api.Response r = fx.api.get("/api/v1/facilities");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("type").asText()).isEqualTo("FeatureCollection");
        JsonNode features = r.json().get("features");
        assertThat(features).hasSize(fx.reference.objects().size());
        JsonNode first = features.get(0);
        assertThat(first.at("/properties/id").asText()).isEqualTo("X0000001");
        assertThat(first.at("/properties/category").asText()).isEqualTo("energy.substation");
        assertThat(first.at("/geometry/type").asText()).isEqualTo("Point");
        assertThat(first.at("/geometry/coordinates/0").asDouble()).isEqualTo(35.16);   // longitude first
        assertThat(first.at("/geometry/coordinates/1").asDouble()).isEqualTo(47.91);
    }

    @Test
    void zonesAreTheLineOfContactAndTheSeaArea() {
        Api.Response r = fx.api.get("/api/v1/zones");

        assertThat(r.status()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        r.json().get("features").forEach(f -> kinds.add(f.at("/properties/id").asText() + " "
                + f.at("/properties/kind").asText() + " " + f.at("/geometry/type").asText()));
        assertThat(kinds).containsExactly("line_of_contact line LineString", "black-sea area Polygon");
        JsonNode ring = r.json().at("/features/1/geometry/coordinates/0");
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
    }

    @Test
    void anUnknownQueryParameterIsRefused() {
        Api.Response r = fx.api.get("/api/v1/zones?bbox=1,2,3,4");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("bbox");
    }

    @Test
    void theDashboardAndItsLibrariesAreServedFromTheJar() {
        assertThat(fx.api.get("/").raw().body()).contains("<title>Truce</title>")
                .doesNotContain("http://", "https://");
        assertThat(fx.api.get("/webjars/leaflet/1.9.4/dist/leaflet.js").status()).isEqualTo(200);
        assertThat(fx.api.get("/webjars/chart.js/4.5.1/dist/chart.umd.js").status()).isEqualTo(200);
        assertThat(fx.api.get("/base-map.geojson").status()).isEqualTo(200);
    }
}
