package org.truce.extraction;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST: issue 5, "Done means", second item. Statements written for this test
 * (annotated-statements.jsonl: French and English, announcements, denials, accusations, exchanges,
 * conditional offers) with the items a reader expects; precision and recall per item type must
 * reach 0.9. Items are compared as sets of keys per statement (see {@link ExtractedItem#keys()}).
 */
class AnnotatedStatementsTest {

    /** Types the annotations list completely; numbers, places and timeline entries are not annotated. */
    static final List<String> EVALUATED = List.of("measure", "stance", "exchange", "position", "claim", "date",
            "duration", "actor");
    static final double FLOOR = 0.9;

    record Statement(String id, String batch, String lang, LocalDate published, String text, Set<String> expected) {
    }

    record Score(int truePositives, int falsePositives, int falseNegatives) {

        double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }
    }

    private static List<Statement> statements;
    private static final Map<String, int[]> COUNTS = new TreeMap<>();
    /** The same counts for each batch: "development" (written with the rules), "held-out" (written before its run). */
    private static final Map<String, Map<String, int[]>> BATCH_COUNTS = new TreeMap<>();
    private static final List<String> MISSES = new ArrayList<>();

    @BeforeAll
    static void run() throws Exception {
        statements = load();
        Extractor extractor = Extractor.standard();
        for (String type : EVALUATED) {
            COUNTS.put(type, new int[3]);
        }
        for (Statement s : statements) {
            Extraction e = extractor.extract(s.text(), Language.fromCode(s.lang()).orElseThrow(), s.published(),
                    "annotation");
            Set<String> found = new LinkedHashSet<>();
            e.items().forEach(i -> found.addAll(i.keys()));
            found.removeIf(k -> !EVALUATED.contains(type(k)));
            Map<String, int[]> batch = BATCH_COUNTS.computeIfAbsent(s.batch(), b -> new TreeMap<>());
            for (String k : found) {
                boolean hit = s.expected().contains(k);
                COUNTS.get(type(k))[hit ? 0 : 1]++;
                batch.computeIfAbsent(type(k), t -> new int[3])[hit ? 0 : 1]++;
                if (!hit) {
                    MISSES.add(s.id() + " extra " + k);
                }
            }
            for (String k : s.expected()) {
                if (!found.contains(k)) {
                    COUNTS.get(type(k))[2]++;
                    batch.computeIfAbsent(type(k), t -> new int[3])[2]++;
                    MISSES.add(s.id() + " missed " + k);
                }
            }
        }
        System.out.println(report());
    }

    static String type(String key) {
        return key.substring(0, key.indexOf(':'));
    }

    static Map<String, Score> scores() {
        return scores(COUNTS);
    }

    static Map<String, Score> scores(Map<String, int[]> counts) {
        Map<String, Score> m = new TreeMap<>();
        counts.forEach((t, c) -> m.put(t, new Score(c[0], c[1], c[2])));
        return m;
    }

    static String report() {
        StringBuilder b = new StringBuilder("extraction on the annotated set (" + statements.size() + " statements)\n");
        table(b, scores());
        BATCH_COUNTS.forEach((batch, counts) -> {
            b.append("batch ").append(batch).append(" (")
                    .append(statements.stream().filter(s -> s.batch().equals(batch)).count()).append(" statements)\n");
            table(b, scores(counts));
        });
        MISSES.forEach(m -> b.append("  ").append(m).append('\n'));
        return b.toString();
    }

    private static void table(StringBuilder b, Map<String, Score> scores) {
        b.append(String.format("%-10s %5s %5s %5s %9s %7s%n", "type", "tp", "fp", "fn", "precision", "recall"));
        scores.forEach((t, s) -> b.append(String.format("%-10s %5d %5d %5d %9.2f %7.2f%n", t, s.truePositives(),
                s.falsePositives(), s.falseNegatives(), s.precision(), s.recall())));
    }

    private static List<Statement> load() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<Statement> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                AnnotatedStatementsTest.class.getResourceAsStream("annotated-statements.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                Set<String> expected = new LinkedHashSet<>();
                n.get("expect").forEach(k -> expected.add(k.asText()));
                out.add(new Statement(n.get("id").asText(), n.path("batch").asText("development"), n.get("lang").asText(),
                        LocalDate.parse(n.get("published").asText()), n.get("text").asText(), expected));
            }
        }
        return out;
    }

    @Test
    void theSetHasAtLeast30StatementsInFrenchAndEnglishWithEveryTypeAnnotated() {
        assertThat(statements).hasSizeGreaterThanOrEqualTo(30);
        assertThat(statements).extracting(Statement::lang).contains("fr", "en");
        assertThat(statements.stream().filter(s -> s.lang().equals("fr")).count()).isGreaterThanOrEqualTo(10);
        for (String type : EVALUATED) {
            assertThat(statements).as("statements expecting a %s", type)
                    .anySatisfy(s -> assertThat(s.expected()).anySatisfy(k -> assertThat(type(k)).isEqualTo(type)));
        }
    }

    @Test
    void precisionAndRecallReach90PercentForEveryItemType() {
        scores().forEach((type, s) -> {
            assertThat(s.precision()).as("precision of %s%n%s", type, report()).isGreaterThanOrEqualTo(FLOOR);
            assertThat(s.recall()).as("recall of %s%n%s", type, report()).isGreaterThanOrEqualTo(FLOOR);
        });
    }
}
