package org.truce.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** FEATURE UNDER TEST: one spelling per entry content, so one leaf hash. */
class EntryJsonTest {

    @Test
    void keysAreSortedAndThereIsNoWhitespace() {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("version", 2);
        entry.put("kind", "report");
        entry.put("actors", List.of("Military Forces of Russia (2000-)", "Civilians (Ukraine)"));
        entry.put("deleted", false);
        entry.put("note", null);
        entry.put("Zone", Map.of("b", 1L, "a", 0));

        assertThat(EntryJson.canonical(entry)).isEqualTo(
                "{\"Zone\":{\"a\":0,\"b\":1},\"actors\":[\"Military Forces of Russia (2000-)\",\"Civilians (Ukraine)\"],"
                        + "\"deleted\":false,\"kind\":\"report\",\"note\":null,\"version\":2}");
    }

    @Test
    void stringsAreEscapedMinimally() {
        assertThat(EntryJson.canonical("Удар по «подстанции»\t\"quoted\" \\ \u0001 é"))
                .isEqualTo("\"Удар по «подстанции»\\t\\\"quoted\\\" \\\\ \\u0001 é\"");
    }

    @Test
    void doublesAreTheShortestPlainDecimal() {
        assertThat(Arrays.asList(48.0, 37.5, 0.1, 1e-7, 1e21, -0.0, 46.635417, 0.1 + 0.2).stream()
                .map(EntryJson::canonical).toList())
                .containsExactly("48", "37.5", "0.1", "0.0000001", "1000000000000000000000", "0", "46.635417",
                        "0.30000000000000004");
    }

    @Test
    void valuesWithoutOneSpellingAreRefused() {
        assertThatThrownBy(() -> EntryJson.canonical(new BigDecimal("1.10"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.math.BigDecimal");
        assertThatThrownBy(() -> EntryJson.canonical(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EntryJson.canonical(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("member names are strings");
    }
}
