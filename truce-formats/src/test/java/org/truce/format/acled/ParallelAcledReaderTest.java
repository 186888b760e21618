package org.truce.format.acled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.format.ReadCounts;
import org.truce.format.Rejection;
import org.truce.format.acled.ParallelAcledReader.Slicer;

/**
 * FEATURE UNDER TEST: reading on several threads gives exactly what the one-thread reader gives:
 * the same reports in the same order, the same rejections with the same lines, whatever the
 * number of threads and wherever the slices are cut.
 */
class ParallelAcledReaderTest {

    /**
     * Rows that make slicing hard: a line break inside a quoted field, doubled quotes, CRLF, a
     * duplicate id far from its first use, a bad row, an empty line, and no final line break.
     */
    static final String EVENTS = AcledReaderTest.HEADER
            + "UKR1,2025-03-18,2025,1,Battles,Armed clash,A,,Ukraine,Donetsk,X,48.1,37.8,1,s,\"plain note\",0\n"
            + "UKR2,2025-03-19,2025,1,Battles,Armed clash,A,,Ukraine,Donetsk,X,48.1,37.8,1,s,\"two\nlines, \"\"quoted\"\"\",1\r\n"
            + "UKR3,2025-03-20,2025,1,Battles,Armed clash,A,,Ukraine,Donetsk,X,91.0,37.8,1,s,bad latitude,0\n"
            + "\n"
            + "UKR4,2025-03-21,2025,2,Protests,Peaceful protest,B,,Ukraine,Kyiv,Y,50.4,30.5,3,s,\"a \"\"b\"\", c\",0\n"
            + "UKR1,2025-03-22,2025,1,Battles,Armed clash,A,,Ukraine,Donetsk,X,48.1,37.8,1,s,repeated id,0\n"
            + "RUS1,2025-03-23,2025,1,Explosions/Remote violence,Air/drone strike,C,,Russia,Belgorod,Z,50.6,36.6,1,s,"
            + "\"Обстріл;\nпідстанція\",0";

    @TempDir
    Path dir;

    record Seen(List<String> ids, List<String> rejections, ReadCounts counts) {
    }

    Seen sequential(Path file) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        ReadCounts counts = new AcledReader(r -> rejected.add(describe(r))).read(file, r -> ids.add(r.id() + "|" + r.notes()));
        return new Seen(ids, rejected, counts);
    }

    Seen parallel(Path file, int threads, int sliceBytes) throws IOException {
        List<String> ids = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        ReadCounts counts = new ParallelAcledReader(r -> rejected.add(describe(r)), threads, sliceBytes)
                .read(file, r -> r.id() + "|" + r.notes(), ids::add, bytes -> { });
        return new Seen(ids, rejected, counts);
    }

    static String describe(Rejection r) {
        return r.line() + " " + r.recordId() + " " + r.field() + " " + r.reason() + " " + r.raw();
    }

    @Test
    void everySliceSizeAndThreadCountGivesTheSequentialResult() throws IOException {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, EVENTS, StandardCharsets.UTF_8);
        Seen expected = sequential(file);
        assertThat(expected.counts()).isEqualTo(new ReadCounts(6, 4, 2));
        assertThat(expected.rejections()).anyMatch(r -> r.startsWith("8 UKR1 event_id_cnty duplicate id, first used on line 2"));
        for (int threads : new int[] {1, 2, 4}) {
            for (int slice : new int[] {64, 100, 333, 1 << 20}) {
                assertThat(parallel(file, threads, slice)).as("threads %d, slice %d bytes", threads, slice)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void rowsOfDaysPassedOverAreCheckedAndCountedButNeverBecomeReports() throws IOException {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, EVENTS, StandardCharsets.UTF_8);
        Seen all = sequential(file);
        // Only 21 March onwards is wanted: UKR1 (18th) and UKR2 (19th) are passed over, UKR3 (20th) is bad anyway.
        DayFilter fromThe21st = (day, precision) -> !day.isBefore(java.time.LocalDate.of(2025, 3, 21));
        for (int threads : new int[] {1, 2}) {
            for (int slice : new int[] {64, 1 << 20}) {
                List<String> seen = new ArrayList<>();
                List<String> rejected = new ArrayList<>();
                ReadCounts counts = new ParallelAcledReader(r -> rejected.add(describe(r)), threads, slice)
                        .read(file, fromThe21st, "passed over", r -> r.id(), seen::add, bytes -> { });
                assertThat(counts).as("same counts: a row passed over is still accepted").isEqualTo(all.counts());
                assertThat(rejected).as("same rejections, the repeated id of a passed-over row included")
                        .isEqualTo(all.rejections());
                assertThat(seen).containsExactly("passed over", "passed over", "UKR4", "RUS1");
            }
        }
    }

    @Test
    void aByteOrderMarkIsSkippedAsBySequentialReading() throws IOException {
        Path file = dir.resolve("bom.csv");
        byte[] body = EVENTS.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(file, withBom);
        assertThat(parallel(file, 2, 80)).isEqualTo(sequential(file));
    }

    @Test
    void anUnterminatedQuoteIsReportedNotSwallowed() throws IOException {
        Path file = dir.resolve("open-quote.csv");
        Files.writeString(file, AcledReaderTest.HEADER
                + "UKR1,2025-03-18,2025,1,Battles,Armed clash,A,,Ukraine,Donetsk,X,48.1,37.8,1,s,\"never closed,0\n"
                + "UKR2,2025-03-19,2025,1,Battles,Armed clash,A,,Ukraine,Donetsk,X,48.1,37.8,1,s,note,0\n",
                StandardCharsets.UTF_8);
        Seen seen = parallel(file, 2, 64);
        assertThat(seen).isEqualTo(sequential(file));
        assertThat(seen.counts().rejected()).isEqualTo(1);
        assertThat(seen.rejections().get(0)).startsWith("2 ").contains("unterminated");
    }

    @Test
    void slicesEndOnlyAtLineFeedsOutsideQuotes() {
        byte[] text = "a,\"x\ny\"\nb,c\n\"d\"\"\n\",e".getBytes(StandardCharsets.US_ASCII);
        // Record ends: after the quoted "x\ny" record (8 bytes) and after "b,c\n" (12); the rest is open.
        assertThat(Slicer.lastRecordEnd(text, text.length)).isEqualTo(12);
        assertThat(Slicer.lastRecordEnd(text, 7)).as("the line feed inside quotes ends nothing").isEqualTo(-1);
        assertThat(Slicer.lastRecordEnd(text, 8)).isEqualTo(8);
        assertThat(Slicer.countLineFeeds(text, text.length)).isEqualTo(4);
        // Issue 3: the cut and the line feeds before it in one pass, quoted line feeds counted.
        assertThat(Slicer.lastRecordEndAndLines(text, text.length)).isEqualTo(12L << 32 | 3);
        assertThat(Slicer.lastRecordEndAndLines(text, 8)).isEqualTo(8L << 32 | 2);
        assertThat(Slicer.lastRecordEndAndLines(text, 7)).isEqualTo(-1);
    }
}
