package org.truce.format.result;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
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

    private final OutputStream out;
    private final JsonText scratch = new JsonText(4096);
    private long written;

    public FindingsJsonlWriter(Path file) throws IOException {
        this(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    private FindingsJsonlWriter(OutputStream out) {
        this.out = out;
    }

    /** A writer that counts assessments and keeps nothing, for runs that want only the answers. */
    public static FindingsJsonlWriter discarding() {
        return new FindingsJsonlWriter(OutputStream.nullOutputStream());
    }

    public synchronized void write(Report report, List<Assessment> assessments) throws IOException {
        writeEncoded(encodeLines(report, assessments), assessments.size());
    }

    /**
     * Encoded JSON lines: {@code bytes[from, to)}. The array may hold other reports' lines around
     * them (see {@link #encodeLines}); it is not written again once handed out.
     */
    public record EncodedLines(byte[] bytes, int from, int to) {

        public static final EncodedLines NONE = new EncodedLines(new byte[0], 0, 0);

        public EncodedLines {
            if (from < 0 || to < from || to > bytes.length) {
                throw new IllegalArgumentException("lines [" + from + ", " + to + ") outside 0.." + bytes.length);
            }
        }

        public int length() {
            return to - from;
        }
    }

    /** Per-thread buffers for {@link #encodeLines}, in which the lines of many reports follow each other. */
    private static final ThreadLocal<JsonText> LINES = ThreadLocal.withInitial(() -> new JsonText(1 << 16));

    /**
     * The assessments of one report as JSON lines in UTF-8, ready for {@link #writeEncoded}: lets
     * worker threads do the encoding while one thread writes in order.
     */
    public static EncodedLines encodeLines(Report report, List<Assessment> assessments) {
        if (assessments.isEmpty()) {
            return EncodedLines.NONE;
        }
        JsonText json = LINES.get();
        for (Assessment a : assessments) {
            encode(json, report, a);
            json.raw('\n');
        }
        return json.take();
    }

    public synchronized void writeEncoded(EncodedLines lines, int count) throws IOException {
        out.write(lines.bytes(), lines.from(), lines.length());
        written += count;
    }

    public synchronized long written() {
        return written;
    }

    /** One assessment as a single-line JSON string (for tests and small tools). */
    public static String encode(Report report, Assessment a) {
        JsonText json = new JsonText(1024);
        encode(json, report, a);
        return new String(json.toByteArray(), StandardCharsets.UTF_8);
    }

    /**
     * One assessment as a single-line JSON object; field order is fixed so files diff cleanly.
     * {@code readings} appears only when the commitment has more than one window reading, and
     * {@code target_path} only for commitments that have a target.
     */
    static void encode(JsonText b, Report report, Assessment a) {
        b.raw('{');
        b.field("report_id", a.reportId()).raw(',');
        b.name("event_date").quote(report.eventDate()).raw(',');
        b.field("commitment_id", a.commitmentId()).raw(',');
        b.field("kind", a.kind().wireName()).raw(',');
        b.field("outcome", a.outcome().wireName()).raw(',');
        b.name("reason");
        int reasonFrom = b.length();
        String reason = a.reason();
        Check deciding = null;
        for (int i = 0; i < a.trace().size() && deciding == null; i++) {
            if (a.trace().get(i).detail() == reason) {
                deciding = a.trace().get(i);
            }
        }
        // The reason is the deciding check's sentence: its quoted text, the end of the check's
        // entry, may have been encoded before (a shared window or type check); drop the entry's '}'.
        if (deciding == null || !b.appendFragmentFromMark(deciding, 1)) {
            b.quote(reason);
        }
        int reasonTo = b.length();
        b.raw(',');
        String actor = report.actor1();
        if (!b.appendFragment(actor)) {
            int from = b.length();
            b.field("actor", actor);
            b.remember(actor, from, 0);
        }
        b.raw(',');
        b.field("party", a.party()).raw(',');
        if (a.readings().size() > 1) {
            b.name("readings").raw('[');
            for (int i = 0; i < a.readings().size(); i++) {
                ReadingOutcome r = a.readings().get(i);
                b.raw(i == 0 ? "{" : ",{");
                b.field("reading", r.reading()).raw(',');
                b.field("outcome", r.outcome().wireName()).raw(',');
                b.field("reason", r.reason()).raw('}');
            }
            b.raw("],");
        }
        b.name("evidence");
        Evidence e = a.evidence();
        if (e instanceof Evidence.NearestObject n) {
            b.raw('{');
            b.field("object_id", n.object().id()).raw(',');
            b.field("category", n.object().category()).raw(',');
            b.name("distance_m").metres(n.distance_m()).raw('}');
        } else if (e instanceof Evidence.ZoneDistance z) {
            b.raw('{');
            b.field("zone", z.zone()).raw(',');
            b.name("distance_m");
            if (Double.isInfinite(z.distance_m())) {
                b.raw("null");
            } else {
                b.metres(z.distance_m());
            }
            b.raw('}');
        } else {
            b.raw("null");
        }
        b.raw(',');
        if (a.targetPath() != Assessment.TargetPath.NOT_APPLICABLE) {
            b.field("target_path", a.targetPath().wireName()).raw(',');
        }
        b.name("trace").raw('[');
        for (int i = 0; i < a.trace().size(); i++) {
            Check c = a.trace().get(i);
            b.raw(i == 0 ? "{" : ",{");
            if (b.appendFragment(c)) {
                continue; // a check shared by many reports, encoded before: the same bytes
            }
            int from = b.length();
            b.field("condition", c.condition()).raw(',');
            b.field("verdict", c.verdict().wireName()).raw(',');
            b.name("detail");
            int detailFrom = b.length() - from;
            String detail = c.detail();
            if (detail == reason) {
                // The deciding check's sentence is the reason, the same string: copy its encoding.
                b.repeat(reasonFrom, reasonTo).raw('}');
            } else {
                b.quote(detail).raw('}');
            }
            b.remember(c, from, detailFrom);
        }
        b.raw("]}");
    }

    /** Metres rounded to 0.1 with one decimal ({@code 1701.3}, {@code 0.0}), without Formatter's cost. */
    static String metres(double m) {
        if (!(Math.abs(m) < 1e15)) {
            return String.format(Locale.ROOT, "%.1f", m);
        }
        long tenths = Math.round(m * 10);
        String sign = tenths < 0 ? "-" : "";
        tenths = Math.abs(tenths);
        return sign + (tenths / 10) + "." + (tenths % 10);
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
