package org.truce.format.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The current record of a {@link CsvReader}: a cursor over bytes in the reader's buffer. Valid
 * until the reader's next {@code next()}; copy out what you keep. Field values are decoded only
 * on request, and numbers can be read without making a {@code String} at all.
 */
public final class CsvRecord {

    /** What {@link #longValue(int)} returns for anything that is not a plain integer. */
    public static final long NOT_AN_INTEGER = Long.MIN_VALUE;

    /** Exact powers of ten as doubles (10^22 is the largest that is exact). */
    private static final double[] POW10 = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private final CsvReader r;
    private byte[] scratch = new byte[256];

    CsvRecord(CsvReader reader) {
        this.r = reader;
    }

    /** Physical line (1-based, the header is line 1) where the record starts. */
    public long line() {
        return r.recLine;
    }

    /** Number of fields; 0 for a record that was too long to keep. */
    public int fieldCount() {
        return r.fieldCount;
    }

    /** Whether the record broke the CSV rules; its fields are then not to be trusted. */
    public boolean isMalformed() {
        return r.problem != null;
    }

    /** What is wrong with the record, or {@code null} when it is well-formed. */
    public String problem() {
        return r.problem;
    }

    /** 0-based index of the field where the problem was found, or -1 when it is not one field's. */
    public int problemField() {
        return r.problemField;
    }

    /** Field {@code i} decoded from UTF-8 (quotes removed, doubled quotes undone). */
    public String field(int i) {
        Objects.checkIndex(i, r.fieldCount);
        int start = r.recStart + r.starts[i];
        int len = r.recStart + r.ends[i] - start;
        if (r.escaped[i]) {
            return unescaped(start, len);
        }
        // Latin-1 decoding of pure ASCII is a plain copy into a compact string.
        return new String(r.buf, start, len, r.ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * Like {@link #field(int)}, but returns the pool's instance for a value it has seen before,
     * so that the many repeats of short values (event types, actors, regions) share one string.
     */
    public String field(int i, StringPool pool) {
        Objects.checkIndex(i, r.fieldCount);
        if (r.escaped[i]) {
            return field(i);
        }
        int start = r.recStart + r.starts[i];
        return pool.get(r.buf, start, r.recStart + r.ends[i] - start, r.ascii);
    }

    /** Looks at a field's UTF-8 bytes in place, with quotes undone. */
    @FunctionalInterface
    public interface BytesTest {
        boolean test(byte[] utf8, int from, int to);
    }

    /** Field {@code i}'s bytes (quotes removed, doubled quotes undone) put to {@code test}, without a String. */
    public boolean testBytes(int i, BytesTest test) {
        Objects.checkIndex(i, r.fieldCount);
        int start = r.recStart + r.starts[i];
        int len = r.recStart + r.ends[i] - start;
        if (r.escaped[i]) {
            int n = unescape(start, len);
            return test.test(scratch, 0, n);
        }
        return test.test(r.buf, start, start + len);
    }

    /** Reads a number from a field's UTF-8 bytes in place. */
    @FunctionalInterface
    public interface BytesToInt {
        int apply(byte[] utf8, int from, int to);
    }

    /** Field {@code i}'s bytes (quotes removed, doubled quotes undone) read by {@code reader}, without a String. */
    public int intFromBytes(int i, BytesToInt reader) {
        Objects.checkIndex(i, r.fieldCount);
        int start = r.recStart + r.starts[i];
        int len = r.recStart + r.ends[i] - start;
        if (r.escaped[i]) {
            int n = unescape(start, len);
            return reader.apply(scratch, 0, n);
        }
        return reader.apply(r.buf, start, start + len);
    }

    /** Whether field {@code i} is empty (an empty quoted field {@code ""} is empty too). */
    public boolean isEmpty(int i) {
        Objects.checkIndex(i, r.fieldCount);
        return r.starts[i] == r.ends[i];
    }

    /** All fields as strings, for messages and reject files. */
    public List<String> fields() {
        List<String> all = new ArrayList<>(r.fieldCount);
        for (int i = 0; i < r.fieldCount; i++) {
            all.add(field(i));
        }
        return all;
    }

    /**
     * Field {@code i} as a decimal number ({@code -12.5}, {@code 48.12345}, {@code 1e3}; spaces
     * around it are tolerated), or NaN when it is empty or anything else, including "NaN",
     * "Infinity" and Java's "1d" suffixes. Short plain decimals, which is every coordinate in
     * practice, are converted directly from the bytes; the result is the correctly rounded
     * double, identical to {@link Double#parseDouble}.
     */
    public double doubleValue(int i) {
        Objects.checkIndex(i, r.fieldCount);
        if (r.escaped[i]) {
            return Double.NaN; // contains a quote
        }
        final byte[] b = r.buf;
        int p = r.recStart + r.starts[i];
        final int end = r.recStart + r.ends[i];
        boolean negative = false;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean dot = false;
        for (; p < end; p++) {
            int c = b[p];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (dot) {
                    fractionDigits++;
                }
            } else if (c == '.' && !dot) {
                dot = true;
            } else {
                return slowDouble(i);
            }
        }
        if (digits == 0) {
            return Double.NaN;
        }
        if (digits > 15) {
            return slowDouble(i);
        }
        // Both operands are exact doubles (mantissa < 2^53, 10^k for k <= 15), so one IEEE
        // division gives the correctly rounded result.
        double v = mantissa / POW10[fractionDigits];
        return negative ? -v : v;
    }

    /** Field {@code i} as a plain integer ({@code -3}, {@code +7}, {@code 12}), or {@link #NOT_AN_INTEGER}. */
    public long longValue(int i) {
        Objects.checkIndex(i, r.fieldCount);
        if (r.escaped[i]) {
            return NOT_AN_INTEGER;
        }
        final byte[] b = r.buf;
        int p = r.recStart + r.starts[i];
        final int end = r.recStart + r.ends[i];
        boolean negative = false;
        if (p < end && (b[p] == '-' || b[p] == '+')) {
            negative = b[p] == '-';
            p++;
        }
        if (p == end || end - p > 18) {
            return end - p > 18 ? slowLong(i) : NOT_AN_INTEGER;
        }
        long v = 0;
        for (; p < end; p++) {
            int c = b[p];
            if (c < '0' || c > '9') {
                return NOT_AN_INTEGER;
            }
            v = v * 10 + (c - '0');
        }
        return negative ? -v : v;
    }

    private double slowDouble(int i) {
        String s = field(i).strip();
        if (!isDecimal(s)) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /** [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)? — what Double.parseDouble should see. */
    private static boolean isDecimal(String s) {
        int p = 0;
        int n = s.length();
        if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
            p++;
        }
        int digits = 0;
        while (p < n && isDigit(s.charAt(p))) {
            p++;
            digits++;
        }
        if (p < n && s.charAt(p) == '.') {
            p++;
            while (p < n && isDigit(s.charAt(p))) {
                p++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (p < n && (s.charAt(p) == 'e' || s.charAt(p) == 'E')) {
            p++;
            if (p < n && (s.charAt(p) == '+' || s.charAt(p) == '-')) {
                p++;
            }
            int exponentDigits = 0;
            while (p < n && isDigit(s.charAt(p))) {
                p++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return p == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private long slowLong(int i) {
        String s = field(i);
        try {
            return isDecimal(s) && s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0
                    ? Long.parseLong(s) : NOT_AN_INTEGER;
        } catch (NumberFormatException tooBig) {
            return NOT_AN_INTEGER;
        }
    }

    private String unescaped(int start, int len) {
        int n = unescape(start, len);
        return new String(scratch, 0, n, r.ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /** Copies the field's bytes into {@code scratch} with doubled quotes undone; returns their count. */
    private int unescape(int start, int len) {
        if (scratch.length < len) {
            scratch = Arrays.copyOf(scratch, Math.max(len, scratch.length * 2));
        }
        final byte[] b = r.buf;
        int n = 0;
        for (int p = start, end = start + len; p < end; p++) {
            byte c = b[p];
            scratch[n++] = c;
            if (c == '"') {
                p++; // the scanner only marks a field escaped when every quote in it is doubled
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "CsvRecord[line " + line() + ", " + fieldCount() + " fields"
                + (isMalformed() ? ", " + problem() : "") + "]";
    }
}
