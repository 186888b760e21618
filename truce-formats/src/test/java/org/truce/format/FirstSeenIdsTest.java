package org.truce.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FirstSeenIdsTest {

    @Test
    void reportsTheFirstLineOfARepeatedId() {
        FirstSeenIds ids = new FirstSeenIds();
        assertThat(ids.firstLineOf("UKR1", 2)).isEqualTo(-1);
        assertThat(ids.firstLineOf("UKR2", 3)).isEqualTo(-1);
        assertThat(ids.firstLineOf("UKR1", 9)).isEqualTo(2);
        assertThat(ids.firstLineOf("UKR01", 10)).isEqualTo(-1); // not the same id as UKR1
        assertThat(ids.firstLineOf("RUS1", 11)).isEqualTo(-1);
        assertThat(ids.firstLineOf("event 7 (b)", 12)).isEqualTo(-1);
        assertThat(ids.firstLineOf("event 7 (b)", 13)).isEqualTo(12);
        assertThat(ids.firstLineOf("a-very-long-identifier", 14)).isEqualTo(-1);
        assertThat(ids.firstLineOf("a-very-long-identifier", 15)).isEqualTo(14);
        assertThat(ids.size()).isEqualTo(6);
    }

    @Test
    void agreesWithAHashMapOnAMixOfDenseSparseAndOddIds() {
        // Sparse numbers first go to the hash tables, and the per-prefix array later grows past
        // them: a repeat must still be found wherever the first one went.
        Random random = new Random(3);
        FirstSeenIds ids = new FirstSeenIds();
        Map<String, Long> expected = new HashMap<>();
        String[] prefixes = {"UKR", "RUS", "", "x_", "Ж"};
        for (long line = 1; line <= 200_000; line++) {
            String prefix = prefixes[random.nextInt(prefixes.length)];
            int n = random.nextInt(10) == 0 ? random.nextInt(50_000_000) : random.nextInt(60_000);
            String id = random.nextInt(50) == 0 ? prefix + "0" + n : prefix + n;
            Long first = expected.putIfAbsent(id, line);
            assertThat(ids.firstLineOf(id, line)).as(id).isEqualTo(first == null ? -1 : first);
        }
        assertThat(ids.size()).isEqualTo(expected.size());
    }
}
