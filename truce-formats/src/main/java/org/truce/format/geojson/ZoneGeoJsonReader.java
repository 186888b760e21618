package org.truce.format.geojson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.truce.format.FormatException;
import org.truce.geo.GeoPoint;
import org.truce.geo.Polyline;
import org.truce.zone.Zone;

/**
 * Reads the zones an agreement refers to (a line of contact, a demilitarised area) from GeoJSON:
 * a {@code FeatureCollection}, a single {@code Feature}, or a bare geometry.
 *
 * <ul>
 *   <li>{@code LineString} gives one {@link Zone.Line}; {@code MultiLineString} gives one
 *       {@code Zone.Line} per part, because a line of contact with a gap is still one line for an
 *       agreement and each part is measured to on its own.
 *   <li>{@code Polygon} gives one {@link Zone.Area} from its outer ring; {@code MultiPolygon} one
 *       per polygon. Holes are refused with an error rather than silently dropped, since dropping
 *       one would put its inside within the zone.
 *   <li>Any other geometry ({@code Point}, {@code GeometryCollection}, none) is an error.
 * </ul>
 *
 * <p>Zone ids, in order of preference: the feature's {@code properties.id} (or its {@code "id"}
 * member); when the file yields a single zone, the file name without its extension (so
 * {@code line_of_contact.geojson} gives {@code line_of_contact}, whatever its display name); else
 * a slug of {@code properties.name}; else the file name stem and the feature's 1-based position.
 * A multi-part geometry adds {@code -1}, {@code -2}, ... to its feature's id. Two zones with one
 * id are an error. {@code properties.name} becomes the zone's name.
 *
 * <p>Zones are few and an agreement cannot be assessed without them, so every problem throws a
 * {@link FormatException} naming the file, the feature's 0-based index and the member at fault.
 */
public final class ZoneGeoJsonReader {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Reads {@code file}; its name gives default zone ids and names the file in messages. */
    public List<Zone> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /**
     * Reads zones from {@code in} (not closed).
     *
     * @param source the file name (its stem is the default zone id) or another label for messages
     */
    public List<Zone> read(InputStream in, String source) throws IOException {
        JsonNode root;
        try {
            root = MAPPER.readTree(in);
        } catch (JsonProcessingException e) {
            throw new FormatException(source + ": not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr() + ")"), e);
        }
        if (root == null || !root.isObject()) {
            throw new FormatException(source + ": expected a GeoJSON object");
        }
        List<Candidate> candidates = new ArrayList<>();
        String type = root.path("type").asText("");
        switch (type) {
            case "FeatureCollection" -> {
                JsonNode features = root.get("features");
                if (features == null || !features.isArray()) {
                    throw new FormatException(source + ": the FeatureCollection has no 'features' array");
                }
                for (int i = 0; i < features.size(); i++) {
                    candidates.addAll(fromFeature(features.get(i), i, source));
                }
            }
            case "Feature" -> candidates.addAll(fromFeature(root, 0, source));
            default -> candidates.addAll(parts(root, new Where(source, -1, "")));
        }
        if (candidates.isEmpty()) {
            throw new FormatException(source + ": no zone found (the FeatureCollection is empty)");
        }
        return name(candidates, stem(source));
    }

    /** A zone before its id is settled. */
    private record Candidate(Where where, String propertyId, String name, int part, int parts, Geometry geometry) {
    }

    private sealed interface Geometry permits LineGeometry, AreaGeometry {
    }

    private record LineGeometry(List<GeoPoint> vertices) implements Geometry {
    }

    private record AreaGeometry(List<GeoPoint> ring) implements Geometry {
    }

    /** Where a problem is, for messages: file, feature index (-1 for a bare geometry), member path. */
    private record Where(String source, int feature, String path) {
        Where at(String member) {
            return new Where(source, feature, path.isEmpty() ? member : path + member);
        }

        FormatException error(String what) {
            String place = feature < 0 ? "" : " feature " + feature + ":";
            return new FormatException(source + ":" + place + (path.isEmpty() ? "" : " " + path + ":") + " " + what);
        }
    }

    private List<Candidate> fromFeature(JsonNode feature, int index, String source) throws FormatException {
        Where where = new Where(source, index, "");
        if (feature == null || !feature.isObject() || !"Feature".equals(feature.path("type").asText(null))) {
            throw where.at("type").error("not a GeoJSON Feature");
        }
        JsonNode props = feature.path("properties");
        JsonNode idNode = props.has("id") ? props.get("id") : feature.get("id");
        String propertyId = null;
        if (idNode != null && !idNode.isNull()) {
            if (!idNode.isTextual() && !idNode.isIntegralNumber() || idNode.asText().isBlank()) {
                throw where.at("properties.id").error("must be a non-empty string or an integer, found " + idNode);
            }
            propertyId = idNode.asText();
        }
        JsonNode nameNode = props.get("name");
        if (nameNode != null && !nameNode.isNull() && !nameNode.isTextual()) {
            throw where.at("properties.name").error("must be a string, found " + nameNode);
        }
        String name = nameNode == null || nameNode.isNull() ? "" : nameNode.asText();
        JsonNode geometry = feature.get("geometry");
        if (geometry == null || geometry.isNull()) {
            throw where.at("geometry").error("missing; a zone needs a LineString or Polygon geometry");
        }
        List<Candidate> found = new ArrayList<>();
        for (Candidate c : parts(geometry, where.at("geometry"))) {
            found.add(new Candidate(where, propertyId, name, c.part(), c.parts(), c.geometry()));
        }
        return found;
    }

    /** The zones of one geometry object, one per part, ids not yet known. */
    private List<Candidate> parts(JsonNode geometry, Where where) throws FormatException {
        String type = geometry.path("type").asText("");
        JsonNode coordinates = geometry.get("coordinates");
        Where at = where.at(where.path().isEmpty() ? "coordinates" : ".coordinates");
        List<Geometry> parts = new ArrayList<>();
        switch (type) {
            case "LineString" -> parts.add(new LineGeometry(line(coordinates, at)));
            case "MultiLineString" -> {
                requireArray(coordinates, at, "an array of lines");
                for (int i = 0; i < coordinates.size(); i++) {
                    parts.add(new LineGeometry(line(coordinates.get(i), at.at("[" + i + "]"))));
                }
            }
            case "Polygon" -> parts.add(new AreaGeometry(outerRing(coordinates, at)));
            case "MultiPolygon" -> {
                requireArray(coordinates, at, "an array of polygons");
                for (int i = 0; i < coordinates.size(); i++) {
                    parts.add(new AreaGeometry(outerRing(coordinates.get(i), at.at("[" + i + "]"))));
                }
            }
            default -> throw where.at(where.path().isEmpty() ? "type" : ".type").error(
                    (type.isEmpty() ? "no geometry type" : "geometry type " + type)
                            + " cannot be a zone; expected LineString, MultiLineString, Polygon or MultiPolygon");
        }
        if (parts.isEmpty()) {
            throw at.error("empty " + type);
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            candidates.add(new Candidate(where, null, "", i, parts.size(), parts.get(i)));
        }
        return candidates;
    }

    private static List<GeoPoint> line(JsonNode coordinates, Where at) throws FormatException {
        requireArray(coordinates, at, "an array of [longitude, latitude] positions");
        if (coordinates.size() < 2) {
            throw at.error("a line needs at least 2 positions, found " + coordinates.size());
        }
        return positions(coordinates, at);
    }

    private static List<GeoPoint> outerRing(JsonNode rings, Where at) throws FormatException {
        requireArray(rings, at, "an array of rings");
        if (rings.isEmpty()) {
            throw at.error("a polygon needs an outer ring");
        }
        if (rings.size() > 1) {
            throw at.error("polygon holes are not supported (found " + (rings.size() - 1)
                    + " inner ring" + (rings.size() == 2 ? "" : "s") + "); describe the area without holes");
        }
        Where ringAt = at.at("[0]");
        requireArray(rings.get(0), ringAt, "a ring of [longitude, latitude] positions");
        List<GeoPoint> ring = positions(rings.get(0), ringAt);
        if (ring.size() < 4) {
            throw ringAt.error("a ring needs at least 4 positions, found " + ring.size());
        }
        if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
            throw ringAt.error("the ring is not closed: its last position must repeat the first");
        }
        return ring;
    }

    private static List<GeoPoint> positions(JsonNode array, Where at) throws FormatException {
        List<GeoPoint> points = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode p = array.get(i);
            Where pAt = at.at("[" + i + "]");
            if (!p.isArray() || p.size() < 2 || !p.get(0).isNumber() || !p.get(1).isNumber()) {
                throw pAt.error("expected [longitude, latitude] numbers, found " + p);
            }
            double lon = p.get(0).asDouble();
            double lat = p.get(1).asDouble();
            if (!(lon >= -180 && lon <= 180)) {
                throw pAt.error("longitude " + p.get(0) + " (the first number) is outside -180..180");
            }
            if (!(lat >= -90 && lat <= 90)) {
                throw pAt.error("latitude " + p.get(1) + " (the second number) is outside -90..90");
            }
            points.add(new GeoPoint(lat, lon));
        }
        return points;
    }

    private static void requireArray(JsonNode node, Where at, String what) throws FormatException {
        if (node == null || !node.isArray()) {
            throw at.error("expected " + what + ", found " + (node == null ? "nothing" : node.toString()));
        }
    }

    /** Settles ids (see the class comment) and builds the zones. */
    private static List<Zone> name(List<Candidate> candidates, String stem) throws FormatException {
        boolean single = candidates.size() == 1;
        List<Zone> zones = new ArrayList<>();
        Map<String, Candidate> byId = new HashMap<>();
        for (Candidate c : candidates) {
            String base;
            if (c.propertyId() != null) {
                base = c.propertyId();
            } else if (single || c.where().feature() < 0) {
                base = stem;
            } else if (!slug(c.name()).isEmpty()) {
                base = slug(c.name());
            } else {
                base = stem + "-" + (c.where().feature() + 1);
            }
            String id = c.parts() > 1 ? base + "-" + (c.part() + 1) : base;
            Candidate before = byId.putIfAbsent(id, c);
            if (before != null) {
                throw c.where().error("zone id '" + id + "' is already used by "
                        + (before.where().feature() < 0 ? "another part" : "feature " + before.where().feature())
                        + "; give the features distinct properties.id");
            }
            if (c.geometry() instanceof LineGeometry l) {
                zones.add(new Zone.Line(id, c.name(), new Polyline(l.vertices())));
            } else {
                zones.add(new Zone.Area(id, c.name(), ((AreaGeometry) c.geometry()).ring()));
            }
        }
        return List.copyOf(zones);
    }

    /** Lower-case letters and digits (any script), other runs collapsed to '-'. */
    static String slug(String name) {
        StringBuilder out = new StringBuilder();
        boolean dash = false;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (dash && out.length() > 0) {
                    out.append('-');
                }
                dash = false;
                out.appendCodePoint(cp);
            } else {
                dash = true;
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** File name without directories and its last extension ({@code .geojson}, {@code .json}). */
    static String stem(String source) {
        String name = source;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        int dot = name.lastIndexOf('.');
        name = dot > 0 ? name.substring(0, dot) : name;
        return name.isEmpty() ? "zone" : name;
    }
}
