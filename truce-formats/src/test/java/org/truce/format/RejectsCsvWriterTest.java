package org.truce.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RejectsCsvWriterTest {

    @Test
    void writesOneQuotedRowPerRejectionAndCountsThem() throws IOException {
        StringWriter out = new StringWriter();
        try (RejectsCsvWriter writer = new RejectsCsvWriter(out, "facility_id")) {
            writer.reject(new Rejection(3, "F1", "latitude", "'x' is not a number", List.of("F1", "a, b", "x")));
            writer.reject(new Rejection(7, "", "", "unterminated quoted field", List.of("F2", "line\nbreak")));
            writer.reject(new Rejection(9, "F3", "latitude", "empty", List.of()));
            assertThat(writer.count()).isEqualTo(3);
            assertThat(writer.countsByField()).isEqualTo(Map.of("latitude", 2L, "", 1L));
        }
        assertThat(out.toString()).isEqualTo("""
                line,facility_id,field,reason,raw
                3,F1,latitude,'x' is not a number,"F1,""a, b"",x"
                7,,,unterminated quoted field,"F2,""line
                break""\"
                9,F3,latitude,empty,
                """);
    }
}
