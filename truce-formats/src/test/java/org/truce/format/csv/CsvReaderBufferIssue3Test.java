package org.truce.format.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: a reader may work in a buffer it is given, which the parallel reader reuses for every
 * slice a thread parses. Whatever an earlier slice left in it must not leak into the records.
 */
class CsvReaderBufferIssue3Test {

    private static final String CSV = """
            id,notes,n
            1,"shelled Kupiansk, Kharkiv",0
            2,"the ""energy truce"" held",1
            3,"first line
            second line",2
            4,підстанцію,3
            5,,
            6,"unterminated""";

    private static List<CsvReaderTest.Row> read(CsvReader reader) throws IOException {
        List<CsvReaderTest.Row> rows = new ArrayList<>();
        CsvRecord r;
        while ((r = reader.next()) != null) {
            rows.add(new CsvReaderTest.Row(r.line(), r.fields(), r.problem()));
        }
        return rows;
    }

    @Test
    void aBufferFullOfAnEarlierSlicesBytesReadsAsAFreshOne() throws IOException {
        byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
        List<CsvReaderTest.Row> fresh = read(new CsvReader(new ByteArrayInputStream(bytes), 64, 7));

        // Separators, quotes and line feeds everywhere, as a reused buffer may hold.
        byte[] dirty = new byte[CsvReader.bufferBytes(64)];
        byte[] noise = "\",\n\r\"x,".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < dirty.length; i++) {
            dirty[i] = noise[i % noise.length];
        }
        byte[] before = dirty.clone();
        List<CsvReaderTest.Row> reused = read(new CsvReader(new ByteArrayInputStream(bytes), 64, 7, dirty));
        assertThat(reused).isEqualTo(fresh).hasSize(7);
        assertThat(reused.get(0).line()).isEqualTo(7);
        assertThat(dirty).as("the given buffer was worked in").isNotEqualTo(before);

        // Read again in the same buffer, now holding the first pass's bytes.
        assertThat(read(new CsvReader(new ByteArrayInputStream(bytes), 64, 7, dirty))).isEqualTo(fresh);
    }

    @Test
    void aBufferTooSmallIsNotUsed() throws IOException {
        byte[] small = new byte[CsvReader.bufferBytes(64) - 1];
        Arrays.fill(small, (byte) ',');
        byte[] bytes = CSV.getBytes(StandardCharsets.UTF_8);
        assertThat(read(new CsvReader(new ByteArrayInputStream(bytes), 64, 1, small)))
                .isEqualTo(read(new CsvReader(new ByteArrayInputStream(bytes), 64, 1)));
        assertThat(small).containsOnly((byte) ',');
    }
}
