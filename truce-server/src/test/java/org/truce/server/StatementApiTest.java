package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.store.Sha256;

/** FEATURE UNDER TEST (issue 5, statements): POST, GET and list /statements; bad bodies store nothing. */
class StatementApiTest {

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

    private static ObjectNode statement(String text) {
        ObjectNode s = Api.JSON.createObjectNode();
        s.put("source_id", "monitor-1");
        s.put("language", "fr");
        s.put("published", "2025-03-19");
        s.put("title", "Appel du 18 mars");
        s.put("text", text);
        return s;
    }

    @Test
    void aStatementIsStoredWithTheHashOfItsTextAndReadBackWhole() {
        String text = "Les deux parties ont convenu d'un échange de 175 prisonniers contre 175.\n";

        Api.Response created = fx.api.postJson("/api/v1/statements", statement(text).toString());
        Api.Response again = fx.api.postJson("/api/v1/statements", statement(text).put("title", "Autre").toString());

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("created").asBoolean()).isTrue();
        assertThat(created.json().get("text_sha256").asText()).isEqualTo(Sha256.hex(text));
        assertThat(created.json().get("size_bytes").asInt()).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        assertThat(created.json().has("text")).as("the answer to a POST does not echo the text").isFalse();
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id")).isEqualTo(created.json().get("id"));
        assertThat(again.json().get("title").asText()).as("the first metadata stays").isEqualTo("Appel du 18 mars");

        Api.Response read = fx.api.get(created.raw().headers().firstValue("Location").orElseThrow());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("text").asText()).isEqualTo(text);
        assertThat(read.json().get("published").asText()).isEqualTo("2025-03-19");
        assertThat(read.json().get("language").asText()).isEqualTo("fr");

        Api.Response list = fx.api.get("/api/v1/statements");
        assertThat(list.json().get("total").asInt()).isEqualTo(fx.db.statements().count());
        assertThat(list.json().get("items").get(0).has("text")).as("listings leave the text out").isFalse();
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{\"language\": \"fr\", \"text\": \"Texte.\"} | source_id | source_id is required",
        "{\"source_id\": \"nobody\", \"language\": \"fr\", \"text\": \"Texte.\"} | source_id | no source 'nobody'",
        "{\"source_id\": \"monitor-1\", \"text\": \"Texte.\"} | language | language is required",
        "{\"source_id\": \"monitor-1\", \"language\": \"French\", \"text\": \"Texte.\"} | language | BCP 47",
        "{\"source_id\": \"monitor-1\", \"language\": \"fr\"} | text | text is required",
        "{\"source_id\": \"monitor-1\", \"language\": \"fr\", \"text\": \"  \"} | text | the text is empty",
        "{\"source_id\": \"monitor-1\", \"language\": \"fr\", \"text\": 12} | text | must be a string, got a number",
        "{\"source_id\": \"monitor-1\", \"language\": \"fr\", \"text\": \"a\\u0000b\"} | text | control character U+0000",
        "{\"source_id\": \"monitor-1\", \"language\": \"fr\", \"text\": \"T.\", \"published\": \"19/03/2025\"} | published | YYYY-MM-DD",
        "{\"source_id\": \"monitor-1\", \"language\": \"fr\", \"text\": \"T.\", \"retrieved_at\": \"yesterday\"} | retrieved_at | UTC instant",
        "{\"source_id\": \"monitor-1\", \"language\": \"fr\", \"text\": \"T.\", \"url\": \"ftp://x\"} | url | http(s) address",
        "{\"source_id\": \"monitor-1\", \"language\": \"fr\", \"text\": \"T.\", \"author\": \"x\"} | author | unknown field 'author'"})
    void aBadStatementIsRefusedAndNothingIsStored(String body, String field, String message) {
        int before = fx.db.statements().count();

        Api.Response r = fx.api.postJson("/api/v1/statements", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.error()).contains(message);
        assertThat(fx.db.statements().count()).isEqualTo(before);
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        int before = fx.db.statements().count();
        String huge = "x".repeat((int) ServerConfig.DEFAULT_MAX_BODY_BYTES + 10);

        Api.Response r = fx.api.postJson("/api/v1/statements", statement(huge).toString());

        assertThat(r.status()).isEqualTo(413);
        assertThat(fx.db.statements().count()).isEqualTo(before);
    }

    @Test
    void unknownAndMalformedIdsAreTold() {
        assertThat(fx.api.get("/api/v1/statements/999999").status()).isEqualTo(404);
        Api.Response bad = fx.api.get("/api/v1/statements/abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).isEqualTo("id");
    }
}
