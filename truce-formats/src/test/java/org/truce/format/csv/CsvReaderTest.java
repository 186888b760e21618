package org.truce.format.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CsvReaderTest {

    /** What the reader returned for one record, copied out of the reused cursor. */
    record Row(long line, List<String> fields, String problem) {
        static Row ok(long line, String... fields) {
            return new Row(line, List.of(fields), null);
        }
    }

    static List<Row> readAll(byte[] bytes, int maxRecordBytes, int chunk) throws IOException {
        List<Row> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new Trickle(bytes, chunk), maxRecordBytes)) {
            CsvRecord r;
            while ((r = reader.next()) != null) {
                rows.add(new Row(r.line(), r.fields(), r.problem()));
            }
        }
        return rows;
    }

    static List<Row> readAll(String text) throws IOException {
        List<Row> whole = readAll(text.getBytes(StandardCharsets.UTF_8), CsvReader.DEFAULT_MAX_RECORD_BYTES, Integer.MAX_VALUE);
        // The same bytes handed out one at a time cross a buffer boundary at every position.
        assertThat(readAll(text.getBytes(StandardCharsets.UTF_8), CsvReader.DEFAULT_MAX_RECORD_BYTES, 1)).isEqualTo(whole);
        return whole;
    }

    @Test
    void readsPlainRecordsWithLineNumbers() throws IOException {
        assertThat(readAll("""
                a,b,c
                1,2,3
                x,,z
                """)).containsExactly(
                Row.ok(1, "a", "b", "c"),
                Row.ok(2, "1", "2", "3"),
                Row.ok(3, "x", "", "z"));
    }

    @Test
    void quotedFieldsKeepCommasQuotesAndLineBreaks() throws IOException {
        String csv = """
                id,notes,n
                1,"shelled Kupiansk, Kharkiv",0
                2,"the ""energy truce"" held",1
                3,"first line
                second line",2
                4,"",3
                5,after,4
                """;
        assertThat(readAll(csv)).containsExactly(
                Row.ok(1, "id", "notes", "n"),
                Row.ok(2, "1", "shelled Kupiansk, Kharkiv", "0"),
                Row.ok(3, "2", "the \"energy truce\" held", "1"),
                Row.ok(4, "3", "first line\nsecond line", "2"),
                Row.ok(6, "4", "", "3"), // the record before spans lines 4 and 5
                Row.ok(7, "5", "after", "4"));
    }

    @Test
    void lineNumbersStayRightAfterSeveralEmbeddedLineBreaks() throws IOException {
        String csv = "h\n\"a\nb\nc\"\nnext\n\"\"\"\n\"\"\"\nlast\n";
        assertThat(readAll(csv)).containsExactly(
                Row.ok(1, "h"),
                Row.ok(2, "a\nb\nc"),
                Row.ok(5, "next"),
                Row.ok(6, "\"\n\""),
                Row.ok(8, "last"));
    }

    @Test
    void skipsByteOrderMark() throws IOException {
        assertThat(readAll("\uFEFFevent_id_cnty,x\nUKR1,2\n")).containsExactly(
                Row.ok(1, "event_id_cnty", "x"),
                Row.ok(2, "UKR1", "2"));
    }

    @Test
    void acceptsCrlfLfAndAMixOfThem() throws IOException {
        String csv = "a,b\r\n1,2\n3,\"x\r\ny\"\r\n4,5";
        assertThat(readAll(csv)).containsExactly(
                Row.ok(1, "a", "b"),
                Row.ok(2, "1", "2"),
                Row.ok(3, "3", "x\r\ny"), // a CRLF inside quotes is data, kept as it is
                Row.ok(5, "4", "5"));
    }

    @Test
    void skipsEmptyLinesAnywhereAndCountsThem() throws IOException {
        assertThat(readAll("a\n\n1\r\n\r\n2\n\n\n")).containsExactly(
                Row.ok(1, "a"),
                Row.ok(3, "1"),
                Row.ok(5, "2"));
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("\n\n")).isEmpty();
    }

    @Test
    void emptyQuotedFieldIsARecordNotABlankLine() throws IOException {
        assertThat(readAll("\"\"\n,\n")).containsExactly(
                Row.ok(1, ""),
                Row.ok(2, "", ""));
    }

    @Test
    void keepsCyrillicAndFrenchTextByteExact() throws IOException {
        String notes = "Обстріл енергетичної інфраструктури; «повреждена линия», « la centrale électrique a été touchée »";
        String csv = "id,notes\nUKR1,\"" + notes + "\"\nUKR2,Підстанція\n";
        List<Row> rows = readAll(csv);
        assertThat(rows.get(1).fields().get(1)).isEqualTo(notes);
        assertThat(rows.get(1).fields().get(1).getBytes(StandardCharsets.UTF_8))
                .isEqualTo(notes.getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(2)).isEqualTo(Row.ok(3, "UKR2", "Підстанція"));
    }

    @Test
    void quoteInsideUnquotedFieldIsReportedAndReadingGoesOn() throws IOException {
        List<Row> rows = readAll("a,b\n1,say \"hi\"\n2,ok\n");
        assertThat(rows.get(1).problem()).contains("quote inside unquoted field 2");
        assertThat(rows.get(1).line()).isEqualTo(2);
        assertThat(rows.get(2)).isEqualTo(Row.ok(3, "2", "ok"));
    }

    @Test
    void textAfterClosingQuoteIsReported() throws IOException {
        List<Row> rows = readAll("a,b\n\"x\"y,2\n3,4\n");
        assertThat(rows.get(1).problem()).isEqualTo("text after the closing quote of field 1");
        assertThat(rows.get(2)).isEqualTo(Row.ok(3, "3", "4"));
    }

    @Test
    void bareCarriageReturnOutsideQuotesIsReported() throws IOException {
        List<Row> rows = readAll("a,b\n1,x\ry\n2,z\n");
        assertThat(rows.get(1).problem()).contains("carriage return without line feed in unquoted field 2");
        assertThat(rows.get(2)).isEqualTo(Row.ok(3, "2", "z"));
    }

    @Test
    void unterminatedQuoteAtEndOfInputIsOneMalformedRecord() throws IOException {
        List<Row> rows = readAll("a,b\n1,2\n3,\"never closed\n4,5\n");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).isEqualTo(Row.ok(2, "1", "2"));
        assertThat(rows.get(2).line()).isEqualTo(3);
        assertThat(rows.get(2).problem()).isEqualTo("unterminated quoted field (the quote opens on line 3)");
    }

    @Test
    void overlongRecordIsRejectedWithoutKeepingItAndReadingResumes() throws IOException {
        String longField = "x".repeat(300);
        String csv = "a,b\n1,\"" + longField + "\n" + longField + "\"\n2,after\n";
        for (int chunk : new int[] {1, 7, 100_000}) {
            List<Row> rows = readAll(csv.getBytes(StandardCharsets.UTF_8), 64, chunk);
            assertThat(rows).hasSize(3);
            assertThat(rows.get(1).line()).isEqualTo(2);
            assertThat(rows.get(1).problem()).isEqualTo("record longer than 64 bytes");
            assertThat(rows.get(1).fields()).isEmpty();
            assertThat(rows.get(2)).isEqualTo(Row.ok(4, "2", "after"));
        }
    }

    @Test
    void unterminatedQuoteInALargeInputCostsNoMoreThanTheRecordLimit() throws IOException {
        // 5 MB after a quote that never closes, read with a 1 KiB record limit: the reader's
        // buffer stays as allocated and it reports one record, too long and still open.
        byte[] tail = "more text, more lines\n".repeat(240_000).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("a,b\n1,\"open".getBytes(StandardCharsets.UTF_8));
        out.writeBytes(tail);
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(out.toByteArray()), 1024)) {
            int capacity = reader.buf.length;
            assertThat(capacity).isLessThan(8 * 1024);
            assertThat(reader.next().fields()).containsExactly("a", "b");
            CsvRecord r = reader.next();
            assertThat(r.line()).isEqualTo(2);
            assertThat(r.problem()).isEqualTo(
                    "record longer than 1024 bytes; unterminated quoted field (the quote opens on line 2)");
            assertThat(r.fieldCount()).isZero();
            assertThat(reader.next()).isNull();
            assertThat(reader.buf.length).isEqualTo(capacity);
        }
    }

    @Test
    void invalidUtf8IsReportedWithItsFieldAndReadingGoesOn() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("a,b,c\n1,ok,".getBytes(StandardCharsets.UTF_8));
        out.write(0xC3); // a lead byte followed by an ASCII letter: not UTF-8
        out.writeBytes("x\n2,Київ,\"é\"\n3,".getBytes(StandardCharsets.UTF_8));
        out.write(0xFF);
        out.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        List<Row> rows = readAll(out.toByteArray(), CsvReader.DEFAULT_MAX_RECORD_BYTES, 3);
        assertThat(rows.get(1).problem()).isEqualTo("invalid UTF-8 (byte 0xC3) in field 3");
        assertThat(rows.get(2)).isEqualTo(Row.ok(3, "2", "Київ", "é"));
        assertThat(rows.get(3).problem()).isEqualTo("invalid UTF-8 (byte 0xFF) in field 2");
    }

    @Test
    void rejectsOverlongEncodingsAndSurrogates() throws IOException {
        byte[][] bad = {
            {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // UTF-16 surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xE2, (byte) 0x82}, // truncated at the end of the record
        };
        for (byte[] b : bad) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(b);
            out.write('\n');
            assertThat(readAll(out.toByteArray(), 1024, 1).get(0).problem()).startsWith("invalid UTF-8");
        }
        String good = "€ 𝄞 ї";
        assertThat(readAll(good + "\n").get(0)).isEqualTo(Row.ok(1, good));
    }

    @Test
    void trailingCommaMeansAnEmptyLastField() throws IOException {
        assertThat(readAll("a,b,\n1,2,")).containsExactly(
                Row.ok(1, "a", "b", ""),
                Row.ok(2, "1", "2", ""));
    }

    @Test
    void readsNumbersWithoutMakingStrings() throws IOException {
        String csv = "48.12345,-37.5,0,+7,1e3, 2.5 ,abc,,NaN,Infinity,1d,0x10,1.5,99999999999999999999,12345678901234567.5\n";
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))) {
            CsvRecord r = reader.next();
            assertThat(r.doubleValue(0)).isEqualTo(48.12345);
            assertThat(r.doubleValue(1)).isEqualTo(-37.5);
            assertThat(r.doubleValue(2)).isEqualTo(0.0);
            assertThat(r.doubleValue(3)).isEqualTo(7.0);
            assertThat(r.doubleValue(4)).isEqualTo(1000.0);
            assertThat(r.doubleValue(5)).isEqualTo(2.5);
            for (int i = 6; i <= 11; i++) {
                assertThat(r.doubleValue(i)).as("field %d", i).isNaN();
            }
            assertThat(r.doubleValue(14)).isEqualTo(12345678901234567.5);
            assertThat(r.longValue(2)).isZero();
            assertThat(r.longValue(3)).isEqualTo(7);
            assertThat(r.longValue(0)).isEqualTo(CsvRecord.NOT_AN_INTEGER);
            assertThat(r.longValue(7)).isEqualTo(CsvRecord.NOT_AN_INTEGER);
            assertThat(r.longValue(12)).isEqualTo(CsvRecord.NOT_AN_INTEGER);
            assertThat(r.longValue(13)).isEqualTo(CsvRecord.NOT_AN_INTEGER);
        }
    }

    @Test
    void fastDecimalPathMatchesDoubleParseDouble() throws IOException {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String t = String.format(java.util.Locale.ROOT, "%." + random.nextInt(9) + "f",
                    (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(8)));
            texts.add(t);
            csv.append(t).append('\n');
        }
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))) {
            for (String t : texts) {
                assertThat(reader.next().doubleValue(0)).as(t).isEqualTo(Double.parseDouble(t));
            }
        }
    }

    @Test
    void poolReturnsOneInstancePerValue() throws IOException {
        StringPool pool = new StringPool();
        List<String> seen = new ArrayList<>();
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(
                "Battles\nProtests\nBattles\n\"Battles\"\nБої\nБої\n".getBytes(StandardCharsets.UTF_8)))) {
            CsvRecord r;
            while ((r = reader.next()) != null) {
                seen.add(r.field(0, pool));
            }
        }
        assertThat(seen).containsExactly("Battles", "Protests", "Battles", "Battles", "Бої", "Бої");
        assertThat(seen.get(2)).isSameAs(seen.get(0));
        assertThat(seen.get(3)).isSameAs(seen.get(0));
        assertThat(seen.get(5)).isSameAs(seen.get(4));
        assertThat(pool.size()).isEqualTo(3);
    }

    @Test
    void poolStaysWithinItsBound() throws IOException {
        StringPool pool = new StringPool(4, 16);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            csv.append("v").append(i).append('\n');
        }
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))) {
            for (int i = 0; i < 100; i++) {
                assertThat(reader.next().field(0, pool)).isEqualTo("v" + i);
            }
        }
        assertThat(pool.size()).isEqualTo(4);
    }

    @Test
    void roundTripsRandomRecordsThroughEveryKindOfChunking() throws IOException {
        Random random = new Random(42);
        String[] pieces = {"a", "Б", "é", ",", "\"", "\n", "\r\n", " ", "«»", "𝄞", "x,y", "\"\""};
        List<List<String>> records = new ArrayList<>();
        StringBuilder csv = new StringBuilder();
        for (int r = 0; r < 300; r++) {
            List<String> fields = new ArrayList<>();
            int n = 1 + random.nextInt(6);
            for (int f = 0; f < n; f++) {
                StringBuilder v = new StringBuilder();
                int len = random.nextInt(12);
                for (int k = 0; k < len; k++) {
                    v.append(pieces[random.nextInt(pieces.length)]);
                }
                fields.add(v.toString());
            }
            if (n == 1 && fields.get(0).isEmpty()) {
                fields.set(0, "z"); // a lone empty unquoted field would be a blank line
            }
            records.add(fields);
            csv.append(CsvText.line(fields)).append(random.nextBoolean() ? "\n" : "\r\n");
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 3, 5, 8, 13, 4096, Integer.MAX_VALUE}) {
            List<Row> rows = readAll(bytes, 512, chunk);
            assertThat(rows).hasSameSizeAs(records);
            long line = 1;
            for (int i = 0; i < rows.size(); i++) {
                assertThat(rows.get(i).problem()).isNull();
                assertThat(rows.get(i).fields()).as("record %d, chunk %d", i, chunk).isEqualTo(records.get(i));
                assertThat(rows.get(i).line()).isEqualTo(line);
                line += 1 + String.join(",", records.get(i)).chars().filter(c -> c == '\n').count();
            }
        }
    }

    /** Hands out at most {@code chunk} bytes per read, as slow pipes and sockets do. */
    static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int chunk;
        private int at;

        Trickle(byte[] bytes, int chunk) {
            this.bytes = bytes;
            this.chunk = chunk;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(Math.min(len, chunk), bytes.length - at);
            System.arraycopy(bytes, at, b, off, n);
            at += n;
            return n;
        }
    }
}
