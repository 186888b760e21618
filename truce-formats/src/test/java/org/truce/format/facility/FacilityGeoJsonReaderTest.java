package org.truce.format.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.facility.ProtectedObject;
import org.truce.format.FormatException;
import org.truce.format.ReadCounts;
import org.truce.format.ReadResult;
import org.truce.format.Rejection;
import org.truce.geo.GeoPoint;

class FacilityGeoJsonReaderTest {

    @TempDir
    Path dir;

    final List<Rejection> rejections = new ArrayList<>();

    ReadResult<ProtectedObject> read(String json) throws IOException {
        Path file = dir.resolve("facilities.geojson");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new FacilityGeoJsonReader(rejections::add).read(file);
    }

    @Test
    void readsPointFeaturesAsLongitudeLatitude() throws IOException {
        ReadResult<ProtectedObject> result = read("""
                {"type": "FeatureCollection",
                 "features": [
                  {"type": "Feature", "properties": {"id": "F1", "name": "Підстанція «Pivdenna»", "category": "energy.substation"},
                   "geometry": {"type": "Point", "coordinates": [35.12345, 47.81234]}},
                  {"type": "Feature", "properties": {"facility_id": 42, "name": "Hôpital", "category": "health.hospital"},
                   "geometry": {"type": "Point", "coordinates": [30.5, 50.4, 120.0]}},
                  {"type": "Feature", "id": "W7", "properties": {"name": "Водоканал", "category": "water.pumping_station"},
                   "geometry": {"type": "Point", "coordinates": [36.2, 49.9]}}
                 ]}
                """);
        assertThat(rejections).isEmpty();
        assertThat(result.counts()).isEqualTo(new ReadCounts(3, 3, 0));
        assertThat(result.items()).containsExactly(
                new ProtectedObject("F1", "Підстанція «Pivdenna»", "energy.substation", new GeoPoint(47.81234, 35.12345)),
                new ProtectedObject("42", "Hôpital", "health.hospital", new GeoPoint(50.4, 30.5)),
                new ProtectedObject("W7", "Водоканал", "water.pumping_station", new GeoPoint(49.9, 36.2)));
    }

    @Test
    void rejectsUnusableFeaturesWithIndexLineAndField() throws IOException {
        ReadResult<ProtectedObject> result = read("""
                {"type": "FeatureCollection",
                 "features": [
                  {"type": "Feature", "properties": {"id": "F1", "name": "ok", "category": "energy.substation"},
                   "geometry": {"type": "Point", "coordinates": [35.1, 47.8]}},
                  {"type": "Feature", "properties": {"id": "F2", "name": "pipeline", "category": "energy.pipeline_station"},
                   "geometry": {"type": "LineString", "coordinates": [[35.1, 47.8], [35.2, 47.9]]}},
                  {"type": "Feature", "properties": {"name": "no id", "category": "energy.substation"},
                   "geometry": {"type": "Point", "coordinates": [35.1, 47.8]}},
                  {"type": "Feature", "properties": {"id": "F3", "category": "energy.substation"},
                   "geometry": {"type": "Point", "coordinates": [35.1, 47.8]}},
                  {"type": "Feature", "properties": {"id": "F4", "name": "x", "category": ""},
                   "geometry": {"type": "Point", "coordinates": [35.1, 47.8]}},
                  {"type": "Feature", "properties": {"id": "F5", "name": "lat first", "category": "energy.substation"},
                   "geometry": {"type": "Point", "coordinates": [47.8, 135.1]}},
                  {"type": "Feature", "properties": {"id": "F1", "name": "again", "category": "energy.substation"},
                   "geometry": {"type": "Point", "coordinates": [35.1, 47.8]}},
                  {"type": "Feature", "properties": {"id": "F6", "name": "no geometry", "category": "energy.substation"},
                   "geometry": null},
                  {"type": "Feature", "properties": {"id": "F7", "name": "text", "category": "energy.substation"},
                   "geometry": {"type": "Point", "coordinates": ["35.1", "47.8"]}}
                 ]}
                """);
        assertThat(rejections).extracting(Rejection::line, Rejection::recordId, Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple(5L, "F2", "geometry.type", "feature 1: a facility must be a Point, found LineString"),
                        tuple(7L, "", "properties.id", "feature 2: missing (neither 'id' nor 'facility_id' is given)"),
                        tuple(9L, "F3", "properties.name", "feature 3: missing"),
                        tuple(11L, "F4", "properties.category", "feature 4: empty"),
                        tuple(13L, "F5", "geometry.coordinates",
                                "feature 5: latitude 135.1 (the second number) is outside -90..90"),
                        tuple(15L, "F1", "properties.id", "feature 6: duplicate id, first used by feature 0 (line 3)"),
                        tuple(17L, "F6", "geometry", "feature 7: missing"),
                        tuple(19L, "F7", "geometry.coordinates",
                                "feature 8: expected [longitude, latitude] numbers, found [\"35.1\",\"47.8\"]"));
        assertThat(rejections.get(0).raw()).hasSize(1);
        assertThat(rejections.get(0).raw().get(0)).startsWith("{\"type\":\"Feature\"").contains("LineString");
        assertThat(result.items()).extracting(ProtectedObject::id).containsExactly("F1");
        assertThat(result.counts()).isEqualTo(new ReadCounts(9, 1, 8));
    }

    @Test
    void documentErrorsAreThrownAndNothingIsRejected() {
        assertThatThrownBy(() -> read("""
                {"type": "Feature", "properties": {}, "geometry": null}
                """)).isInstanceOf(FormatException.class)
                .hasMessageContaining("facilities.geojson: expected \"type\": \"FeatureCollection\", found \"Feature\"");
        assertThatThrownBy(() -> read("""
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "F1"}, "geometry": null},
                  {"type": "Feature",
                """)).isInstanceOf(FormatException.class)
                .hasMessageContaining("facilities.geojson: not valid JSON")
                .hasMessageContaining("line 4");
        assertThatThrownBy(() -> read("[1, 2]")).isInstanceOf(FormatException.class)
                .hasMessageContaining("expected a GeoJSON FeatureCollection object");
        assertThat(rejections).isEmpty();
    }
}
