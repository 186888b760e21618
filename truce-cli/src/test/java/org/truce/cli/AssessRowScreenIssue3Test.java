package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3 (assessment at scale): rows whose assessments can be counted from their checked fields
 * are never made into reports. FEATURE UNDER TEST: {@code truce assess} with that row screen gives
 * the same bytes as the general path ({@code --no-row-screen}) in every output, for every
 * {@code --findings} choice and thread count, on generated data full of awkward rows.
 */
class AssessRowScreenIssue3Test {

    static final String AGREEMENT = """
            {"id": "screen-test",
             "commitments": [
              {"id": "energy-moratorium", "kind": "strike_moratorium", "protected_category_prefix": "energy.",
               "from": "2025-03-18", "until_exclusive": "2025-04-17",
               "event_types": ["Explosions/Remote violence"], "radius_m": 3000},
              {"id": "contact-line-ceasefire", "kind": "ceasefire_zone",
               "from": "2025-03-18", "until_exclusive": "2025-04-17",
               "event_types": ["Explosions/Remote violence", "Battles"], "buffer_m": 15000}]}
            """;

    static final String LINE = """
            {"type": "Feature", "properties": {"name": "line of contact (test)"},
             "geometry": {"type": "LineString", "coordinates": [[35.0, 47.4], [36.2, 47.65], [37.5, 47.95], [37.9, 48.6]]}}
            """;

    static final String FACILITIES = """
            facility_id,name,category,latitude,longitude
            E1,"Substation ""North"", 2",energy.substation,47.90000,35.16000
            E2,Thermal plant,energy.power_plant,48.47000,35.03000
            E3,Depot,energy.fuel_depot,47.70000,36.90000
            H1,Hospital,health.hospital,48.00000,37.40000
            E4,Pipeline valve,energy.pipeline,46.90000,36.00000
            """;

    static final double[][] PLACES = {{47.9, 35.16}, {48.47, 35.03}, {47.7, 36.9}, {48.0, 37.4}, {46.9, 36.0},
        {47.65, 36.2}, {47.95, 37.5}, {48.6, 37.9}, {50.4, 30.5}};

    static final String[] TYPES = {"Explosions/Remote violence", "Battles", "Protests", "Violence against civilians",
        "Strategic developments"};

    static final String[] NOTES = {
        "Drones hit an electrical substation, officials said.",
        "Shelling near the village; no damage reported.",
        "Une frappe a touché une centrale thermique, selon l'opérateur.",
        "Удар по підстанції: знеструмлено об'єкт енергетики.",
        "Обстрел нефтебазы, начался пожар.",
        "Strike on a hospital, \"several\" wounded.",
        "Line one\nline two of a note, with a comma",
        "The energy truce was discussed; power lines were not hit.",
        "",
        "Les combats continuent près du village.",
    };

    static final DateTimeFormatter ACLED_OLD = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    /** Columns in an unusual order, an extra column and Truce's target column. */
    static final List<String> COLUMNS = List.of("notes", "event_date", "latitude", "event_id_cnty", "event_type",
            "sub_event_type", "actor1", "longitude", "time_precision", "geo_precision", "fatalities", "year", "target",
            "source", "country");

    static String quoted(String s) {
        return s.isEmpty() ? "" : "\"" + s.replace("\"", "\"\"") + "\"";
    }

    /** About 4,000 rows: most of them sound, the rest broken in the ways real exports are. */
    static String events(long seed) {
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder("\uFEFF").append(String.join(",", COLUMNS)).append("\r\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String id = rnd.nextInt(200) == 0 && !ids.isEmpty() ? ids.get(rnd.nextInt(ids.size())) : "T" + i;
            ids.add(id);
            LocalDate day = LocalDate.parse("2025-01-20").plusDays(rnd.nextInt(140));
            String date = rnd.nextInt(10) == 0 ? day.format(ACLED_OLD) : day.toString();
            double[] place = PLACES[rnd.nextInt(PLACES.length)];
            double spread = rnd.nextBoolean() ? 0.04 : 0.5;
            String lat = String.format(Locale.ROOT, "%.5f", place[0] + (rnd.nextDouble() - 0.5) * spread);
            String lon = String.format(Locale.ROOT, "%.5f", place[1] + (rnd.nextDouble() - 0.5) * spread);
            String tp = String.valueOf(1 + rnd.nextInt(3));
            String gp = String.valueOf(1 + rnd.nextInt(3));
            String fatalities = String.valueOf(rnd.nextInt(4));
            String notes = NOTES[rnd.nextInt(NOTES.length)];
            String target = rnd.nextInt(15) == 0 ? NOTES[rnd.nextInt(NOTES.length)] : "";
            String type = TYPES[rnd.nextInt(TYPES.length)];
            switch (rnd.nextInt(60)) {
                case 0 -> date = "2025-02-30";
                case 1 -> lat = "95.1";
                case 2 -> lon = "abc";
                case 3 -> tp = "4";
                case 4 -> gp = "";
                case 5 -> fatalities = "-2";
                case 6 -> type = "";
                case 7 -> lat = "";
                case 8 -> tp = "";
                default -> {
                }
            }
            List<String> fields = new ArrayList<>(List.of(quoted(notes), date, lat, id, type, "Air/drone strike",
                    rnd.nextBoolean() ? "Military Forces of Russia (2000-)" : "Military Forces of Ukraine (2019-)",
                    lon, tp, gp, fatalities, "2025", quoted(target), "test; wire", "Ukraine"));
            int odd = rnd.nextInt(80);
            if (odd == 0) {
                fields.remove(fields.size() - 1); // a field missing
            } else if (odd == 1) {
                fields.set(5, "Air\"strike"); // a bare quote in an unquoted field
            }
            csv.append(String.join(",", fields)).append(rnd.nextBoolean() ? "\r\n" : "\n");
        }
        return csv.toString();
    }

    record Run(String stdout, String stderr, List<String> files, List<byte[]> contents) {
    }

    static Run assess(Path in, Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("assess", "--timings", "--in", in.toString(), "--out",
                out.toString()));
        args.addAll(List.of(extra));
        StringWriter stdout = new StringWriter();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        PrintStream savedErr = System.err;
        int exit;
        try {
            System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
            var cli = TruceCli.commandLine();
            cli.setOut(new PrintWriter(stdout));
            cli.setErr(new PrintWriter(new StringWriter()));
            exit = cli.execute(args.toArray(new String[0]));
        } finally {
            System.setErr(savedErr);
        }
        String err = stderr.toString(StandardCharsets.UTF_8);
        assertThat(exit).as(err).isZero();
        List<String> files = new ArrayList<>();
        List<byte[]> contents = new ArrayList<>();
        try (var listing = Files.list(out)) {
            for (Path p : listing.sorted().toList()) {
                files.add(p.getFileName().toString());
                contents.add(Files.readAllBytes(p));
            }
        }
        return new Run(stdout.toString().replace(out.toString(), "OUT"), err, files, contents);
    }

    static long count(String stderr, String key) {
        Matcher m = Pattern.compile(key + "=(\\d+)").matcher(stderr);
        assertThat(m.find()).as("%s in %s", key, stderr).isTrue();
        return Long.parseLong(m.group(1));
    }

    static void assertSameOutputs(Run expected, Run actual, String what) {
        assertThat(actual.files()).as(what).isEqualTo(expected.files());
        for (int i = 0; i < expected.files().size(); i++) {
            assertThat(new String(actual.contents().get(i), StandardCharsets.UTF_8))
                    .as("%s: %s", what, expected.files().get(i))
                    .isEqualTo(new String(expected.contents().get(i), StandardCharsets.UTF_8));
            assertThat(actual.contents().get(i)).as("%s: bytes of %s", what, expected.files().get(i))
                    .isEqualTo(expected.contents().get(i));
        }
        assertThat(actual.stdout()).as(what).isEqualTo(expected.stdout());
    }

    @Test
    void theScreenedPathWritesTheSameBytesAsTheGeneralPathForEveryFindingsChoiceAndThreadCount(@TempDir Path tmp)
            throws IOException {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.writeString(in.resolve("agreement.json"), AGREEMENT);
        Files.writeString(in.resolve("line_of_contact.geojson"), LINE);
        Files.writeString(in.resolve("facilities.csv"), FACILITIES);
        Files.writeString(in.resolve("events.csv"), events(3), StandardCharsets.UTF_8);

        for (String findings : List.of("concerns", "all", "none")) {
            Run general = assess(in, tmp.resolve("general-" + findings), "--findings", findings, "--threads", "1",
                    "--no-row-screen");
            assertThat(general.stdout()).contains("4,000 read", "rejected (see");
            for (String threads : List.of("1", "3")) {
                String what = "--findings " + findings + " --threads " + threads;
                Run screened = assess(in, tmp.resolve("screened-" + findings + "-" + threads), "--findings", findings,
                        "--threads", threads);
                assertSameOutputs(general, screened, what);
                // Not vacuous: the screen made fewer reports than the general path (with --findings all
                // only the rows with no assessment at all can go without one).
                assertThat(count(screened.stderr(), "rows_with_report")).as(what)
                        .isLessThan(count(general.stderr(), "rows_with_report"));
                assertThat(count(screened.stderr(), "rows_with_report") + count(screened.stderr(), "rows_without_report"))
                        .as(what).isEqualTo(count(general.stderr(), "rows_with_report")
                                + count(general.stderr(), "rows_without_report"));
            }
        }
    }
}
