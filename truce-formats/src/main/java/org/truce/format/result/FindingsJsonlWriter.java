package org.truce.format.result;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.truce.agreement.CommitmentKind;
import org.truce.assessment.Assessment;
import org.truce.assessment.Check;
import org.truce.assessment.Evidence;
import org.truce.assessment.Outcome;
import org.truce.assessment.ReadingOutcome;
import org.truce.assessment.Verdict;
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

    /**
     * Per-thread buffers for {@link #encodeLines}, in which the lines of many reports follow each
     * other. 256 KiB, four times fewer new buffers than 64 KiB for 200 MB of findings; still half
     * of what G1 treats as humongous with the launcher's heap (1 MiB regions).
     */
    private static final ThreadLocal<JsonText> LINES = ThreadLocal.withInitial(() -> new JsonText(1 << 18));

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
        b.raw(OPEN_REPORT_ID);
        b.quote(a.reportId()).raw(COMMA_EVENT_DATE);
        b.quote(report.eventDate()).raw(COMMA_COMMITMENT_ID);
        quoteShared(b, a.commitmentId()).raw(',');
        b.raw(KIND[a.kind().ordinal()]).raw(',');
        b.raw(OUTCOME[a.outcome().ordinal()]).raw(COMMA_REASON);
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
        b.raw(ACTOR);
        quoteShared(b, report.actor1()).raw(',');
        b.raw(PARTY);
        quoteShared(b, a.party()).raw(',');
        if (a.readings().size() > 1) {
            b.name("readings").raw('[');
            for (int i = 0; i < a.readings().size(); i++) {
                ReadingOutcome r = a.readings().get(i);
                b.raw(i == 0 ? "{" : ",{");
                b.field("reading", r.reading()).raw(',');
                b.raw(OUTCOME[r.outcome().ordinal()]).raw(',');
                b.field("reason", r.reason()).raw('}');
            }
            b.raw("],");
        }
        b.raw(EVIDENCE);
        Evidence e = a.evidence();
        if (e instanceof Evidence.NearestObject n) {
            b.raw(OPEN_OBJECT_ID);
            b.quote(n.object().id()).raw(',');
            b.raw(CATEGORY);
            quoteShared(b, n.object().category()).raw(',');
            b.raw(DISTANCE_M).metres(n.distance_m()).raw('}');
        } else if (e instanceof Evidence.ZoneDistance z) {
            b.raw(OPEN_ZONE);
            quoteShared(b, z.zone()).raw(',');
            b.raw(DISTANCE_M);
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
            b.raw(TARGET_PATH[a.targetPath().ordinal()]).raw(',');
        }
        b.raw(TRACE);
        for (int i = 0; i < a.trace().size(); i++) {
            Check c = a.trace().get(i);
            b.raw(i == 0 ? "{" : ",{");
            if (b.appendFragment(c)) {
                continue; // a check shared by many reports, encoded before: the same bytes
            }
            int from = b.length();
            b.field(CONDITION, c.condition()).raw(',');
            b.raw(VERDICT[c.verdict().ordinal()]).raw(',');
            b.raw(DETAIL);
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

    /**
     * A string that many lines share, the same instance (a commitment id, a party, a pooled actor,
     * a category, a zone id), quoted once and then copied. Only the quoted value is kept under
     * the string, never a field name, so one instance may serve several fields.
     */
    private static JsonText quoteShared(JsonText b, String value) {
        if (!b.appendFragment(value)) {
            int from = b.length();
            b.quote(value);
            b.remember(value, from, 0);
        }
        return b;
    }

    // Field names and constant fields, encoded once: every line writes them.
    private static final byte[] OPEN_REPORT_ID = concat(new byte[] {'{'}, JsonText.key("report_id"));
    private static final byte[] COMMA_EVENT_DATE = concat(new byte[] {','}, JsonText.key("event_date"));
    private static final byte[] COMMA_COMMITMENT_ID = concat(new byte[] {','}, JsonText.key("commitment_id"));
    private static final byte[] COMMA_REASON = concat(new byte[] {','}, JsonText.key("reason"));
    private static final byte[] ACTOR = JsonText.key("actor");
    private static final byte[] PARTY = JsonText.key("party");
    private static final byte[] EVIDENCE = JsonText.key("evidence");
    private static final byte[] OPEN_OBJECT_ID = concat(new byte[] {'{'}, JsonText.key("object_id"));
    private static final byte[] CATEGORY = JsonText.key("category");
    private static final byte[] DISTANCE_M = JsonText.key("distance_m");
    private static final byte[] OPEN_ZONE = concat(new byte[] {'{'}, JsonText.key("zone"));
    private static final byte[] TRACE = concat(JsonText.key("trace"), new byte[] {'['});
    private static final byte[] CONDITION = JsonText.key("condition");
    private static final byte[] DETAIL = JsonText.key("detail");
    private static final byte[][] KIND = keyAndValues("kind", CommitmentKind.values(), CommitmentKind::wireName);
    private static final byte[][] OUTCOME = keyAndValues("outcome", Outcome.values(), Outcome::wireName);
    private static final byte[][] VERDICT = keyAndValues("verdict", Verdict.values(), Verdict::wireName);
    private static final byte[][] TARGET_PATH = keyAndValues("target_path", Assessment.TargetPath.values(),
            Assessment.TargetPath::wireName);

    private static <E extends Enum<E>> byte[][] keyAndValues(String name, E[] values, Function<E, String> wireName) {
        byte[][] encoded = new byte[values.length][];
        for (E v : values) {
            encoded[v.ordinal()] = JsonText.keyAndValue(name, wireName.apply(v));
        }
        return encoded;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
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
