package org.truce.publication.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.format.Rejection;
import org.truce.format.acled.AcledReader;
import org.truce.geo.GeoPoint;
import org.truce.publication.ObservedReport;
import org.truce.publication.StoreRecord;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/** Exports of the record read back: ACLED CSV by Truce's own reader, GeoJSON and JSON by Jackson. */
class ExportRoundTripTest {

    private static final String AGREEMENT = "2025-03-18-call";

    @TempDir
    Path dir;

    @Test
    void acledCsvReadBackByAcledReaderGivesTheSameReports() throws Exception {
        List<Report> originals = List.of(
                report("T1", "Example village A", "Plain notes.", 47.92, 35.17),
                report("T2", "Запоріжжя", "Notes with a comma, a \"quote\"\nand a line break.", 47.8388, 35.139_567),
                report("T3", " padded ", "Exemple : frappe sur un dépôt.", -0.000_012_5, 179.999_999_9));
        try (Database db = Database.open(DataSourceConfig.embedded(dir.resolve("db")))) {
            db.sources().register(new Source("monitor-1", "Monitor One", SourceKind.MONITOR));
            originals.forEach(r -> db.reports().upsertFromImport("monitor-1", r));
            List<ObservedReport> record = new StoreRecord(db).allReports(AGREEMENT);

            StringWriter csv = new StringWriter();
            AcledCsvExport.write(record, List.of(), csv);
            List<Report> back = new ArrayList<>();
            List<Rejection> rejected = new ArrayList<>();
            new AcledReader(rejected::add).read(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)),
                    "export.csv", back::add);

            assertThat(rejected).isEmpty();
            assertThat(back).hasSize(3);
            for (int i = 0; i < originals.size(); i++) {
                assertThat(withoutExtra(back.get(i))).isEqualTo(originals.get(i));
                assertThat(back.get(i).extra()).containsEntry("truce_source_id", "monitor-1")
                        .containsEntry("truce_report_version", "1").containsEntry("truce_verification", "");
            }
            assertThat(csv.toString()).startsWith(String.join(",", AcledCsvExport.ACLED_COLUMNS) + ",truce_source_id,");
        }
    }

    @Test
    void geoJsonAndRecordJsonCarryEveryReportAndAreStable() throws Exception {
        try (Database db = Database.open(DataSourceConfig.embedded(dir.resolve("db")))) {
            db.sources().register(new Source("monitor-1", "Monitor One", SourceKind.MONITOR));
            db.reports().upsertFromImport("monitor-1", report("T1", "A", "n", 47.92, 35.17));
            db.reports().upsertFromImport("monitor-1", report("T2", "B", "n", 48.5, 37.25));
            StoreRecord record = new StoreRecord(db);

            StringWriter geo = new StringWriter();
            GeoJsonExport.write(record.allReports(AGREEMENT), geo);
            JsonNode fc = new ObjectMapper().readTree(geo.toString());
            assertThat(fc.path("type").asText()).isEqualTo("FeatureCollection");
            assertThat(fc.path("features")).hasSize(2);
            JsonNode first = fc.path("features").get(0);
            assertThat(first.path("geometry").path("coordinates").get(0).asDouble()).as("longitude first").isEqualTo(35.17);
            assertThat(first.path("properties").path("event_id_cnty").asText()).isEqualTo("T1");

            Path file1 = dir.resolve("record1.json");
            Path file2 = dir.resolve("record2.json");
            for (Path f : List.of(file1, file2)) {
                try (var w = Files.newBufferedWriter(f)) {
                    RecordJsonExport.write(AGREEMENT, record.sourceNames(), record.allReports(AGREEMENT), w);
                }
            }
            assertThat(Files.readAllBytes(file2)).isEqualTo(Files.readAllBytes(file1));
            JsonNode json = new ObjectMapper().readTree(file1.toFile());
            assertThat(json.path("reports")).hasSize(2);
            assertThat(json.path("sources").get(0).path("name").asText()).isEqualTo("Monitor One");
        }
    }

    private static Report report(String id, String location, String notes, double lat, double lon) {
        return new Report(id, LocalDate.parse("2025-03-20"), TimePrecision.ofCode(1), "Explosions/Remote violence",
                "Air/drone strike", "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)",
                "Ukraine", "Zaporizhia", location, GeoPoint.of(lat, lon), GeoPrecision.ofCode(2), "Outlet A; Outlet B",
                notes, 3, "substation", Map.of());
    }

    private static Report withoutExtra(Report r) {
        return new Report(r.id(), r.eventDate(), r.timePrecision(), r.eventType(), r.subEventType(), r.actor1(),
                r.actor2(), r.country(), r.admin1(), r.location(), r.point(), r.geoPrecision(), r.source(), r.notes(),
                r.fatalities(), r.target(), Map.of());
    }
}
