package org.truce.format.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.format.FormatException;
import org.truce.geo.GeoPoint;
import org.truce.zone.Zone;

class ZoneGeoJsonReaderTest {

    @TempDir
    Path dir;

    List<Zone> read(String fileName, String json) throws IOException {
        Path file = dir.resolve(fileName);
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return new ZoneGeoJsonReader().read(file);
    }

    @Test
    void benchLineOfContactIsOneLineNamedAfterTheFile() throws IOException {
        // Same shape as the bench's line_of_contact.geojson (first and last vertices shown).
        List<Zone> zones = read("line_of_contact.geojson", """
                {"type": "Feature",
                 "properties": {"name": "line of contact (synthetic, 2025)"},
                 "geometry": {"type": "LineString", "coordinates": [
                  [32.60, 46.60],
                  [35.30, 47.50],
                  [37.80, 48.00],
                  [37.90, 50.40]
                 ]}}
                """);
        assertThat(zones).hasSize(1);
        Zone.Line line = (Zone.Line) zones.get(0);
        assertThat(line.id()).isEqualTo("line_of_contact");
        assertThat(line.name()).isEqualTo("line of contact (synthetic, 2025)");
        assertThat(line.line().vertices()).containsExactly(
                new GeoPoint(46.60, 32.60), new GeoPoint(47.50, 35.30), new GeoPoint(48.00, 37.80), new GeoPoint(50.40, 37.90));
    }

    @Test
    void featureCollectionIdsComeFromIdThenNameThenPosition() throws IOException {
        List<Zone> zones = read("zones.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "znpp-zone", "name": "ignored for the id"},
                   "geometry": {"type": "Polygon", "coordinates": [[[34.5, 47.4], [34.7, 47.4], [34.7, 47.6], [34.5, 47.4]]]}},
                  {"type": "Feature", "properties": {"name": "Чорноморський коридор"},
                   "geometry": {"type": "LineString", "coordinates": [[30.7, 46.5], [29.0, 44.5]]}},
                  {"type": "Feature", "properties": {},
                   "geometry": {"type": "MultiLineString", "coordinates": [
                     [[37.0, 48.0], [37.5, 48.2]],
                     [[38.0, 49.0], [38.1, 49.3]]]}}
                ]}
                """);
        assertThat(zones).extracting(Zone::id)
                .containsExactly("znpp-zone", "чорноморський-коридор", "zones-3-1", "zones-3-2");
        assertThat(zones.get(0)).isInstanceOf(Zone.Area.class);
        assertThat(((Zone.Area) zones.get(0)).contains(new GeoPoint(47.45, 34.65))).isTrue();
        assertThat(zones.get(1).name()).isEqualTo("Чорноморський коридор");
        assertThat(zones.subList(1, 4)).allMatch(z -> z instanceof Zone.Line);
    }

    @Test
    void bareGeometryTakesTheFileStem() throws IOException {
        List<Zone> zones = read("buffer-area.json", """
                {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50]]]}
                """);
        assertThat(zones).singleElement().extracting(Zone::id).isEqualTo("buffer-area");
    }

    @Test
    void errorsNameTheFileTheFeatureAndTheField() {
        assertThatThrownBy(() -> read("zones.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"id": "a"},
                   "geometry": {"type": "LineString", "coordinates": [[37.0, 48.0], [37.5, 48.2]]}},
                  {"type": "Feature", "properties": {"id": "b"},
                   "geometry": {"type": "Polygon", "coordinates": [
                     [[30, 50], [31, 50], [31, 51], [30, 50]],
                     [[30.2, 50.2], [30.4, 50.2], [30.4, 50.4], [30.2, 50.2]]]}}
                ]}
                """)).isInstanceOf(FormatException.class)
                .hasMessage(dir.resolve("zones.geojson") + ": feature 1: geometry.coordinates: polygon holes are not"
                        + " supported (found 1 inner ring); describe the area without holes");

        assertThatThrownBy(() -> read("zones.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [37.0, 48.0]}}
                ]}
                """)).isInstanceOf(FormatException.class)
                .hasMessageEndingWith(": feature 0: geometry.type: geometry type Point cannot be a zone;"
                        + " expected LineString, MultiLineString, Polygon or MultiPolygon");

        assertThatThrownBy(() -> read("zones.geojson", """
                {"type": "Feature", "properties": {},
                 "geometry": {"type": "LineString", "coordinates": [[37.0, 48.0], [48.2, 97.5]]}}
                """)).isInstanceOf(FormatException.class)
                .hasMessageEndingWith(": feature 0: geometry.coordinates[1]: latitude 97.5 (the second number) is outside -90..90");

        assertThatThrownBy(() -> read("zones.geojson", """
                {"type": "Feature", "properties": {},
                 "geometry": {"type": "LineString", "coordinates": [[37.0, 48.0]]}}
                """)).isInstanceOf(FormatException.class)
                .hasMessageEndingWith(": feature 0: geometry.coordinates: a line needs at least 2 positions, found 1");

        assertThatThrownBy(() -> read("zones.geojson", """
                {"type": "Polygon", "coordinates": [[[30, 50], [31, 50], [31, 51], [30, 50.5]]]}
                """)).isInstanceOf(FormatException.class)
                .hasMessageEndingWith("zones.geojson: coordinates[0]: the ring is not closed: its last position must repeat the first");

        assertThatThrownBy(() -> read("zones.geojson", """
                {"type": "FeatureCollection", "features": [
                  {"type": "Feature", "properties": {"name": "Front"},
                   "geometry": {"type": "LineString", "coordinates": [[37.0, 48.0], [37.5, 48.2]]}},
                  {"type": "Feature", "properties": {"name": "front"},
                   "geometry": {"type": "LineString", "coordinates": [[38.0, 48.0], [38.5, 48.2]]}}
                ]}
                """)).isInstanceOf(FormatException.class)
                .hasMessageEndingWith(": feature 1: zone id 'front' is already used by feature 0;"
                        + " give the features distinct properties.id");

        assertThatThrownBy(() -> read("zones.geojson", "{\"type\": \"Feature\", "))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith(dir.resolve("zones.geojson") + ": not valid JSON");
    }

    @Test
    void slugsAndStems() {
        assertThat(ZoneGeoJsonReader.slug("Line of Contact (2025)")).isEqualTo("line-of-contact-2025");
        assertThat(ZoneGeoJsonReader.slug("  «Зона» ЗАЕС ")).isEqualTo("зона-заес");
        assertThat(ZoneGeoJsonReader.slug("—")).isEmpty();
        assertThat(ZoneGeoJsonReader.stem("data/line_of_contact.geojson")).isEqualTo("line_of_contact");
        assertThat(ZoneGeoJsonReader.stem("C:\\zones\\sea.json")).isEqualTo("sea");
    }
}
