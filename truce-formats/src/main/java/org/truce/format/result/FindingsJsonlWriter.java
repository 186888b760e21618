package org.truce.format.result;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.assessment.Evidence;
import org.truce.assessment.ReadingOutcome;
import org.truce.report.Report;

/** Writes {@code findings.jsonl}: every assessment, one JSON object a line, with its trace. */
public final class FindingsJsonlWriter implements Closeable {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(1024);
    private long written;

    public FindingsJsonlWriter(Path file) throws IOException {
        this.out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    public synchronized void write(Report report, List<Assessment> assessments) throws IOException {
        for (Assessment a : assessments) {
            line.setLength(0);
            encode(line, report, a);
            out.append(line).append('\n');
            written++;
        }
    }

    public synchronized long written() {
        return written;
    }

    /** One assessment as a single-line JSON object; field order is fixed so files diff cleanly. */
    public static void encode(StringBuilder b, Report report, Assessment a) {
        b.append('{');
        JsonText.field(b, "report_id", a.reportId()).append(',');
        JsonText.field(b, "event_date", report.eventDate().toString()).append(',');
        JsonText.field(b, "commitment_id", a.commitmentId()).append(',');
        JsonText.field(b, "kind", a.kind().wireName()).append(',');
        JsonText.field(b, "outcome", a.outcome().wireName()).append(',');
        JsonText.field(b, "reason", a.reason()).append(',');
        JsonText.field(b, "actor", report.actor1()).append(',');
        JsonText.field(b, "party", a.party()).append(',');
        JsonText.quote(b, "readings").append(":[");
        for (int i = 0; i < a.readings().size(); i++) {
            ReadingOutcome r = a.readings().get(i);
            b.append(i == 0 ? "{" : ",{");
            JsonText.field(b, "reading", r.reading()).append(',');
            JsonText.field(b, "outcome", r.outcome().wireName()).append(',');
            JsonText.field(b, "reason", r.reason()).append('}');
        }
        b.append("],");
        JsonText.quote(b, "evidence").append(':');
        Evidence e = a.evidence();
        if (e instanceof Evidence.NearestObject n) {
            b.append('{');
            JsonText.field(b, "object_id", n.object().id()).append(',');
            JsonText.field(b, "category", n.object().category()).append(',');
            JsonText.quote(b, "distance_m").append(':').append(metres(n.distance_m())).append('}');
        } else if (e instanceof Evidence.ZoneDistance z) {
            b.append('{');
            JsonText.field(b, "zone", z.zone()).append(',');
            JsonText.quote(b, "distance_m").append(':')
                    .append(Double.isInfinite(z.distance_m()) ? "null" : metres(z.distance_m())).append('}');
        } else {
            b.append("null");
        }
        b.append(',');
        JsonText.field(b, "target_path", a.targetPath().wireName()).append(',');
        JsonText.quote(b, "trace").append(":[");
        for (int i = 0; i < a.trace().size(); i++) {
            Check c = a.trace().get(i);
            b.append(i == 0 ? "{" : ",{");
            JsonText.field(b, "condition", c.condition()).append(',');
            JsonText.field(b, "verdict", c.verdict().wireName()).append(',');
            JsonText.field(b, "detail", c.detail()).append('}');
        }
        b.append("]}");
    }

    static String metres(double m) {
        return String.format(Locale.ROOT, "%.1f", m);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
