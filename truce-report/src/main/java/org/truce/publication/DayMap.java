package org.truce.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.truce.assessment.Outcome;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.publication.DailyReport.MapPoint;
import org.truce.zone.Zone;

/**
 * The map of a day's reports, drawn with Java2D on the bundled outline of Ukraine (coarse, for
 * orientation only): sea areas, the line of contact, protected objects as squares and the day's
 * reports as dots coloured by their most serious outcome. Equirectangular, scaled by the cosine
 * of the middle latitude; the frame is the outline's, so every day's map has the same frame.
 */
final class DayMap {

    static final int WIDTH_PX = 900;
    static final int HEIGHT_PX = 560;
    static final Color VIOLATION = new Color(0xB0, 0x2A, 0x1E);
    static final Color UNDETERMINED = new Color(0xD9, 0x7A, 0x10);
    static final Color OUT_OF_SCOPE = new Color(0x80, 0x80, 0x80);
    private static final Color NO_FINDING = new Color(0x1F, 0x4E, 0x9A);
    private static final Color LAND = new Color(0xF2, 0xEF, 0xE6);
    private static final Color SEA = new Color(0xDD, 0xE8, 0xF2);
    private static final Color PAPER = Color.WHITE;

    private static final List<List<GeoPoint>> OUTLINE = readOutline();

    private final List<ProtectedObject> objects;
    private final List<Zone> zones;
    private final double minLon;
    private final double maxLat;
    private final double scale_px_per_deg;
    private final double cosLat;

    DayMap(List<ProtectedObject> objects, List<Zone> zones) {
        this.objects = List.copyOf(objects);
        this.zones = List.copyOf(zones);
        double lo = 180;
        double hi = -180;
        double south = 90;
        double north = -90;
        for (List<GeoPoint> ring : OUTLINE) {
            for (GeoPoint p : ring) {
                lo = Math.min(lo, p.lon_deg());
                hi = Math.max(hi, p.lon_deg());
                south = Math.min(south, p.lat_deg());
                north = Math.max(north, p.lat_deg());
            }
        }
        double pad = 0.6;
        lo -= pad;
        hi += pad;
        south -= pad;
        north += pad;
        cosLat = Math.cos(Math.toRadians((south + north) / 2));
        scale_px_per_deg = Math.min(WIDTH_PX / ((hi - lo) * cosLat), HEIGHT_PX / (north - south));
        minLon = lo - (WIDTH_PX / scale_px_per_deg / cosLat - (hi - lo)) / 2;
        maxLat = north + (HEIGHT_PX / scale_px_per_deg - (north - south)) / 2;
    }

    byte[] png(List<MapPoint> points) {
        BufferedImage image = Png.canvas(WIDTH_PX, HEIGHT_PX);
        Graphics2D g = Png.graphics(image, 11f);
        g.setColor(PAPER);
        g.fillRect(0, 0, WIDTH_PX, HEIGHT_PX);
        for (Zone z : zones) {
            if (z instanceof Zone.Area a) {
                g.setColor(SEA);
                g.fill(path(a.ring(), true));
            }
        }
        for (List<GeoPoint> ring : OUTLINE) {
            Path2D shape = path(ring, true);
            g.setColor(LAND);
            g.fill(shape);
            g.setColor(new Color(0x99, 0x99, 0x99));
            g.setStroke(new BasicStroke(1f));
            g.draw(shape);
        }
        for (Zone z : zones) {
            if (z instanceof Zone.Line l) {
                g.setColor(Color.BLACK);
                g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(path(l.line().vertices(), false));
            }
        }
        g.setStroke(new BasicStroke(1.2f));
        for (ProtectedObject o : objects) {
            double[] xy = xy(o.location());
            Rectangle2D square = new Rectangle2D.Double(xy[0] - 4, xy[1] - 4, 8, 8);
            g.setColor(new Color(0xFF, 0xE0, 0x66));
            g.fill(square);
            g.setColor(Color.DARK_GRAY);
            g.draw(square);
        }
        // Least serious first, so a violation is never hidden under an out-of-scope dot.
        List<MapPoint> ordered = new ArrayList<>(points);
        ordered.sort((a, b) -> Integer.compare(drawRank(a.outcome()), drawRank(b.outcome())));
        for (MapPoint p : ordered) {
            double[] xy = xy(GeoPoint.of(p.lat_deg(), p.lon_deg()));
            Ellipse2D dot = new Ellipse2D.Double(xy[0] - 5.5, xy[1] - 5.5, 11, 11);
            if (p.outcome() == null) {
                g.setColor(NO_FINDING);
                g.setStroke(new BasicStroke(2f));
                g.draw(dot);
            } else {
                g.setColor(colour(p.outcome()));
                g.fill(dot);
                g.setColor(Color.WHITE);
                g.setStroke(new BasicStroke(1f));
                g.draw(dot);
            }
        }
        g.dispose();
        return Png.bytes(image);
    }

    static Color colour(Outcome o) {
        return switch (o) {
            case POSSIBLE_VIOLATION -> VIOLATION;
            case UNDETERMINED -> UNDETERMINED;
            case OUT_OF_SCOPE -> OUT_OF_SCOPE;
        };
    }

    private static int drawRank(Outcome o) {
        if (o == null) {
            return 0;
        }
        return switch (o) {
            case OUT_OF_SCOPE -> 1;
            case UNDETERMINED -> 2;
            case POSSIBLE_VIOLATION -> 3;
        };
    }

    private double[] xy(GeoPoint p) {
        return new double[] {(p.lon_deg() - minLon) * cosLat * scale_px_per_deg, (maxLat - p.lat_deg()) * scale_px_per_deg};
    }

    private Path2D path(List<GeoPoint> points, boolean closed) {
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < points.size(); i++) {
            double[] xy = xy(points.get(i));
            if (i == 0) {
                path.moveTo(xy[0], xy[1]);
            } else {
                path.lineTo(xy[0], xy[1]);
            }
        }
        if (closed) {
            path.closePath();
        }
        return path;
    }

    /** The outer rings of the bundled outline's polygons. */
    private static List<List<GeoPoint>> readOutline() {
        try (InputStream in = Png.resource("base-map.geojson")) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<List<GeoPoint>> rings = new ArrayList<>();
            for (JsonNode feature : root.path("features")) {
                JsonNode geometry = feature.path("geometry");
                if ("Polygon".equals(geometry.path("type").asText())) {
                    List<GeoPoint> ring = new ArrayList<>();
                    for (JsonNode c : geometry.path("coordinates").get(0)) {
                        ring.add(GeoPoint.of(c.get(1).asDouble(), c.get(0).asDouble()));
                    }
                    rings.add(List.copyOf(ring));
                }
            }
            return List.copyOf(rings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
