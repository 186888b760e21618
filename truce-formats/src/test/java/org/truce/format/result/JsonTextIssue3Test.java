package org.truce.format.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 3: the encodings {@code findings.jsonl} now reuses must be the bytes written afresh. */
class JsonTextIssue3Test {

    private static String text(JsonText json) {
        return new String(json.toByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aDayEncodedFromTheCacheIsItsQuotedText() {
        JsonText cached = new JsonText(64);
        JsonText fresh = new JsonText(64);
        // Days 512 apart share a cache slot; going round twice meets every slot taken by another day.
        for (int pass = 0; pass < 2; pass++) {
            for (LocalDate d = LocalDate.parse("-0001-12-30"); d.isBefore(LocalDate.parse("0001-01-01")); d = d.plusDays(1)) {
                cached.quote(d).raw(',');
                fresh.quote(d.toString()).raw(',');
            }
            for (LocalDate d = LocalDate.parse("2024-01-01"); d.isBefore(LocalDate.parse("2027-01-01")); d = d.plusDays(1)) {
                cached.quote(d).raw(',');
                fresh.quote(d.toString()).raw(',');
            }
        }
        assertThat(text(cached)).isEqualTo(text(fresh)).contains("\"2025-03-18\",").contains("\"-0001-12-31\",");
    }

    @Test
    void textsHandedOutStayIntactWhileLaterOnesFillAndOutgrowTheBuffer() {
        JsonText shared = new JsonText(64);
        java.util.List<FindingsJsonlWriter.EncodedLines> taken = new java.util.ArrayList<>();
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // Lengths from 1 to ~1,000 bytes: some fit after the last, some need a new buffer, some
            // outgrow it half-way, with a repeated part that must survive the move.
            String reason = "reason " + i + " ü".repeat(i % 7) + "x".repeat(i * 37 % 900);
            shared.raw('{').name("reason");
            int from = shared.length();
            shared.quote(reason);
            int to = shared.length();
            shared.raw(',').name("pad").quote("p".repeat(i * 13 % 500)).raw(',').name("detail").repeat(from, to).raw('}');
            taken.add(shared.take());
            JsonText fresh = new JsonText(64);
            fresh.raw('{').field("reason", reason).raw(',').field("pad", "p".repeat(i * 13 % 500)).raw(',')
                    .field("detail", reason).raw('}');
            expected.add(text(fresh));
        }
        for (int i = 0; i < taken.size(); i++) {
            FindingsJsonlWriter.EncodedLines lines = taken.get(i);
            assertThat(new String(lines.bytes(), lines.from(), lines.length(), StandardCharsets.UTF_8))
                    .as("text %d", i).isEqualTo(expected.get(i));
        }
        assertThat(taken.stream().map(FindingsJsonlWriter.EncodedLines::bytes).distinct().count())
                .as("buffers shared between texts").isLessThan(taken.size());
    }

    @Test
    void repeatCopiesEarlierBytesEvenAfterTheBufferGrew() {
        JsonText json = new JsonText(64);
        json.raw('{').name("reason");
        int from = json.length();
        json.quote("über \"quotes\" and a line\nbreak");
        int to = json.length();
        json.raw(',').name("padding").quote("x".repeat(500)).raw(',').name("detail").repeat(from, to).raw('}');
        JsonText expected = new JsonText(64);
        expected.raw('{').field("reason", "über \"quotes\" and a line\nbreak").raw(',')
                .field("padding", "x".repeat(500)).raw(',').field("detail", "über \"quotes\" and a line\nbreak").raw('}');
        assertThat(text(json)).isEqualTo(text(expected)).contains("\"detail\":\"über \\\"quotes\\\" and a line\\nbreak\"");
    }
}
