package org.truce.format.facility;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.truce.facility.ProtectedObject;
import org.truce.format.FormatException;
import org.truce.format.ReadCounts;
import org.truce.format.ReadResult;
import org.truce.format.RejectSink;
import org.truce.format.Rejection;
import org.truce.geo.GeoPoint;

/**
 * Reads protected objects from a GeoJSON {@code FeatureCollection} of {@code Point} features
 * (RFC 7946: positions are {@code [longitude, latitude]}, an altitude after them is ignored).
 * Each feature needs the properties {@code id} (or {@code facility_id}; a feature-level
 * {@code "id"} member is used when neither is there), {@code name} and {@code category}; ids may
 * be strings or integers.
 *
 * <p>A feature that cannot be used is rejected, not thrown: another geometry type, a missing or
 * empty property, bad coordinates, an id used by an earlier feature. Its rejection carries the
 * line where the feature starts, its 0-based index in {@code features} (in the reason) and its
 * JSON as the raw record. A document that is not valid JSON or not a FeatureCollection fails as a
 * whole with a {@link FormatException}, and then nothing is sent to the reject sink.
 *
 * <p>Features are parsed one at a time from a stream, so the file is never held as one tree.
 */
public final class FacilityGeoJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RejectSink rejects;

    /** @param rejects where features that are not accepted go */
    public FacilityGeoJsonReader(RejectSink rejects) {
        this.rejects = rejects;
    }

    /** Reads {@code file}; the path as given names the file in messages. */
    public ReadResult<ProtectedObject> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads a facilities FeatureCollection from {@code in} (not closed).
     *
     * @param source how to name the input in messages
     */
    public ReadResult<ProtectedObject> read(InputStream in, String source) throws IOException {
        List<ProtectedObject> accepted = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Map<String, String> firstUse = new HashMap<>();
        String type = null;
        boolean sawFeatures = false;
        int index = 0;
        try (JsonParser p = MAPPER.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new FormatException(source + ": expected a GeoJSON FeatureCollection object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String member = p.currentName();
                JsonToken value = p.nextToken();
                if (member.equals("type")) {
                    type = p.getValueAsString();
                } else if (member.equals("features")) {
                    if (value != JsonToken.START_ARRAY) {
                        throw new FormatException(source + ": 'features' must be an array");
                    }
                    sawFeatures = true;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        long line = p.currentTokenLocation().getLineNr();
                        JsonNode feature = MAPPER.readTree(p);
                        if (feature == null) {
                            feature = NullNode.getInstance(); // a literal null in the array
                        }
                        Feature f = new Feature(feature, index++, line < 1 ? 0 : line);
                        ProtectedObject object = f.toObject(firstUse);
                        if (object != null) {
                            accepted.add(object);
                        } else {
                            rejected.add(f.rejection);
                        }
                    }
                } else {
                    p.skipChildren();
                }
            }
        } catch (JsonProcessingException e) {
            throw new FormatException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ")"), e);
        }
        if (!"FeatureCollection".equals(type)) {
            throw new FormatException(source + ": expected \"type\": \"FeatureCollection\", found "
                    + (type == null ? "no type" : "\"" + type + "\""));
        }
        if (!sawFeatures) {
            throw new FormatException(source + ": the FeatureCollection has no 'features' array");
        }
        rejected.forEach(rejects::reject);
        return new ReadResult<>(accepted, new ReadCounts(index, accepted.size(), rejected.size()));
    }

    /** One feature being checked; on failure {@link #rejection} says why. */
    private static final class Feature {
        private final JsonNode json;
        private final int index;
        private final long line;
        private String id = "";
        private Rejection rejection;

        Feature(JsonNode json, int index, long line) {
            this.json = json;
            this.index = index;
            this.line = line;
        }

        ProtectedObject toObject(Map<String, String> firstUse) {
            if (!json.isObject() || !"Feature".equals(json.path("type").asText(null))) {
                return reject("type", "not a GeoJSON Feature");
            }
            JsonNode props = json.path("properties");
            JsonNode idNode = props.has("id") ? props.get("id")
                    : props.has("facility_id") ? props.get("facility_id") : json.get("id");
            if (idNode == null || idNode.isNull()) {
                return reject("properties.id", "missing (neither 'id' nor 'facility_id' is given)");
            }
            if (!idNode.isTextual() && !idNode.isIntegralNumber()) {
                return reject("properties.id", "must be a string or an integer, found " + idNode);
            }
            id = idNode.asText();
            if (id.isEmpty()) {
                return reject("properties.id", "empty");
            }
            String before = firstUse.putIfAbsent(id, "feature " + index + " (line " + line + ")");
            if (before != null) {
                return reject("properties.id", "duplicate id, first used by " + before);
            }
            JsonNode name = props.get("name");
            if (name == null || !name.isTextual()) {
                return reject("properties.name", name == null ? "missing" : "must be a string, found " + name);
            }
            JsonNode category = props.get("category");
            if (category == null || !category.isTextual() || category.asText().isEmpty()) {
                return reject("properties.category", category == null ? "missing"
                        : category.isTextual() ? "empty" : "must be a string, found " + category);
            }
            JsonNode geometry = json.get("geometry");
            if (geometry == null || geometry.isNull()) {
                return reject("geometry", "missing");
            }
            String geometryType = geometry.path("type").asText("");
            if (!geometryType.equals("Point")) {
                return reject("geometry.type", "a facility must be a Point, found "
                        + (geometryType.isEmpty() ? "no type" : geometryType));
            }
            JsonNode c = geometry.path("coordinates");
            if (!c.isArray() || c.size() < 2 || !c.get(0).isNumber() || !c.get(1).isNumber()) {
                return reject("geometry.coordinates", "expected [longitude, latitude] numbers, found " + c);
            }
            double lon = c.get(0).asDouble();
            double lat = c.get(1).asDouble();
            if (!(lat >= -90 && lat <= 90)) {
                return reject("geometry.coordinates", "latitude " + c.get(1) + " (the second number) is outside -90..90");
            }
            if (!(lon >= -180 && lon <= 180)) {
                return reject("geometry.coordinates", "longitude " + c.get(0) + " (the first number) is outside -180..180");
            }
            return new ProtectedObject(id, name.asText(), category.asText(), new GeoPoint(lat, lon));
        }

        private ProtectedObject reject(String field, String reason) {
            rejection = new Rejection(line, id, field, "feature " + index + ": " + reason, List.of(json.toString()));
            return null;
        }
    }
}
