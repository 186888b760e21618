package org.truce.format.acled;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.truce.format.FormatException;
import org.truce.format.ReadCounts;
import org.truce.format.Rejection;
import org.truce.report.Report;

/**
 * FEATURE UNDER TEST: hostile ACLED files (issue 6, item 5). Whatever the bytes, the reader either
 * refuses the header with a {@link FormatException} naming the file, or reads every record and
 * accounts for each: accepted, or rejected with its line, field and reason. Rows built with one
 * known defect are rejected for exactly that defect, on the line where they start; rows without a
 * defect are accepted, whatever quotes, commas and line breaks their notes hold.
 */
class AcledReaderPropertiesTest {

    private static final String SOURCE = "fuzz.csv";
    private static final String HEADER =
            "event_id_cnty,event_date,time_precision,event_type,latitude,longitude,fatalities,notes\n";

    /** What a row may have wrong, the value that makes it so, and the column a rejection must name. */
    enum Defect {
        NONE(-1, null),
        IMPOSSIBLE_DATE(1, "2025-02-30"),
        PRECISION_FOUR(2, "4"),
        NO_EVENT_TYPE(3, ""),
        LATITUDE_OFF_THE_GLOBE(4, "91.5"),
        LONGITUDE_NOT_A_NUMBER(5, "east"),
        NEGATIVE_FATALITIES(6, "-1");

        final int column;
        final String value;

        Defect(int column, String value) {
            this.column = column;
            this.value = value;
        }

        String field() {
            return HEADER.strip().split(",")[column];
        }
    }

    record Row(String id, LocalDate date, int precision, String type, double lat, double lon, int fatalities,
            String notes, Defect defect) {

        String csv() {
            String[] fields = {id, date.toString(), Integer.toString(precision), type,
                    String.format(Locale.ROOT, "%.5f", lat), String.format(Locale.ROOT, "%.5f", lon),
                    Integer.toString(fatalities), '"' + notes.replace("\"", "\"\"") + '"'};
            if (defect != Defect.NONE) {
                fields[defect.column] = defect.value;
            }
            return String.join(",", fields) + "\n";
        }
    }

    private final List<Report> accepted = new ArrayList<>();
    private final List<Rejection> rejected = new ArrayList<>();

    private ReadCounts read(byte[] bytes) throws IOException {
        accepted.clear();
        rejected.clear();
        return new AcledReader(rejected::add).read(new ByteArrayInputStream(bytes), SOURCE, accepted::add);
    }

    /** Every record is accepted or rejected, and each rejection names a line after the header. */
    private void accountsForEveryRecord(ReadCounts counts) {
        assertThat(counts.accepted()).isEqualTo(accepted.size());
        assertThat(counts.rejected()).isEqualTo(rejected.size());
        assertThat(counts.read()).isEqualTo(accepted.size() + rejected.size());
        assertThat(rejected).allSatisfy(r -> {
            assertThat(r.line()).isGreaterThan(1);
            assertThat(r.reason()).isNotBlank();
        });
    }

    @Property(tries = 300)
    void anyBytesAreReadOrTheHeaderIsRefusedNamingTheFile(@ForAll @Size(max = 400) byte[] bytes) {
        try {
            accountsForEveryRecord(read(bytes));
        } catch (FormatException e) {
            assertThat(e.getMessage()).contains(SOURCE);
        } catch (IOException e) {
            throw new AssertionError("only a FormatException may come out of an in-memory read", e);
        }
    }

    @Property(tries = 200)
    void anyBytesAfterAGoodHeaderAreAccountedForRecordByRecord(@ForAll @Size(max = 600) byte[] body)
            throws IOException {
        byte[] file = concat(HEADER.getBytes(StandardCharsets.UTF_8), body);
        accountsForEveryRecord(read(file));
    }

    @Property(tries = 200)
    void rowsWithOneKnownDefectAreRejectedForItOnTheirLineAndTheOthersAccepted(
            @ForAll("rows") List<Row> rows) throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        List<String> acceptedIds = new ArrayList<>();
        List<String> rejections = new ArrayList<>();
        for (Row row : rows) {
            long line = 1 + csv.chars().filter(c -> c == '\n').count();
            csv.append(row.csv());
            if (row.defect() == Defect.NONE) {
                acceptedIds.add(row.id());
            } else {
                rejections.add(line + " " + row.defect().field());
            }
        }

        ReadCounts counts = read(csv.toString().getBytes(StandardCharsets.UTF_8));

        accountsForEveryRecord(counts);
        assertThat(counts.read()).as("one record per row, line breaks in notes included").isEqualTo(rows.size());
        assertThat(accepted).extracting(Report::id).containsExactlyElementsOf(acceptedIds);
        assertThat(rejected).extracting(r -> r.line() + " " + r.field()).containsExactlyElementsOf(rejections);
        for (int i = 0, a = 0; i < rows.size(); i++) {
            if (rows.get(i).defect() == Defect.NONE) {
                assertThat(accepted.get(a++).notes()).as("notes come back as written").isEqualTo(rows.get(i).notes());
            }
        }
    }

    @Property(tries = 200)
    void oneStrayByteThatIsNotUtf8RejectsOnlyItsRowAndSaysSo(@ForAll("validRows") List<Row> rows,
            @ForAll @IntRange(min = 0, max = 10_000) int which, @ForAll @IntRange(min = 0xF8, max = 0xFF) int stray)
            throws IOException {
        int bad = which % rows.size();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(HEADER.getBytes(StandardCharsets.UTF_8));
        long line = 2;
        long badLine = 0;
        for (int i = 0; i < rows.size(); i++) {
            String row = rows.get(i).csv();
            if (i == bad) {
                badLine = line;
                // Just inside the notes' opening quote: the row stays well-formed CSV.
                int at = 0;
                for (int commas = 0; commas < 7; at++) {
                    commas += row.charAt(at) == ',' ? 1 : 0;
                }
                at++;
                out.writeBytes(row.substring(0, at).getBytes(StandardCharsets.UTF_8));
                out.write(stray);
                out.writeBytes(row.substring(at).getBytes(StandardCharsets.UTF_8));
            } else {
                out.writeBytes(row.getBytes(StandardCharsets.UTF_8));
            }
            line += row.chars().filter(c -> c == '\n').count();
        }

        ReadCounts counts = read(out.toByteArray());

        accountsForEveryRecord(counts);
        assertThat(counts.rejected()).isEqualTo(1);
        assertThat(rejected.get(0).line()).isEqualTo(badLine);
        assertThat(rejected.get(0).reason()).contains("UTF-8");
        assertThat(accepted).hasSize(rows.size() - 1);
    }

    @Property(tries = 200)
    void aTruncatedFileKeepsItsCompleteRowsAndAtMostTheCutOne(@ForAll("validRows") List<Row> rows,
            @ForAll @IntRange(min = 0, max = 1_000_000) int cutAt) throws IOException {
        String csv = HEADER + rows.stream().map(Row::csv).reduce("", String::concat);
        byte[] whole = csv.getBytes(StandardCharsets.UTF_8);
        int length = HEADER.length() + cutAt % (whole.length - HEADER.length() + 1);
        byte[] cut = Arrays.copyOf(whole, length);
        int complete = 0;
        for (int end = HEADER.length(); complete < rows.size(); complete++) {
            end += rows.get(complete).csv().getBytes(StandardCharsets.UTF_8).length;
            if (end > length) {
                break;
            }
        }

        ReadCounts counts = read(cut);

        accountsForEveryRecord(counts);
        List<String> ids = rows.stream().map(Row::id).toList();
        assertThat(accepted.size()).as("rows before the cut are kept").isBetween(complete,
                Math.min(complete + 1, rows.size()));
        assertThat(accepted).extracting(Report::id).containsExactlyElementsOf(ids.subList(0, accepted.size()));
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        return row(Arbitraries.of(Defect.class)).list().ofMinSize(1).ofMaxSize(12)
                .map(AcledReaderPropertiesTest::numbered);
    }

    @Provide
    Arbitrary<List<Row>> validRows() {
        return row(Arbitraries.just(Defect.NONE)).list().ofMinSize(1).ofMaxSize(12)
                .map(AcledReaderPropertiesTest::numbered);
    }

    private static Arbitrary<Row> row(Arbitrary<Defect> defects) {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(0, 3000)
                .map(d -> LocalDate.of(2018, 1, 1).plusDays(d));
        Arbitrary<String> types = Arbitraries.of("Explosions/Remote violence", "Battles", "Strategic developments");
        // Quotes, commas, line breaks and characters of two to three UTF-8 bytes, in any mix.
        Arbitrary<String> notes = Arbitraries.strings().withChars("ab ,;\"\n\u00e9\u042e\u2014").ofMaxLength(30);
        return Combinators.combine(dates, Arbitraries.integers().between(1, 3), types,
                Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180),
                Arbitraries.integers().between(0, 500), notes, defects)
                .as((date, precision, type, lat, lon, dead, text, defect) ->
                        new Row("", date, precision, type, lat, lon, dead, text, defect));
    }

    /** Distinct ids, so that a repeated id is never the reason a row is rejected. */
    private static List<Row> numbered(List<Row> rows) {
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            out.add(new Row("UKR" + (i + 1), r.date(), r.precision(), r.type(), r.lat(), r.lon(), r.fatalities(),
                    r.notes(), r.defect()));
        }
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
