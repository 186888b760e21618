package org.truce.format.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.truce.format.FormatException;
import org.truce.format.ReadResult;
import org.truce.format.Rejection;
import org.truce.format.facility.FacilityGeoJsonReader;
import org.truce.facility.ProtectedObject;
import org.truce.zone.Zone;

/**
 * FEATURE UNDER TEST: hostile GeoJSON (issue 6, item 5): zones (a line, an area) and facilities.
 * Any text, a valid file with one character changed, or nesting far deeper than any real file
 * gives zones, or facilities with every feature accounted for, or a {@link FormatException} that
 * names the file; nothing else escapes.
 */
class GeoJsonReadersPropertiesTest {

    private static final String ZONES = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature", "properties": {"id": "line", "name": "line of contact (synthetic)"},
               "geometry": {"type": "LineString", "coordinates": [[32.6, 46.6], [35.3, 47.5], [37.9, 50.4]]}},
              {"type": "Feature", "properties": {"name": "Запорізька АЕС"},
               "geometry": {"type": "Polygon",
                            "coordinates": [[[34.5, 47.4], [34.7, 47.4], [34.7, 47.6], [34.5, 47.4]]]}}
            ]}
            """;

    private static final String FACILITIES = """
            {"type": "FeatureCollection", "features": [
              {"type": "Feature",
               "properties": {"id": "F1", "name": "Підстанція", "category": "energy.substation"},
               "geometry": {"type": "Point", "coordinates": [35.12, 47.81]}},
              {"type": "Feature", "id": 7, "properties": {"name": "Hôpital", "category": "health.hospital"},
               "geometry": {"type": "Point", "coordinates": [30.5, 50.4, 120.0]}}
            ]}
            """;

    private static final String SOURCE = "fuzz.geojson";

    private static List<Zone> zones(String text) throws IOException {
        return new ZoneGeoJsonReader().read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE);
    }

    /** Reads facilities and checks that every feature read is either an item or a rejection with a reason. */
    private static void facilitiesAccountedFor(String text) throws IOException {
        List<Rejection> rejected = new ArrayList<>();
        ReadResult<ProtectedObject> read = new FacilityGeoJsonReader(rejected::add)
                .read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), SOURCE);
        assertThat(read.counts().rejected()).isEqualTo(rejected.size());
        assertThat(read.counts().read()).isEqualTo(read.items().size() + rejected.size());
        assertThat(rejected).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
        assertThat(read.items()).allSatisfy(f -> {
            assertThat(f.id()).isNotBlank();
            assertThat(f.location().lat_deg()).isBetween(-90.0, 90.0);
            assertThat(f.location().lon_deg()).isBetween(-180.0, 180.0);
        });
    }

    private static String changed(String valid, int position, char replacement) {
        int at = position % valid.length();
        return valid.substring(0, at) + replacement + valid.substring(at + 1);
    }

    @Property(tries = 300)
    void anyTextIsZonesOrAnErrorNamingTheFile(@ForAll("jsonish") String text) {
        try {
            assertThat(zones(text)).allSatisfy(z -> assertThat(z.id()).isNotBlank());
        } catch (FormatException e) {
            assertThat(e.getMessage()).contains(SOURCE);
        } catch (IOException e) {
            throw new AssertionError("only a FormatException may come out of an in-memory read", e);
        }
    }

    @Property(tries = 300)
    void aValidZoneFileWithOneCharacterChangedIsZonesOrAnErrorNamingTheFile(
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll("jsonChars") char replacement) {
        try {
            assertThat(zones(changed(ZONES, position, replacement))).isNotEmpty();
        } catch (FormatException e) {
            assertThat(e.getMessage()).contains(SOURCE);
        } catch (IOException e) {
            throw new AssertionError("only a FormatException may come out of an in-memory read", e);
        }
    }

    @Property(tries = 300)
    void anyTextIsFacilitiesAccountedForOrAnErrorNamingTheFile(@ForAll("jsonish") String text) {
        try {
            facilitiesAccountedFor(text);
        } catch (FormatException e) {
            assertThat(e.getMessage()).contains(SOURCE);
        } catch (IOException e) {
            throw new AssertionError("only a FormatException may come out of an in-memory read", e);
        }
    }

    @Property(tries = 300)
    void aValidFacilityFileWithOneCharacterChangedIsAccountedForOrAnErrorNamingTheFile(
            @ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll("jsonChars") char replacement) {
        try {
            facilitiesAccountedFor(changed(FACILITIES, position, replacement));
        } catch (FormatException e) {
            assertThat(e.getMessage()).contains(SOURCE);
        } catch (IOException e) {
            throw new AssertionError("only a FormatException may come out of an in-memory read", e);
        }
    }

    @Property(tries = 20)
    void nestingFarDeeperThanAnyRealFileIsAnErrorNotACrash(@ForAll @IntRange(min = 500, max = 50_000) int depth) {
        String deep = "{\"type\": \"LineString\", \"coordinates\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
        try {
            zones(deep);
            throw new AssertionError("a " + depth + "-deep coordinates array was read as zones");
        } catch (FormatException e) {
            assertThat(e.getMessage()).contains(SOURCE);
        } catch (IOException e) {
            throw new AssertionError("only a FormatException may come out of an in-memory read", e);
        }
        try {
            facilitiesAccountedFor(deep);
        } catch (FormatException e) {
            assertThat(e.getMessage()).contains(SOURCE);
        } catch (IOException e) {
            throw new AssertionError("only a FormatException may come out of an in-memory read", e);
        }
    }

    /** Text made of what JSON is made of, so that much of it gets past the first character. */
    @Provide
    Arbitrary<String> jsonish() {
        Arbitrary<String> fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"type\"", "\"Feature\"",
                "\"FeatureCollection\"", "\"features\"", "\"geometry\"", "\"coordinates\"", "\"LineString\"",
                "\"Polygon\"", "\"Point\"", "\"properties\"", "\"id\"", "\"name\"", "\"category\"", "null", "true",
                "1e999", "-0", "35.1", "47.8", "\"\\u0000\"", "\"\\ud800\"", " ");
        return Arbitraries.oneOf(fragments.list().ofMaxSize(60).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(80));
    }

    @Provide
    Arbitrary<Character> jsonChars() {
        return Arbitraries.oneOf(Arbitraries.of('{', '}', '[', ']', ',', ':', '"', '\\', '-', '.', 'e', '0', '9', ' '),
                Arbitraries.chars());
    }
}
