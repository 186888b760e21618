package org.truce.store.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    @Test
    void keysAreSortedWhateverTheInsertionOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("b", 1);
        a.put("a", List.of("x", Map.of("z", true, "y", false)));
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("a", List.of("x", Map.of("y", false, "z", true)));
        b.put("b", 1);

        assertThat(CanonicalJson.write(a)).isEqualTo(CanonicalJson.write(b))
                .isEqualTo("{\"a\":[\"x\",{\"y\":false,\"z\":true}],\"b\":1}");
    }

    @Test
    void keysSortByUtf16CodeUnits() {
        assertThat(CanonicalJson.write(Map.of("é", 1, "z", 2, "Z", 3, "ж", 4)))
                .isEqualTo("{\"Z\":3,\"z\":2,\"é\":1,\"ж\":4}");
    }

    @Test
    void stringsEscapeOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.write("a\"b\\c\nd\te\u0001f/ü – Київ"))
                .isEqualTo("\"a\\\"b\\\\c\\nd\\te\\u0001f/ü – Київ\"");
    }

    @Test
    void doublesAreTheShortestDecimalThatReadsBack() {
        assertThat(Arrays.asList(48.0, 37.6054, -0.5, 0.1 + 0.2, 1e-7, 1701.3372, 2e23, 0.0, -0.0).stream()
                .map(CanonicalJson::number).toList())
                .containsExactly("48", "37.6054", "-0.5", "0.30000000000000004", "0.0000001", "1701.3372",
                        "200000000000000000000000", "0", "0");
    }

    @Test
    void everyDoubleReadsBackExactly() {
        Random random = new Random(42);
        for (int i = 0; i < 3_000; i++) {
            double d = i % 2 == 0 ? (random.nextDouble() - 0.5) * 360 : Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                continue;
            }
            assertThat(Double.parseDouble(CanonicalJson.number(d))).as("round trip of %s", d).isEqualTo(d);
        }
    }

    @Test
    void whatHasNoStableFormIsRefused() {
        assertThatThrownBy(() -> CanonicalJson.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(1.5f)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CanonicalJson.write(Map.of(1, "x"))).isInstanceOf(IllegalArgumentException.class);
    }
}
