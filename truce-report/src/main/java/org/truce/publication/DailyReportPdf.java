package org.truce.publication;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Turns the report's XHTML page into a PDF with openhtmltopdf on PDFBox, with the bundled DejaVu
 * Sans embedded (Cyrillic place names and notes must render). Reproducible: the only date inside is
 * the report's own (creation and modification dates at 00:00 UTC of that day), and the document ID
 * is derived from the page, so the same page gives the same bytes.
 */
public final class DailyReportPdf {

    static final String PRODUCER = "Truce";

    static {
        // openhtmltopdf logs every layout step at INFO through java.util.logging; a CLI run is not the place.
        XRLog.setLoggingEnabled(false);
    }

    private DailyReportPdf() {
    }

    /** The PDF of a report's page, titled in its language: what the CLI writes and the API serves. */
    public static byte[] render(String xhtml, Language language, LocalDate date) throws IOException {
        return render(xhtml, language.text("title") + " " + date, date);
    }

    public static byte[] render(String xhtml, String title, LocalDate date) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        write(xhtml, title, date, out);
        return out.toByteArray();
    }

    public static void write(String xhtml, String title, LocalDate date, OutputStream out) throws IOException {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        builder.useFont(() -> Png.resource(Png.FONT_REGULAR), DailyReportHtml.FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> Png.resource(Png.FONT_BOLD), DailyReportHtml.FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.withProducer(PRODUCER);
        // The renderer writes nowhere itself: the document is finished and saved below.
        builder.toStream(OutputStream.nullOutputStream());
        try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
            renderer.layout();
            try (PDDocument doc = renderer.createPDFKeepOpen()) {
                PDDocumentInformation info = new PDDocumentInformation();
                info.setTitle(title);
                info.setProducer(PRODUCER);
                info.setCreator(PRODUCER);
                Calendar day = midnightUtc(date);
                info.setCreationDate(day);
                info.setModificationDate(day);
                doc.setDocumentInformation(info);
                byte[] id = Arrays.copyOf(sha256(xhtml), 16);
                COSArray ids = new COSArray();
                ids.add(new COSString(id));
                ids.add(new COSString(id));
                doc.getDocument().getTrailer().setItem(COSName.ID, ids);
                doc.save(out);
            }
        }
    }

    private static Calendar midnightUtc(LocalDate date) {
        GregorianCalendar c = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
        c.clear();
        c.setTimeInMillis(date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        return c;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
