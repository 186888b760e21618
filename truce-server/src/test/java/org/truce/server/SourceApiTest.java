package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.truce.store.report.Source;

/** FEATURE UNDER TEST: GET and POST /sources; a source is registered once and never changed. */
class SourceApiTest {

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

    @Test
    void aSourceIsRegisteredOnceAndListed() {
        String body = "{\"id\": \"ua-mod\", \"name\": \"Ministry of Defence of Ukraine\", \"kind\": \"party\"}";

        Api.Response created = fx.api.postJson("/api/v1/sources", body);
        Api.Response again = fx.api.postJson("/api/v1/sources", body);
        Api.Response changed = fx.api.postJson("/api/v1/sources",
                "{\"id\": \"ua-mod\", \"name\": \"Another name\", \"kind\": \"party\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().toString())
                .isEqualTo("{\"id\":\"ua-mod\",\"name\":\"Ministry of Defence of Ukraine\",\"kind\":\"party\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(changed.status()).isEqualTo(409);
        assertThat(changed.field()).isEqualTo("id");
        assertThat(fx.db.sources().find("ua-mod").orElseThrow().name()).isEqualTo("Ministry of Defence of Ukraine");
        assertThat(fx.api.get("/api/v1/sources").json()).extracting(s -> s.get("id").asText())
                .contains("monitor-1", "ua-mod");
    }

    @ParameterizedTest(name = "{1}: {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "{\"name\": \"N\", \"kind\": \"monitor\"} | id | id is required",
        "{\"id\": \"s 1\", \"name\": \"N\", \"kind\": \"monitor\"} | id | letters, digits",
        "{\"id\": 7, \"name\": \"N\", \"kind\": \"monitor\"} | id | must be a string, got a number",
        "{\"id\": \"s1\", \"kind\": \"monitor\"} | name | name is required",
        "{\"id\": \"s1\", \"name\": \"  \", \"kind\": \"monitor\"} | name | not all blank",
        "{\"id\": \"s1\", \"name\": \"N\", \"kind\": \"blog\"} | kind | kind must be one of dataset, monitor",
        "{\"id\": \"s1\", \"name\": \"N\", \"kind\": \"monitor\", \"url\": \"x\"} | url | unknown field 'url'"})
    void aBadSourceIsRefusedAndNothingIsStored(String body, String field, String message) {
        List<Source> before = fx.db.sources().listAll();

        Api.Response r = fx.api.postJson("/api/v1/sources", body);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.error()).contains(message);
        assertThat(fx.db.sources().listAll()).isEqualTo(before);
    }
}
