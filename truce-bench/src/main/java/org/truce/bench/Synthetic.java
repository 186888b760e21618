package org.truce.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.geo.Polyline;

/**
 * Deterministic inputs for the benchmarks, shaped like the files of {@code ../shared/bench/gen.py}
 * (same box, same line of contact, clustered facilities, ACLED-like rows with quoted notes) but
 * made in memory, so that a benchmark needs no generated folder. Same seed, same data.
 */
final class Synthetic {

    static final double MIN_LAT = 44.0;
    static final double MAX_LAT = 56.0;
    static final double MIN_LON = 22.0;
    static final double MAX_LON = 48.0;

    /** Degrees of latitude per km on the 6,371 km sphere, near enough for placing test points. */
    private static final double DEG_PER_KM = 1.0 / 111.195;

    /** The 26 vertices (lon, lat) of the benchmark's synthetic 2025 line of contact. */
    private static final double[][] LINE_LON_LAT = {
        {32.60, 46.60}, {32.95, 46.72}, {33.30, 46.80}, {33.70, 47.05}, {34.10, 47.25}, {34.55, 47.40},
        {34.95, 47.45}, {35.30, 47.50}, {35.75, 47.55}, {36.20, 47.65}, {36.70, 47.80}, {37.20, 47.85},
        {37.50, 47.95}, {37.80, 48.00}, {37.55, 48.15}, {37.30, 48.30}, {37.65, 48.40}, {37.90, 48.58},
        {38.10, 48.80}, {38.20, 49.00}, {38.10, 49.25}, {37.90, 49.45}, {37.60, 49.70}, {37.70, 49.95},
        {37.85, 50.20}, {37.90, 50.40},
    };

    private static final String HEADER = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,"
            + "actor1,actor2,country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n";

    private static final String[] TYPES = {
        "Explosions/Remote violence", "Battles", "Strategic developments", "Violence against civilians",
        "Protests", "Riots",
    };
    private static final double[] TYPE_WEIGHTS = {60, 20, 10, 5, 4, 1};
    private static final String[] SUB_TYPES = {
        "Shelling/artillery/missile attack", "Armed clash", "Disrupted weapons use", "Attack",
        "Peaceful protest", "Violent demonstration",
    };
    private static final String[] ACTORS = {
        "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)", "Civilians (Ukraine)",
        "Protesters (Russia)", "Unidentified Armed Group (Ukraine)",
    };
    private static final String[][] COUNTRIES = {
        {"UKR", "Ukraine", "Donetsk"}, {"UKR", "Ukraine", "Zaporizhia"}, {"RUS", "Russia", "Belgorod"},
        {"BLR", "Belarus", "Gomel"}, {"POL", "Poland", "Lublin"}, {"ROU", "Romania", "Galati"},
        {"MDA", "Moldova", "Chisinau"}, {"LTU", "Lithuania", "Vilnius"},
    };
    private static final String[] LOCATIONS = {"Pokrovsk", "Kupiansk", "Kreminna", "Kam'ianske", "Orikhiv", "Nikopol"};
    private static final String[] SOURCES = {"Ukrinform", "Kyiv Independent", "TASS", "Suspilne", "Ouest-France"};
    private static final String[] NOTE_TAILS = {
        "On %s, Russian forces shelled the outskirts of %s, damaging a substation and power lines.",
        "On %s, a drone hit an oil depot near %s; local authorities reported a fire.",
        "Le %s, une frappe a touch\u00e9 une centrale pr\u00e8s de %s, selon les autorit\u00e9s locales.",
        "%s: \u043e\u0431\u0441\u0442\u0440\u0456\u043b \u043f\u0456\u0434\u0441\u0442\u0430\u043d\u0446\u0456\u0457"
                + " \u0443 %s, \u0437\u043d\u0435\u0441\u0442\u0440\u0443\u043c\u043b\u0435\u043d\u043e"
                + " \u043a\u0432\u0430\u0440\u0442\u0430\u043b.",
        "On %s, fighting continued near %s, with no casualties reported.",
    };

    private Synthetic() {
    }

    /** The benchmark's line of contact, 26 vertices. */
    static Polyline lineOfContact() {
        List<GeoPoint> vertices = new ArrayList<>(LINE_LON_LAT.length);
        for (double[] v : LINE_LON_LAT) {
            vertices.add(GeoPoint.of(v[1], v[0]));
        }
        return new Polyline(vertices);
    }

    /**
     * ACLED-like CSV, header included, UTF-8 with LF endings: every notes field is quoted (it has
     * commas), about a fifth hold doubled quotes, about a quarter non-ASCII text, and one in 200 a
     * line break inside the quotes.
     */
    static byte[] acledCsv(int rows, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] perCountry = new int[COUNTRIES.length];
        StringBuilder sb = new StringBuilder(rows * 360);
        sb.append(HEADER);
        for (int i = 0; i < rows; i++) {
            int c = rnd.nextInt(COUNTRIES.length);
            String[] country = COUNTRIES[c];
            int type = pick(rnd, TYPE_WEIGHTS);
            String date = String.format(Locale.ROOT, "2025-%02d-%02d", 1 + rnd.nextInt(6), 1 + rnd.nextInt(28));
            String location = LOCATIONS[rnd.nextInt(LOCATIONS.length)];
            double lat = MIN_LAT + rnd.nextDouble() * (MAX_LAT - MIN_LAT);
            double lon = MIN_LON + rnd.nextDouble() * (MAX_LON - MIN_LON);
            sb.append(country[0]).append(++perCountry[c]).append(',')
                    .append(date).append(",2025,").append(1 + rnd.nextInt(3)).append(',')
                    .append(TYPES[type]).append(',').append(SUB_TYPES[type]).append(',')
                    .append(ACTORS[rnd.nextInt(ACTORS.length)]).append(',')
                    .append(rnd.nextInt(3) == 0 ? ACTORS[rnd.nextInt(ACTORS.length)] : "").append(',')
                    .append(country[1]).append(',').append(country[2]).append(',');
            csvField(sb, location);
            sb.append(',').append(String.format(Locale.ROOT, "%.5f,%.5f", lat, lon)).append(',')
                    .append(1 + rnd.nextInt(3)).append(',');
            String source = SOURCES[rnd.nextInt(SOURCES.length)];
            if (rnd.nextInt(5) < 2) {
                source = source + "; " + SOURCES[rnd.nextInt(SOURCES.length)];
            }
            csvField(sb, source);
            sb.append(',');
            csvField(sb, note(rnd, date, location));
            sb.append(',').append(rnd.nextInt(10) < 7 ? 0 : 1 + rnd.nextInt(20)).append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** {@code n} notes as {@link #acledCsv} writes them (English, French and Ukrainian, some naming energy targets). */
    static String[] notes(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            String date = String.format(Locale.ROOT, "2025-%02d-%02d", 1 + rnd.nextInt(6), 1 + rnd.nextInt(28));
            out[i] = note(rnd, date, LOCATIONS[rnd.nextInt(LOCATIONS.length)]);
        }
        return out;
    }

    private static String note(SplittableRandom rnd, String date, String location) {
        String note = String.format(Locale.ROOT, NOTE_TAILS[rnd.nextInt(NOTE_TAILS.length)], date, location);
        int roll = rnd.nextInt(1000);
        if (roll < 200) {
            note = note + " The governor called it \"a deliberate strike\", a claim denied by the other side.";
        }
        if (roll >= 995) {
            note = note + "\nUpdate: casualty figures revised, see later reports.";
        }
        return note + " [size=no report, " + (1 + rnd.nextInt(9)) + " sources]";
    }

    /** Appends a field, quoted as RFC 4180 asks (only when it holds a comma, quote or line break). */
    private static void csvField(StringBuilder sb, String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            sb.append(value);
            return;
        }
        sb.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    /**
     * Protected-object candidates laid out like gen.py's facilities: 10% uniform in the box,
     * 0.5% copying the exact position of a recent one (exact distance ties), the rest in
     * Gaussian clusters (sigma 1.5 to 6.5 km) around 200 towns. 55% are {@code energy.*}.
     */
    static List<ProtectedObject> facilities(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] towns = towns(rnd);
        String[] energy = {"energy.power_plant", "energy.substation", "energy.refinery", "energy.oil_depot",
            "energy.gas_facility", "energy.pipeline_station"};
        String[] other = {"water.pumping_station", "health.hospital", "transport.rail_station", "civilian.residential"};
        List<ProtectedObject> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            GeoPoint at;
            int roll = rnd.nextInt(1000);
            if (roll < 5 && i > 0) {
                at = out.get(Math.max(0, i - 1 - rnd.nextInt(Math.min(i, 100)))).location();
            } else if (roll < 105) {
                at = uniformInBox(rnd);
            } else {
                double[] town = towns[rnd.nextInt(towns.length)];
                at = around(rnd, town[0], town[1], town[2]);
            }
            String category = rnd.nextInt(100) < 55
                    ? energy[rnd.nextInt(energy.length)] : other[rnd.nextInt(other.length)];
            out.add(new ProtectedObject(String.format(Locale.ROOT, "F%07d", i + 1), "object " + (i + 1), category, at));
        }
        return out;
    }

    /**
     * Query points: half within ~10 km of a town (where the objects are dense), half uniform in the
     * box (mostly empty around them), as a strike report would fall.
     */
    static GeoPoint[] queryPoints(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[][] towns = towns(new SplittableRandom(seed ^ 0x5DEECE66DL));
        GeoPoint[] out = new GeoPoint[n];
        for (int i = 0; i < n; i++) {
            if (rnd.nextBoolean()) {
                double[] town = towns[rnd.nextInt(towns.length)];
                out[i] = around(rnd, town[0], town[1], 10.0);
            } else {
                out[i] = uniformInBox(rnd);
            }
        }
        return out;
    }

    /**
     * Points near the line of contact like gen.py's events: 70% at a uniform position along the
     * line, offset by a Gaussian with sigma 20 km; 30% uniform in the box.
     */
    static GeoPoint[] pointsNearLine(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        GeoPoint[] out = new GeoPoint[n];
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(10) < 7) {
                int e = rnd.nextInt(LINE_LON_LAT.length - 1);
                double t = rnd.nextDouble();
                double lon = LINE_LON_LAT[e][0] + t * (LINE_LON_LAT[e + 1][0] - LINE_LON_LAT[e][0]);
                double lat = LINE_LON_LAT[e][1] + t * (LINE_LON_LAT[e + 1][1] - LINE_LON_LAT[e][1]);
                out[i] = around(rnd, lat, lon, 20.0);
            } else {
                out[i] = uniformInBox(rnd);
            }
        }
        return out;
    }

    /** 200 towns {lat, lon, sigma_km}: the first 30 near the line, the others uniform in the box. */
    private static double[][] towns(SplittableRandom rnd) {
        double[][] towns = new double[200][];
        for (int i = 0; i < towns.length; i++) {
            double sigma = 1.5 + 5.0 * rnd.nextDouble();
            GeoPoint at;
            if (i < 30) {
                int e = rnd.nextInt(LINE_LON_LAT.length - 1);
                at = around(rnd, LINE_LON_LAT[e][1], LINE_LON_LAT[e][0], 30.0);
            } else {
                at = uniformInBox(rnd);
            }
            towns[i] = new double[] {at.lat_deg(), at.lon_deg(), sigma};
        }
        return towns;
    }

    private static GeoPoint uniformInBox(SplittableRandom rnd) {
        return GeoPoint.of(round5(MIN_LAT + rnd.nextDouble() * (MAX_LAT - MIN_LAT)),
                round5(MIN_LON + rnd.nextDouble() * (MAX_LON - MIN_LON)));
    }

    /** A Gaussian offset of {@code sigma_km} around a point, clamped into the box, 5 decimals. */
    private static GeoPoint around(SplittableRandom rnd, double lat, double lon, double sigma_km) {
        double dLat = gaussian(rnd) * sigma_km * DEG_PER_KM;
        double dLon = gaussian(rnd) * sigma_km * DEG_PER_KM / Math.cos(Math.toRadians(lat));
        return GeoPoint.of(round5(clamp(lat + dLat, MIN_LAT, MAX_LAT)), round5(clamp(lon + dLon, MIN_LON, MAX_LON)));
    }

    /** Box-Muller from the given stream only, so the data do not depend on a JDK's Gaussian. */
    private static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private static int pick(SplittableRandom rnd, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round5(double v) {
        return Math.round(v * 1e5) / 1e5;
    }
}
