package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.zone.Zone;

/**
 * {@code /facilities} and {@code /zones}: the reference data the server assesses against, as
 * GeoJSON FeatureCollections (positions are {@code [longitude, latitude]}), read-only. The
 * dashboard draws its map from them.
 */
final class ReferenceResource {

    private final ReferenceData reference;

    ReferenceResource(ReferenceData reference) {
        this.reference = reference;
    }

    void register(RoutesConfig routes) {
        routes.get(TruceServer.API + "/facilities", this::facilities);
        routes.get(TruceServer.API + "/zones", this::zones);
    }

    private void facilities(Context ctx) {
        QueryParams.of(ctx, Set.of());
        List<Object> features = new ArrayList<>();
        for (ProtectedObject o : reference.objects()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", o.id());
            props.put("name", o.name());
            props.put("category", o.category());
            features.add(feature(props, geometry("Point", position(o.location()))));
        }
        Json.send(ctx, 200, collection(features));
    }

    private void zones(Context ctx) {
        QueryParams.of(ctx, Set.of());
        List<Object> features = new ArrayList<>();
        for (Zone z : reference.zones()) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("id", z.id());
            props.put("name", z.name());
            Map<String, Object> geometry;
            if (z instanceof Zone.Line line) {
                props.put("kind", "line");
                geometry = geometry("LineString", positions(line.line().vertices()));
            } else {
                Zone.Area area = (Zone.Area) z;
                props.put("kind", "area");
                geometry = geometry("Polygon", List.of(positions(area.ring())));
            }
            features.add(feature(props, geometry));
        }
        Json.send(ctx, 200, collection(features));
    }

    private static Map<String, Object> collection(List<Object> features) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "FeatureCollection");
        m.put("features", features);
        return m;
    }

    private static Map<String, Object> feature(Map<String, Object> properties, Map<String, Object> geometry) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "Feature");
        m.put("properties", properties);
        m.put("geometry", geometry);
        return m;
    }

    private static Map<String, Object> geometry(String type, Object coordinates) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", type);
        m.put("coordinates", coordinates);
        return m;
    }

    private static List<Double> position(GeoPoint p) {
        return List.of(p.lon_deg(), p.lat_deg());
    }

    private static List<List<Double>> positions(List<GeoPoint> points) {
        return points.stream().map(ReferenceResource::position).toList();
    }
}
