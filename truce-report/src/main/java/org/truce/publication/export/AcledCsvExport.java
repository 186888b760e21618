package org.truce.publication.export;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.truce.assessment.Assessment;
import org.truce.publication.ObservedReport;
import org.truce.report.Report;

/**
 * Reports and their findings as ACLED CSV: ACLED's own columns first, under ACLED's names, so
 * ACLED tools (and Truce's own reader) take the file as it is; then Truce's columns, prefixed
 * {@code truce_}. One row per report. A report assessed against several commitments lists its
 * findings in the agreement's order in each {@code truce_} finding column, separated by
 * {@value #SEPARATOR}. {@code truce_incident_id} and {@code truce_verification} name the
 * incident the report is part of and its verification status (reported, corroborated, verified,
 * disputed, refuted); both are empty for a report in no incident.
 */
public final class AcledCsvExport {

    public static final List<String> ACLED_COLUMNS = List.of("event_id_cnty", "event_date", "year", "time_precision",
            "event_type", "sub_event_type", "actor1", "actor2", "country", "admin1", "location", "latitude",
            "longitude", "geo_precision", "source", "notes", "fatalities", "target");
    public static final List<String> TRUCE_COLUMNS = List.of("truce_source_id", "truce_report_version",
            "truce_commitment_id", "truce_outcome", "truce_reason", "truce_party", "truce_incident_id", "truce_verification");
    static final String SEPARATOR = " | ";

    private AcledCsvExport() {
    }

    public static void write(List<ObservedReport> reports, List<String> commitmentOrder, Writer out) throws IOException {
        List<String> header = new ArrayList<>(ACLED_COLUMNS);
        header.addAll(TRUCE_COLUMNS);
        line(out, header);
        for (ObservedReport o : reports) {
            Report r = o.report();
            List<Assessment> findings = new ArrayList<>(o.findings());
            findings.sort((a, b) -> Integer.compare(rank(commitmentOrder, a), rank(commitmentOrder, b)));
            line(out, List.of(r.id(), r.eventDate().toString(), Integer.toString(r.eventDate().getYear()),
                    Integer.toString(r.timePrecision().code()), r.eventType(), r.subEventType(), r.actor1(),
                    r.actor2(), r.country(), r.admin1(), r.location(), decimal(r.point().lat_deg()),
                    decimal(r.point().lon_deg()), Integer.toString(r.geoPrecision().code()), r.source(), r.notes(),
                    Integer.toString(r.fatalities()), r.target(), o.sourceId(), Integer.toString(o.version()),
                    join(findings, Assessment::commitmentId), join(findings, a -> a.outcome().wireName()),
                    join(findings, Assessment::reason), join(findings, a -> a.party() == null ? "" : a.party()),
                    o.incident() == null ? "" : o.incident().incidentId(),
                    o.incident() == null ? "" : o.incident().status().label()));
        }
        out.flush();
    }

    private static int rank(List<String> order, Assessment a) {
        int i = order.indexOf(a.commitmentId());
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String join(List<Assessment> findings, java.util.function.Function<Assessment, String> field) {
        return String.join(SEPARATOR, findings.stream().map(field).toList());
    }

    /** The shortest decimal that reads back to the same double, never in exponent form. */
    static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(quoted(fields.get(i)));
        }
        out.write("\r\n");
    }

    /** RFC 4180: quoted when the field holds a comma, a quote or a line break; quotes doubled. */
    static String quoted(String field) {
        boolean needs = field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                || field.indexOf('\r') >= 0 || !field.equals(field.strip());
        return needs ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }
}
