package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.store.report.ReportFilter;

/**
 * FEATURE UNDER TEST (issue 5, wiring): {@code POST /statements/{id}/extraction} reads a stored
 * statement in its language against its publication date and answers candidates with their spans
 * and a draft agreement; it stores nothing, and refuses an unknown id or a language it cannot read.
 */
class ExtractionApiTest {

    /** Written for this test: a strike halt on power plants, for 30 days. */
    static final String FRENCH = """
            Moscou, 19 mars 2025.
            Le président russe et le président américain se sont entendus mardi pour suspendre les frappes \
            visant les centrales électriques pendant 30 jours.
            """;

    @TempDir
    static Path dir;

    private static ServerFixture fx;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    static ObjectNode statement(String language, String published, String text) {
        ObjectNode s = Api.JSON.createObjectNode();
        s.put("source_id", "monitor-1");
        s.put("language", language);
        if (published != null) {
            s.put("published", published);
        }
        s.put("title", "Test statement");
        s.put("text", text);
        return s;
    }

    private static long post(ObjectNode statement) {
        Api.Response r = fx.api.postJson("/api/v1/statements", statement.toString());
        assertThat(r.status()).as(r.raw().body()).isIn(200, 201);
        return r.json().get("id").asLong();
    }

    @Test
    void aStoredStatementsExtractionShowsAMeasureWithItsSpan() {
        long id = post(statement("fr", "2025-03-19", FRENCH));
        long statementsBefore = fx.db.statements().count();

        Api.Response r = fx.api.postJson("/api/v1/statements/" + id + "/extraction", "");

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.json().get("language").asText()).isEqualTo("fr");
        assertThat(r.json().get("published").asText()).isEqualTo("2025-03-19");
        assertThat(r.json().get("event_day_basis").asText()).as("the answer says which day a measure starts on")
                .isNotBlank();
        JsonNode measure = first(r.json().get("items"), "measure");
        assertThat(measure.get("kind").asText()).isEqualTo("strike_halt");
        assertThat(measure.get("object").asText()).isEqualTo("energy");
        assertThat(measure.get("rule").asText()).isNotBlank();
        assertThat(measure.get("confidence").asDouble()).isBetween(0.0, 1.0);
        JsonNode span = measure.get("span");
        assertThat(span.get("text").asText()).contains("suspendre les frappes");
        assertThat(FRENCH.substring(span.get("start_char").asInt(), span.get("end_char").asInt()))
                .as("the span is the text's own words at its offsets").isEqualTo(span.get("text").asText());
        JsonNode draft = r.json().get("draft_agreement");
        assertThat(draft.get("title").asText()).startsWith("DRAFT, needs review");
        assertThat(draft.get("commitments").findValuesAsText("kind")).contains("strike_moratorium");

        assertThat(fx.db.statements().count()).as("nothing stored").isEqualTo(statementsBefore);
        assertThat(fx.db.reports().countMatching(ReportFilter.all().withDeleted(true))).isZero();
        assertThat(fx.api.get("/api/v1/findings").json().get("total").asInt()).as("candidates are not findings")
                .isZero();
    }

    @Test
    void theSeedArticleGivesTheEnergyHaltAndTheExchange() throws Exception {
        String root = System.getProperty("truce.repo.root");
        Path seed = Path.of(root != null ? root : "..").resolve("../shared/seed/2025-03-19-putin-trump-call.fr.txt");
        String text = Files.readString(seed, StandardCharsets.UTF_8);
        long id = post(statement("fr", "2025-03-19", text));

        JsonNode items = fx.api.postJson("/api/v1/statements/" + id + "/extraction", "").json().get("items");

        assertThat(items.findValuesAsText("kind")).contains("strike_halt");
        JsonNode exchange = first(items, "exchange");
        assertThat(exchange.toString()).contains("175");
    }

    @Test
    void anUnknownStatementIsNotFound() {
        Api.Response r = fx.api.postJson("/api/v1/statements/987654/extraction", "");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.error()).contains("no statement with id 987654");
    }

    @Test
    void anIdThatIsNotANumberIsABadRequest() {
        Api.Response r = fx.api.postJson("/api/v1/statements/seed/extraction", "");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo("id");
    }

    @Test
    void aStatementInALanguageTheExtractorDoesNotReadIsRefused() {
        long id = post(statement("de", "2025-03-19", "Die Präsidenten haben am Dienstag telefoniert.\n"));

        Api.Response r = fx.api.postJson("/api/v1/statements/" + id + "/extraction", "");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.field()).isEqualTo("language");
        assertThat(r.error()).contains("'de'", "fr and en");
    }

    @Test
    void aRegionalLanguageTagIsReadByItsLanguagesRules() {
        long id = post(statement("en-GB", "2025-03-19",
                "Russia agreed to stop strikes on energy facilities for 30 days.\n"));

        Api.Response r = fx.api.postJson("/api/v1/statements/" + id + "/extraction", "");

        assertThat(r.status()).as(r.raw().body()).isEqualTo(200);
        assertThat(r.json().get("language").asText()).isEqualTo("en");
        assertThat(r.json().get("items").findValuesAsText("kind")).contains("strike_halt");
    }

    @Test
    void withoutAPublicationDateTheTextMustGiveOne() {
        long id = post(statement("en", null, "Russia agreed to stop strikes on energy facilities.\n"));

        Api.Response r = fx.api.postJson("/api/v1/statements/" + id + "/extraction", "");

        assertThat(r.status()).isEqualTo(422);
        assertThat(r.field()).isEqualTo("published");
    }

    private static JsonNode first(JsonNode items, String type) {
        for (JsonNode i : items) {
            if (i.get("type").asText().equals(type)) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " among " + items);
    }
}
