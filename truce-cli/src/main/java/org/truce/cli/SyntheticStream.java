package org.truce.cli;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.zone.Zone;

/**
 * Made-up reports for the demo, deterministic for a seed: strikes near the protected objects and
 * along the line of contact around the 30 days of the energy moratorium, in the four languages the
 * lexicons read. Every one is marked synthetic in its id, its source and its notes: none is real.
 */
final class SyntheticStream {

    static final String SOURCE_ID = "synthetic-demo";
    static final String SOURCE_NAME = "Synthetic demo stream (made-up events, not real)";
    static final String MARK = "[SYNTHETIC] ";

    private static final LocalDate FIRST_DAY = LocalDate.parse("2025-03-11");
    private static final int DAYS = 44;
    private static final List<String> NOTES = List.of(
            "Drones struck an electrical substation; part of the district lost power.",
            "Shelling of the outskirts, houses damaged.",
            "Frappe de drones sur un dépôt pétrolier, incendie en cours.",
            "Обстріл енергетичної інфраструктури, пошкоджено підстанцію.",
            "Удар по нефтебазе, пожар локализован.",
            "Artillery fire near the front line, no damage reported.",
            "A strike cut power to several villages overnight.",
            "Clashes along the line, positions changed hands.");

    private final Random random;
    private final List<ProtectedObject> objects;
    private final List<GeoPoint> line;

    SyntheticStream(long seed, List<ProtectedObject> objects, List<Zone> zones) {
        this.random = new Random(seed);
        this.objects = List.copyOf(objects);
        this.line = zones.stream().filter(z -> z instanceof Zone.Line).map(z -> ((Zone.Line) z).line().vertices())
                .findFirst().orElse(List.of());
    }

    /** The n-th synthetic report as the JSON body of {@code POST /api/v1/reports}. */
    String reportJson(int n) {
        GeoPoint base = base();
        double lat = clamp(base.lat_deg() + random.nextGaussian() * 0.02, -89, 89);
        double lon = clamp(base.lon_deg() + random.nextGaussian() * 0.03, -179, 179);
        boolean battle = random.nextInt(10) < 3;
        boolean russian = random.nextBoolean();
        String actor = russian ? "Military Forces of Russia (2000-)" : "Military Forces of Ukraine (2019-)";
        String notes = battle ? NOTES.get(7) : NOTES.get(random.nextInt(NOTES.size() - 1));
        int geoPrecision = random.nextInt(10) < 8 ? 1 : 2;
        return String.format(Locale.ROOT, "{\"event_id_cnty\":\"SYN%d\",\"event_date\":\"%s\",\"time_precision\":1,"
                        + "\"event_type\":\"%s\",\"sub_event_type\":\"%s\",\"actor1\":\"%s\",\"location\":\"Synthetic place %d\","
                        + "\"latitude\":%.5f,\"longitude\":%.5f,\"geo_precision\":%d,\"notes\":\"%s\",\"fatalities\":0,"
                        + "\"source_id\":\"%s\"}",
                n, FIRST_DAY.plusDays(random.nextInt(DAYS)), battle ? "Battles" : "Explosions/Remote violence",
                battle ? "Armed clash" : "Air/drone strike", actor, n, lat, lon, geoPrecision,
                (MARK + notes).replace("\"", "\\\""), SOURCE_ID);
    }

    /** Near a protected object half of the time, else near the line of contact. */
    private GeoPoint base() {
        if (!objects.isEmpty() && (line.isEmpty() || random.nextBoolean())) {
            return objects.get(random.nextInt(objects.size())).location();
        }
        if (!line.isEmpty()) {
            return line.get(random.nextInt(line.size()));
        }
        return GeoPoint.of(48.0, 37.0);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
