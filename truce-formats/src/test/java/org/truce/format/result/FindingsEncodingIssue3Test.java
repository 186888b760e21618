package org.truce.format.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.truce.agreement.Agreement;
import org.truce.assessment.Assessment;
import org.truce.assessment.AssessmentEngine;
import org.truce.assessment.Check;
import org.truce.facility.ProtectedObject;
import org.truce.format.agreement.AgreementJson;
import org.truce.geo.GeoPoint;
import org.truce.geo.Polyline;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.target.TargetLexicon;
import org.truce.zone.Zone;

/**
 * FEATURE UNDER TEST (issue 3): a findings line copies the encodings of checks and actors met
 * before (by identity) instead of encoding them again. Every line must be the bytes a fresh
 * encoder writes, whatever was met before: thousands of real assessments, encoded one report
 * after another on one thread, against each assessment encoded alone.
 */
class FindingsEncodingIssue3Test {

    static final String AGREEMENT = """
            {"id": "energy-halt",
             "commitments": [
              {"id": "energy-moratorium", "kind": "strike_moratorium", "protected_category_prefix": "energy.",
               "from": "2025-03-18", "until_exclusive": "2025-04-17",
               "event_types": ["Explosions/Remote violence"], "radius_m": 3000},
              {"id": "contact-line-ceasefire", "kind": "ceasefire_zone",
               "from": "2025-03-18", "until_exclusive": "2025-04-17",
               "event_types": ["Explosions/Remote violence", "Battles"], "buffer_m": 15000}]}
            """;

    static final String[] ACTORS = {"Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)",
        "Unidentified \"Armed\" Group", "Сили оборони", ""};
    static final String[] NOTES = {"Shelling hit a residential area.", "Drones struck an electrical substation.",
        "Удар по підстанції, пожежа.", "Une raffinerie a été touchée ; \"incendie\".", "A\tline\nbreak and \\ slash."};

    @Test
    void linesFromTheEncoderThatRemembersAreTheBytesOfAFreshEncoder() throws Exception {
        Agreement agreement = AgreementJson.parse(AGREEMENT, "agreement.json");
        List<ProtectedObject> objects = new ArrayList<>();
        Random rnd = new Random(3);
        for (int i = 0; i < 400; i++) {
            objects.add(new ProtectedObject(String.format("F%05d", i), "Object \"" + i + "\" станція",
                    i % 3 == 0 ? "energy.substation" : i % 3 == 1 ? "energy.power_plant" : "water.pumping",
                    GeoPoint.of(46 + 4 * rnd.nextDouble(), 32 + 6 * rnd.nextDouble())));
        }
        Zone line = new Zone.Line("line_of_contact", "", new Polyline(List.of(GeoPoint.of(46.6, 32.6),
                GeoPoint.of(47.3, 35.5), GeoPoint.of(48.2, 37.6), GeoPoint.of(49.6, 38.1))));
        AssessmentEngine engine = new AssessmentEngine(agreement, objects, List.of(line), TargetLexicon.builtIn());

        Map<Check, Integer> checksMet = new IdentityHashMap<>();
        int lines = 0;
        for (int i = 0; i < 6_000; i++) {
            GeoPoint near = objects.get(rnd.nextInt(objects.size())).location();
            Report r = new Report("UKR" + i, LocalDate.of(2025, 3, 1).plusDays(rnd.nextInt(60)),
                    TimePrecision.ofCode(1 + rnd.nextInt(3)),
                    rnd.nextInt(4) == 0 ? "Battles" : "Explosions/Remote violence", "", ACTORS[rnd.nextInt(ACTORS.length)],
                    "", "Ukraine", "", "", GeoPoint.of(near.lat_deg() + 0.05 * rnd.nextGaussian(),
                            near.lon_deg() + 0.05 * rnd.nextGaussian()),
                    GeoPrecision.ofCode(1 + rnd.nextInt(3)), "test", NOTES[rnd.nextInt(NOTES.length)], 0, "", Map.of());
            List<Assessment> assessed = engine.assess(r);
            FindingsJsonlWriter.EncodedLines encoded = FindingsJsonlWriter.encodeLines(r, assessed);
            StringBuilder fresh = new StringBuilder();
            for (Assessment a : assessed) {
                fresh.append(FindingsJsonlWriter.encode(r, a)).append('\n');
                a.trace().forEach(c -> checksMet.merge(c, 1, Integer::sum));
                lines++;
            }
            assertThat(new String(encoded.bytes(), encoded.from(), encoded.length(), StandardCharsets.UTF_8))
                    .as("report %s", r.id()).isEqualTo(fresh.toString());
        }
        assertThat(lines).as("assessments encoded").isGreaterThan(5_000);
        assertThat(checksMet.values().stream().filter(n -> n > 1).count())
                .as("checks met more than once, whose encodings are copied").isGreaterThan(50);
    }

    @Test
    void aStringWithControlCharactersAfterMuchNonAsciiTextFitsTheBuffer() {
        // A six-byte escape takes more than the three bytes per char first made room for.
        JsonText json = new JsonText(64);
        String s = "\u0001".repeat(50) + "ж".repeat(40) + "\u0002";
        json.quote(s);
        String expected = "\"" + "\\u0001".repeat(50) + "ж".repeat(40) + "\\u0002\"";
        assertThat(new String(json.toByteArray(), StandardCharsets.UTF_8)).isEqualTo(expected);
    }
}
