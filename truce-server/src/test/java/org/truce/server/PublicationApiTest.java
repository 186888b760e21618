package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.publication.DailyReport;
import org.truce.publication.DailyReportBuilder;
import org.truce.publication.DailyReportHtml;
import org.truce.publication.DailyReportPdf;
import org.truce.publication.Language;
import org.truce.publication.StoreRecord;

/**
 * FEATURE UNDER TEST (issue 7): the exports and the daily report over HTTP, made by the same code
 * as the CLI from the same record, so the same bytes; bad input is a 400 naming the parameter.
 * The record: one strike near the example's substation on 20 March 2025, posted through the API
 * (so it is in an incident, status reported).
 */
class PublicationApiTest {

    private static final LocalDate DAY = LocalDate.parse("2025-03-20");

    @TempDir
    static Path dir;

    private static ServerFixture fx;
    private static long reportId;

    @BeforeAll
    static void start() throws Exception {
        fx = ServerFixture.start(dir);
        reportId = fx.api.postReport("publication-1", Api.strikeNearSubstation()).json().get("report_id").asLong();
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    @Test
    void acledCsvCarriesTheFindingsTheIncidentAndItsVerificationStatus() {
        Api.Response r = fx.api.get("/api/v1/exports/acled.csv");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.raw().headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.raw().headers().firstValue("Content-Disposition").orElse("")).contains("acled.csv");
        String[] lines = r.raw().body().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("event_id_cnty,event_date,year,")
                .endsWith(",truce_commitment_id,truce_outcome,truce_reason,truce_party,truce_incident_id,"
                        + "truce_verification");
        assertThat(lines[1]).startsWith("UKR-T1,2025-03-20,2025,").contains("possible_violation")
                .endsWith(",INC-" + reportId + ",reported");
    }

    @Test
    void exportsFilterByEventDay() throws Exception {
        assertThat(fx.api.get("/api/v1/exports/acled.csv?from=2025-03-21").raw().body().split("\r\n"))
                .as("the header only").hasSize(1);
        assertThat(fx.api.get("/api/v1/exports/acled.csv?from=2025-03-20&to=2025-03-20").raw().body()
                .split("\r\n")).hasSize(2);
        JsonNode geo = Api.JSON.readTree(fx.api.get("/api/v1/exports/reports.geojson?to=2025-03-19").raw().body());
        assertThat(geo.path("features")).as("the strike is of 20 March").isEmpty();
    }

    @Test
    void geoJsonAndRecordJsonNameTheIncident() throws Exception {
        Api.Response geo = fx.api.get("/api/v1/exports/reports.geojson");
        assertThat(geo.status()).isEqualTo(200);
        assertThat(geo.raw().headers().firstValue("Content-Type").orElse("")).startsWith("application/geo+json");
        JsonNode features = Api.JSON.readTree(geo.raw().body()).path("features");
        assertThat(features).hasSize(1);
        assertThat(features.get(0).path("properties").path("incident_id").asText()).isEqualTo("INC-" + reportId);
        assertThat(features.get(0).path("properties").path("verification").asText()).isEqualTo("reported");

        Api.Response record = fx.api.get("/api/v1/exports/record.json");
        assertThat(record.status()).isEqualTo(200);
        assertThat(record.json().path("format").asText()).isEqualTo("truce-record");
        assertThat(record.json().path("reports")).hasSize(1);
        assertThat(record.json().path("reports").get(0).path("findings").get(0).path("trace")).isNotEmpty();
    }

    @Test
    void dailyReportHtmlAndPdfAreTheBytesTheCliCodeMakes() throws Exception {
        DailyReport report = new DailyReportBuilder(fx.reference.agreement(), new StoreRecord(fx.db,
                fx.reference.exchanges(), fx.reference.timeline())).build(DAY);
        String html = new DailyReportHtml(Language.FR, fx.reference.objects(), fx.reference.zones()).render(report);
        byte[] pdf = DailyReportPdf.render(html, Language.FR, DAY);

        HttpResponse<byte[]> servedHtml = bytes("/api/v1/daily-reports/2025-03-20?lang=fr");
        assertThat(servedHtml.statusCode()).isEqualTo(200);
        assertThat(servedHtml.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(servedHtml.body()).isEqualTo(html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(html).contains("Rapport quotidien de surveillance", "incident INC-" + reportId);

        HttpResponse<byte[]> servedPdf = bytes("/api/v1/daily-reports/2025-03-20?lang=fr&format=pdf");
        assertThat(servedPdf.statusCode()).isEqualTo(200);
        assertThat(servedPdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(servedPdf.body()).isEqualTo(pdf);
        try (PDDocument doc = Loader.loadPDF(servedPdf.body())) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Rapport quotidien de surveillance");
        }
    }

    @Test
    void badInputIsA400NamingTheParameter() {
        for (List<String> c : List.of(
                List.of("/api/v1/daily-reports/2025-13-40", "date"),
                List.of("/api/v1/daily-reports/yesterday", "date"),
                List.of("/api/v1/daily-reports/2025-03-20?lang=de", "lang"),
                List.of("/api/v1/daily-reports/2025-03-20?format=docx", "format"),
                List.of("/api/v1/daily-reports/2025-03-20?colour=red", "colour"),
                List.of("/api/v1/exports/acled.csv?from=20-03-2025", "from"),
                List.of("/api/v1/exports/record.json?from=2025-03-21&to=2025-03-20", "from"))) {
            Api.Response r = fx.api.get(c.get(0));
            assertThat(r.status()).as(c.get(0)).isEqualTo(400);
            assertThat(r.json()).as("a JSON error for %s", c.get(0)).isNotNull();
            assertThat(r.field()).as(c.get(0)).isEqualTo(c.get(1));
            assertThat(r.error()).as(c.get(0)).contains(c.get(1));
        }
    }

    private static HttpResponse<byte[]> bytes(String path) {
        return fx.api.bytes(path);
    }
}
