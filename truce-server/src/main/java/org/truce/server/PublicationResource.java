package org.truce.server;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import org.truce.access.Redaction;
import org.truce.publication.DailyReport;
import org.truce.publication.DailyReportBuilder;
import org.truce.publication.DailyReportHtml;
import org.truce.publication.DailyReportPdf;
import org.truce.publication.Language;
import org.truce.publication.ObservedReport;
import org.truce.publication.RecordView;
import org.truce.publication.RedactedRecord;
import org.truce.publication.StoreRecord;
import org.truce.publication.export.RecordExport;
import org.truce.store.Database;

/**
 * {@code /exports} and {@code /daily-reports}: the publications of {@code truce export} and
 * {@code truce report daily}, made by the same code from the same record, so the same record and
 * day give the same bytes through either door. Read only. Each is made from the record as the
 * caller's role may read it ({@link RedactedRecord}: the catalog's redaction and the role's scope,
 * as in every API answer); the roles with {@code export_unredacted} get the record whole.
 */
final class PublicationResource {

    static final String EXPORTS = TruceServer.API + "/exports";
    static final String DAILY_REPORTS = TruceServer.API + "/daily-reports";

    private final Database database;
    private final ReferenceData reference;
    private final Redaction redaction;

    PublicationResource(Database database, ReferenceData reference, Redaction redaction) {
        this.database = database;
        this.reference = reference;
        this.redaction = redaction;
    }

    void register(RoutesConfig routes) {
        routes.get(EXPORTS + "/acled.csv", ctx -> export(ctx, RecordExport.ACLED_CSV, "acled.csv"));
        routes.get(EXPORTS + "/reports.geojson", ctx -> export(ctx, RecordExport.GEOJSON, "reports.geojson"));
        routes.get(EXPORTS + "/record.json", ctx -> export(ctx, RecordExport.JSON, "record.json"));
        routes.get(DAILY_REPORTS + "/{date}", this::dailyReport);
    }

    /** The record as the caller may read it. */
    private RecordView record(Context ctx) {
        return RedactedRecord.of(new StoreRecord(database, reference.exchanges(), reference.timeline()), redaction,
                AccessGate.caller(ctx).role());
    }

    private void export(Context ctx, RecordExport format, String fileName) {
        QueryParams q = QueryParams.of(ctx, Set.of("from", "to"));
        LocalDate from = q.date("from");
        LocalDate to = q.date("to");
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiException.badRequest("from", "from " + from + " is after to " + to);
        }
        RecordView record = record(ctx);
        List<ObservedReport> reports = record.reportsBetween(reference.agreement().id(), from, to);
        StringWriter text = new StringWriter();
        try {
            format.write(reference.agreement(), record.sourceNames(), reports, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(200).contentType(format.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .result(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private void dailyReport(Context ctx) {
        LocalDate day = day(ctx.pathParam("date"));
        QueryParams q = QueryParams.of(ctx, Set.of("lang", "format"));
        Language language = language(q.text("lang"));
        String format = q.text("format") == null ? "html" : q.text("format");
        if (!format.equals("html") && !format.equals("pdf")) {
            throw ApiException.badRequest("format", "format must be html or pdf, got '" + format + "'");
        }
        DailyReport report = new DailyReportBuilder(reference.agreement(), record(ctx)).build(day);
        String html = new DailyReportHtml(language, reference.objects(), reference.zones()).render(report);
        String stem = "daily-report-" + day + "." + language.tag();
        if (format.equals("html")) {
            ctx.status(200).contentType("text/html; charset=utf-8")
                    .header("Content-Disposition", "inline; filename=\"" + stem + ".html\"")
                    .result(html.getBytes(StandardCharsets.UTF_8));
            return;
        }
        byte[] pdf;
        try {
            pdf = DailyReportPdf.render(html, language, day);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.status(200).contentType("application/pdf")
                .header("Content-Disposition", "inline; filename=\"" + stem + ".pdf\"").result(pdf);
    }

    private static LocalDate day(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("date", "date must be a calendar date as YYYY-MM-DD, got '" + text + "'");
        }
    }

    private static Language language(String tag) {
        if (tag == null) {
            return Language.EN;
        }
        try {
            return Language.ofTag(tag);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("lang", "lang must be en or fr, got '" + tag + "'");
        }
    }
}
