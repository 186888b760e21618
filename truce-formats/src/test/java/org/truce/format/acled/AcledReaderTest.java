package org.truce.format.acled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.format.FormatException;
import org.truce.format.ReadCounts;
import org.truce.format.Rejection;
import org.truce.format.RejectsCsvWriter;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;

class AcledReaderTest {

    /** The bench generator's header. */
    static final String HEADER = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
            + "country,admin1,location,latitude,longitude,geo_precision,source,notes,fatalities\n";

    @TempDir
    Path dir;

    final List<Report> reports = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    ReadCounts read(String csv) throws IOException {
        Path file = dir.resolve("events.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return read(file);
    }

    ReadCounts read(Path file) throws IOException {
        return new AcledReader(rejections::add).read(file, reports::add);
    }

    @Test
    void readsABenchStyleRow() throws IOException {
        ReadCounts counts = read(HEADER + """
                UKR17,2025-03-18,2025,2,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),\
                Civilians (Ukraine),Ukraine,Kharkiv,Kupiansk,49.71000,37.61500,1,Suspilne; ISW,\
                "On 18 March 2025, Russian forces carried out a drone strike on Kupiansk (Kharkiv). [size=no report]",3
                """);
        assertThat(counts).isEqualTo(new ReadCounts(1, 1, 0));
        assertThat(rejections).isEmpty();
        Report r = reports.get(0);
        assertThat(r.id()).isEqualTo("UKR17");
        assertThat(r.eventDate()).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(r.timePrecision()).isEqualTo(TimePrecision.WEEK);
        assertThat(r.eventType()).isEqualTo("Explosions/Remote violence");
        assertThat(r.subEventType()).isEqualTo("Air/drone strike");
        assertThat(r.actor1()).isEqualTo("Military Forces of Russia (2000-)");
        assertThat(r.actor2()).isEqualTo("Civilians (Ukraine)");
        assertThat(r.country()).isEqualTo("Ukraine");
        assertThat(r.admin1()).isEqualTo("Kharkiv");
        assertThat(r.location()).isEqualTo("Kupiansk");
        assertThat(r.point()).isEqualTo(new GeoPoint(49.71, 37.615));
        assertThat(r.geoPrecision()).isEqualTo(GeoPrecision.EXACT);
        assertThat(r.source()).isEqualTo("Suspilne; ISW");
        assertThat(r.notes()).isEqualTo(
                "On 18 March 2025, Russian forces carried out a drone strike on Kupiansk (Kharkiv). [size=no report]");
        assertThat(r.fatalities()).isEqualTo(3);
        assertThat(r.target()).isEmpty();
        assertThat(r.extra()).isEqualTo(Map.of("year", "2025"));
    }

    @Test
    void findsColumnsInAnyOrderAndDefaultsTheOptionalOnes() throws IOException {
        read("""
                longitude,target,event_type,latitude,event_date,event_id_cnty,interaction,tags
                36.23,Kharkiv CHP-5,Explosions/Remote violence,49.99,2025-04-01,UKR9,13,"a, b"
                """);
        assertThat(rejections).isEmpty();
        Report r = reports.get(0);
        assertThat(r.id()).isEqualTo("UKR9");
        assertThat(r.point()).isEqualTo(new GeoPoint(49.99, 36.23));
        assertThat(r.target()).isEqualTo("Kharkiv CHP-5");
        assertThat(r.timePrecision()).isEqualTo(TimePrecision.DAY);
        assertThat(r.geoPrecision()).isEqualTo(GeoPrecision.EXACT);
        assertThat(r.fatalities()).isZero();
        assertThat(r.notes()).isEmpty();
        assertThat(r.extra()).isEqualTo(Map.of("interaction", "13", "tags", "a, b"));
    }

    @Test
    void missingRequiredColumnsFailBeforeAnyRowIsRead() throws IOException {
        Files.writeString(dir.resolve("events.csv"), """
                event_id_cnty,event_date,latitude
                UKR1,2025-01-01,48.0
                """);
        assertThatThrownBy(() -> read(dir.resolve("events.csv")))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("events.csv")
                .hasMessageContaining("missing required columns event_type, longitude");
        assertThat(reports).isEmpty();
        assertThat(rejections).isEmpty();
    }

    @Test
    void emptyFileAndDuplicateColumnsAreFileErrors() throws IOException {
        assertThatThrownBy(() -> read("")).isInstanceOf(FormatException.class).hasMessageContaining("the file is empty");
        assertThatThrownBy(() -> read("event_id_cnty,event_date,event_type,latitude,longitude,latitude\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("column 'latitude' appears twice in the header (columns 4 and 6)");
    }

    @Test
    void acceptsAcledsOlderDateForm() {
        assertThat(AcledReader.parseDate("18 March 2025")).isEqualTo(LocalDate.of(2025, 3, 18));
        assertThat(AcledReader.parseDate("1 january 2024")).isEqualTo(LocalDate.of(2024, 1, 1));
        assertThat(AcledReader.parseDate("2025-06-30")).isEqualTo(LocalDate.of(2025, 6, 30));
        assertThatThrownBy(() -> AcledReader.parseDate("2025-02-30")).hasMessage("no such date: '2025-02-30'");
        assertThatThrownBy(() -> AcledReader.parseDate("18 Mars 2025")).hasMessageStartingWith("not a date");
        assertThatThrownBy(() -> AcledReader.parseDate("2025/03/18")).hasMessageStartingWith("not a date");
        assertThatThrownBy(() -> AcledReader.parseDate("")).hasMessage("empty");
    }

    @Test
    void rejectsBadRowsWithLineFieldAndReasonAndGoesOn() throws IOException {
        ReadCounts counts = read("""
                event_id_cnty,event_date,event_type,latitude,longitude,time_precision,geo_precision,fatalities,notes
                UKR1,2025-03-18,Battles,48.1,37.5,1,1,0,fine
                UKR2,2025-03-18,Battles,48.1,37.5,1,1,0
                ,2025-03-18,Battles,48.1,37.5,1,1,0,no id
                UKR3,18/03/2025,Battles,48.1,37.5,1,1,0,bad date
                UKR4,2025-02-29,Battles,48.1,37.5,1,1,0,not a leap year
                UKR5,2025-03-18,Battles,north,37.5,1,1,0,not a number
                UKR6,2025-03-18,Battles,91,37.5,1,1,0,too far north
                UKR7,2025-03-18,Battles,48.1,-180.5,1,1,0,too far west
                UKR8,2025-03-18,Battles,48.1,37.5,4,1,0,bad time precision
                UKR9,2025-03-18,Battles,48.1,37.5,1,0,0,bad geo precision
                UKR10,2025-03-18,Battles,48.1,37.5,1,1,-1,negative
                UKR11,2025-03-18,Battles,48.1,37.5,1,1,1.5,fraction
                UKR1,2025-03-19,Battles,48.1,37.5,1,1,0,duplicate
                UKR12,2025-03-18,,48.1,37.5,1,1,0,no type
                UKR13,2025-03-18,Battles,,37.5,1,1,0,no latitude
                UKR14,2025-03-18,Battles,48.1,37.5,1,1,0,"fine, too"
                """);
        assertThat(rejections).extracting(Rejection::line, Rejection::recordId, Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple(3L, "UKR2", "", "expected 9 fields as in the header, found 8"),
                        tuple(4L, "", "event_id_cnty", "empty"),
                        tuple(5L, "UKR3", "event_date", "not a date (expected yyyy-MM-dd or '18 March 2025'): '18/03/2025'"),
                        tuple(6L, "UKR4", "event_date", "no such date: '2025-02-29'"),
                        tuple(7L, "UKR5", "latitude", "not a number: 'north'"),
                        tuple(8L, "UKR6", "latitude", "'91' is outside -90..90"),
                        tuple(9L, "UKR7", "longitude", "'-180.5' is outside -180..180"),
                        tuple(10L, "UKR8", "time_precision", "must be 1, 2 or 3, found '4'"),
                        tuple(11L, "UKR9", "geo_precision", "must be 1, 2 or 3, found '0'"),
                        tuple(12L, "UKR10", "fatalities", "negative: -1"),
                        tuple(13L, "UKR11", "fatalities", "not a whole number: '1.5'"),
                        tuple(14L, "UKR1", "event_id_cnty", "duplicate id, first used on line 2"),
                        tuple(15L, "UKR12", "event_type", "empty"),
                        tuple(16L, "UKR13", "latitude", "empty"));
        assertThat(rejections.get(0).raw()).containsExactly("UKR2", "2025-03-18", "Battles", "48.1", "37.5", "1", "1", "0");
        assertThat(reports).extracting(Report::id).containsExactly("UKR1", "UKR14");
        assertThat(counts).isEqualTo(new ReadCounts(16, 2, 14));
    }

    @Test
    void anIdIsTakenEvenByARowRejectedForAnotherReason() throws IOException {
        read("""
                event_id_cnty,event_date,event_type,latitude,longitude
                UKR1,2025-13-01,Battles,48.1,37.5
                UKR1,2025-03-01,Battles,48.1,37.5
                """);
        assertThat(rejections).extracting(Rejection::line, Rejection::reason).containsExactly(
                tuple(2L, "no such date: '2025-13-01'"),
                tuple(3L, "duplicate id, first used on line 2"));
        assertThat(reports).isEmpty();
    }

    @Test
    void lineNumbersAfterNotesWithLineBreaksAreRight() throws IOException {
        read(HEADER + """
                UKR1,2025-03-18,2025,1,Battles,Armed clash,a,b,Ukraine,Donetsk,Pokrovsk,48.3,37.2,1,ISW,"The governor wrote: ""Energy workers are already on site,
                repairs will take days.""\",0
                UKR2,2025-03-18,2025,1,Battles,Armed clash,a,b,Ukraine,Donetsk,Pokrovsk,48.3,37.2,9,ISW,x,0
                UKR3,2025-03-18,2025,1,Battles,Armed clash,a,b,Ukraine,Donetsk,Pokrovsk,48.3,37.2,1,ISW,"two
                line
                breaks",0
                UKR4,2025-03-18,2025,1,Battles,Armed clash,a,b,Ukraine,Donetsk,Pokrovsk,48.3,37.2,1,ISW,x,zero
                """);
        assertThat(reports.get(0).notes())
                .isEqualTo("The governor wrote: \"Energy workers are already on site,\nrepairs will take days.\"");
        assertThat(rejections).extracting(Rejection::line, Rejection::recordId)
                .containsExactly(tuple(4L, "UKR2"), tuple(8L, "UKR4"));
    }

    @Test
    void keepsCyrillicAndFrenchNotesByteExact() throws IOException {
        String uk = "Обстріл енергетичної інфраструктури, пошкоджено підстанцію; без світла близько 2 тис. абонентів.";
        String fr = "Selon les autorités régionales, « la centrale électrique a été touchée », dégâts importants.";
        read("event_id_cnty,event_date,event_type,latitude,longitude,location,notes\n"
                + "UKR1,2025-03-18,Battles,48.1,37.5,Zaporizhzhia,\"" + uk + "\"\n"
                + "UKR2,2025-03-18,Battles,48.1,37.5,Bil'ivka,\"" + fr + "\"\n");
        assertThat(reports).extracting(Report::notes).containsExactly(uk, fr);
        assertThat(reports.get(0).notes().getBytes(StandardCharsets.UTF_8)).isEqualTo(uk.getBytes(StandardCharsets.UTF_8));
        assertThat(reports.get(1).location()).isEqualTo("Bil'ivka");
    }

    @Test
    void malformedCsvRowsAreRejectedAndTheRestIsRead() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("""
                event_id_cnty,event_date,event_type,latitude,longitude,notes
                UKR1,2025-03-18,Battles,48.1,37.5,a "quoted" word
                UKR2,2025-03-18,Battles,48.1,37.5,bad\
                """.getBytes(StandardCharsets.UTF_8));
        bytes.write(0xFF);
        bytes.writeBytes("""

                UKR3,2025-03-18,Battles,48.1,37.5,ok
                UKR4,2025-03-18,Battles,48.1,37.5,"never closed
                UKR5,2025-03-18,Battles,48.1,37.5,swallowed
                """.getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve("events.csv");
        Files.write(file, bytes.toByteArray());
        ReadCounts counts = read(file);
        assertThat(rejections).extracting(Rejection::line, Rejection::recordId, Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple(2L, "UKR1", "notes", "quote inside unquoted field 6 (a field with quotes must be quoted)"),
                        tuple(3L, "UKR2", "notes", "invalid UTF-8 (byte 0xFF) in field 6"),
                        tuple(5L, "UKR4", "notes", "unterminated quoted field (the quote opens on line 5)"));
        assertThat(reports).extracting(Report::id).containsExactly("UKR3");
        assertThat(counts).isEqualTo(new ReadCounts(4, 1, 3));
    }

    @Test
    void readsBomCrlfFilesWithBlankLinesAtTheEnd() throws IOException {
        read("\uFEFFevent_id_cnty,event_date,event_type,latitude,longitude\r\n"
                + "UKR1,2025-03-18,Battles,48.1,37.5\r\n"
                + "UKR2,2025-03-18,Battles,48.2,37.6\n"
                + "\r\n\r\n");
        assertThat(rejections).isEmpty();
        assertThat(reports).extracting(Report::id).containsExactly("UKR1", "UKR2");
    }

    @Test
    void writesRejectsCsv() throws IOException {
        Path rejectsFile = dir.resolve("rejects.csv");
        Path events = dir.resolve("events.csv");
        Files.writeString(events, """
                event_id_cnty,event_date,event_type,latitude,longitude,notes
                UKR1,2025-03-18,Battles,95,37.5,"said ""no"", then left"
                UKR2,2025-03-18,Battles,48.1,37.5,ok
                UKR2,2025-03-18,Battles,48.1,37.5,again
                """);
        ReadCounts counts;
        try (RejectsCsvWriter writer = RejectsCsvWriter.create(rejectsFile)) {
            counts = new AcledReader(writer).read(events, reports::add);
            assertThat(writer.count()).isEqualTo(2);
            assertThat(writer.countsByField()).isEqualTo(Map.of("latitude", 1L, "event_id_cnty", 1L));
        }
        assertThat(counts).isEqualTo(new ReadCounts(3, 1, 2));
        assertThat(Files.readAllLines(rejectsFile)).containsExactly(
                "line,event_id_cnty,field,reason,raw",
                "2,UKR1,latitude,'95' is outside -90..90,"
                        + "\"UKR1,2025-03-18,Battles,95,37.5,\"\"said \"\"\"\"no\"\"\"\", then left\"\"\"",
                "4,UKR2,event_id_cnty,\"duplicate id, first used on line 3\",\"UKR2,2025-03-18,Battles,48.1,37.5,again\"");
    }
}
