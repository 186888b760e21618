package org.truce.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.agreement.Agreement;
import org.truce.facility.ProtectedObject;
import org.truce.geo.GeoPoint;
import org.truce.store.Database;

/** The PDF and HTML of a daily report: readable, not blank, in two languages, the same bytes every time. */
class DailyReportPdfTest {

    private static final LocalDate DAY = LocalDate.parse("2025-03-21");
    private static final List<ProtectedObject> OBJECTS =
            List.of(new ProtectedObject("X1", "Substation", "energy.substation", GeoPoint.of(47.91, 35.16)));

    @TempDir
    Path dir;

    @Test
    void firstPageIsNotBlankAndCarriesTheTitle() throws Exception {
        byte[] pdf = pdf(report(), Language.EN);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 50);
            long ink = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                        ink++;
                    }
                }
            }
            assertThat(ink).as("non-white pixels on page 1 of %d x %d", page.getWidth(), page.getHeight())
                    .isGreaterThan(page.getWidth() * page.getHeight() / 100L);
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains("Daily monitoring report").contains("Monitor One, Monitor Two");
            assertThat(text).as("Cyrillic rendered with the embedded font, not as #").contains("Запоріжжя");
            assertThat(doc.getDocumentInformation().getCreationDate().toInstant())
                    .as("the only date inside is the report's").isEqualTo("2025-03-21T00:00:00Z");
        }
    }

    @Test
    void sameRecordAndDayGiveTheSameBytes() throws Exception {
        DailyReport report = report();
        DailyReportHtml first = new DailyReportHtml(Language.EN, OBJECTS, List.of());
        DailyReportHtml second = new DailyReportHtml(Language.EN, OBJECTS, List.of());
        String html1 = first.render(report);
        String html2 = second.render(report);
        assertThat(html2).isEqualTo(html1);
        byte[] pdf1 = DailyReportPdf.render(html1, "t", DAY);
        byte[] pdf2 = DailyReportPdf.render(html2, "t", DAY);
        assertThat(pdf2).as("two renderings of one page").isEqualTo(pdf1);
    }

    @Test
    void frenchReportIsWrittenInFrench() throws Exception {
        DailyReport report = report();
        String html = new DailyReportHtml(Language.FR, OBJECTS, List.of()).render(report);
        assertThat(html).contains("lang=\"fr\"").contains("Rapport quotidien de surveillance")
                .contains("21 mars 2025").contains("Depuis l\u2019entr\u00e9e en vigueur")
                .doesNotContain("Daily monitoring report");
        try (PDDocument doc = Loader.loadPDF(DailyReportPdf.render(html, "t", DAY))) {
            assertThat(new PDFTextStripper().getText(doc)).contains("Rapport quotidien de surveillance")
                    .contains("Couverture");
        }
    }

    @Test
    void sectionsWithoutDataSayNotAvailable() throws Exception {
        String html = new DailyReportHtml(Language.EN, OBJECTS, List.of()).render(report());
        assertThat(html).contains("verified: 0; not verified: 1")
                .contains("1 of the possible violations come from reports in no incident")
                .contains("No checkpoint of the record was signed by the end of this day (")
                .contains("Carried out: not available in this record")
                .contains("Status: not available in this record");
    }

    private DailyReport report() throws Exception {
        Agreement agreement = SmallRecord.agreement();
        try (Database db = SmallRecord.open(dir)) {
            return new DailyReportBuilder(agreement, new StoreRecord(db)).build(DAY);
        }
    }

    private static byte[] pdf(DailyReport r, Language language) throws Exception {
        String html = new DailyReportHtml(language, OBJECTS, List.of()).render(r);
        return DailyReportPdf.render(html, language.text("title"), r.date());
    }
}
