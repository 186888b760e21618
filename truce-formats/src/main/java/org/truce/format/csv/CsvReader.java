package org.truce.format.csv;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Streaming RFC 4180 reader over UTF-8 bytes.
 *
 * <ul>
 *   <li>A UTF-8 byte order mark at the start is skipped.
 *   <li>Records end with LF or CRLF; both may occur in one file. Line breaks inside quoted fields
 *       are data and are kept as they are.
 *   <li>Lines that are completely empty (nothing before the line break) are skipped: they carry
 *       no data, and files often end with one or two.
 *   <li>Malformed records are returned, not thrown: {@link CsvRecord#problem()} says what is
 *       wrong, and reading goes on with the next record. The problems detected are a quote inside
 *       an unquoted field, text after a closing quote, a carriage return without a line feed
 *       outside quotes, a quoted field still open at end of input, invalid UTF-8, and a record
 *       longer than the limit.
 * </ul>
 *
 * <p>Memory is fixed: one byte buffer of {@code maxRecordBytes} plus a read chunk. The scanner
 * works on bytes; a field becomes a {@code String} only when asked for. A record longer than
 * {@code maxRecordBytes} (typically a stray quote that opens a field and never closes it) is
 * reported as too long and skipped up to its end, without being kept, so even an unterminated
 * quote at the start of a 1 GB file costs no more memory than a good file.
 *
 * <p>Line numbers are 1-based and count LF bytes; a record's line is the line where it starts.
 *
 * <p>Not thread-safe. The {@link CsvRecord} returned by {@link #next()} is reused and is valid
 * only until the next call.
 */
public final class CsvReader implements Closeable {

    /** 1 MiB: far above any real ACLED row (a few kB), small enough to cap a runaway quote. */
    public static final int DEFAULT_MAX_RECORD_BYTES = 1 << 20;

    /** Bytes requested from the stream at a time at least; large reads keep syscalls rare. */
    private static final int READ_CHUNK = 1 << 18;

    /** Bytes that end an unquoted run: comma, LF, CR, quote. */
    private static final boolean[] PLAIN_STOP = new boolean[256];

    static {
        PLAIN_STOP[','] = true;
        PLAIN_STOP['\n'] = true;
        PLAIN_STOP['\r'] = true;
        PLAIN_STOP['"'] = true;
    }

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final long COMMAS = 0x2C2C_2C2C_2C2C_2C2CL;
    private static final long LFS = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long CRS = 0x0D0D_0D0D_0D0D_0D0DL;
    private static final long QUOTES = 0x2222_2222_2222_2222L;

    private final InputStream in;
    private final int maxRecordBytes;
    final byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    private boolean started;
    private long line;

    // The current record. Field offsets are relative to recStart so that moving the partial
    // record to the front of the buffer does not invalidate them.
    int recStart;
    long recLine;
    int fieldCount;
    int[] starts = new int[32];
    int[] ends = new int[32];
    boolean[] escaped = new boolean[32];
    /** OR of the record's bytes, folded to an int: some bit 7 of its bytes is set when a byte >= 0x80 was seen. */
    private int high;
    boolean ascii;
    private boolean tooLong;
    String problem;
    int problemField;

    private final CsvRecord record = new CsvRecord(this);

    public CsvReader(InputStream in) {
        this(in, DEFAULT_MAX_RECORD_BYTES);
    }

    public CsvReader(InputStream in, int maxRecordBytes) {
        this(in, maxRecordBytes, 1);
    }

    /**
     * A reader whose first byte is on line {@code firstLine} of a larger file: for a slice of a
     * file read in parallel, so that line numbers in messages stay those of the file.
     */
    public CsvReader(InputStream in, int maxRecordBytes, long firstLine) {
        this(in, maxRecordBytes, firstLine, null);
    }

    /** The size of the buffer a reader with this record limit works in. */
    public static int bufferBytes(int maxRecordBytes) {
        return maxRecordBytes + Math.min(READ_CHUNK, Math.max(maxRecordBytes, 4096));
    }

    /**
     * The same, working in {@code buffer} when it holds at least {@link #bufferBytes} bytes (its
     * contents do not matter), so that a thread reading many slices reuses one buffer instead of
     * allocating a large one per slice; the buffer must not be used elsewhere while this reader is.
     */
    public CsvReader(InputStream in, int maxRecordBytes, long firstLine, byte[] buffer) {
        if (firstLine < 1) {
            throw new IllegalArgumentException("line numbers start at 1, got " + firstLine);
        }
        this.line = firstLine;
        if (maxRecordBytes < 16) {
            throw new IllegalArgumentException("maxRecordBytes must be at least 16, got " + maxRecordBytes);
        }
        this.in = in;
        this.maxRecordBytes = maxRecordBytes;
        int size = bufferBytes(maxRecordBytes);
        this.buf = buffer != null && buffer.length >= size ? buffer : new byte[size];
    }

    /**
     * Advances to the next record.
     *
     * @return the (reused) record, or {@code null} at end of input
     */
    public CsvRecord next() throws IOException {
        if (!started) {
            started = true;
            skipByteOrderMark();
        }
        for (;;) {
            recStart = pos;
            fieldCount = 0;
            high = 0;
            tooLong = false;
            problem = null;
            problemField = -1;
            if (pos == limit && !fill()) {
                return null;
            }
            recLine = line;
            parseRecord();
            if (fieldCount == 1 && starts[0] == 0 && ends[0] == 0 && problem == null && !tooLong) {
                continue; // an empty line
            }
            finishRecord();
            return record;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void skipByteOrderMark() throws IOException {
        recStart = 0;
        while (limit - pos < 3 && fill()) {
            // keep reading: a stream may hand out fewer than 3 bytes at a time
        }
        if (limit - pos >= 3 && buf[pos] == (byte) 0xEF && buf[pos + 1] == (byte) 0xBB && buf[pos + 2] == (byte) 0xBF) {
            pos += 3;
        }
    }

    /**
     * Scans one record from {@code pos}, leaving {@code pos} after its terminator. Every path that
     * reaches the end of the buffer calls {@link #fill()}, which may move the bytes; offsets kept
     * across such a call are relative to {@code recStart}.
     */
    private void parseRecord() throws IOException {
        final byte[] b = buf;
        int p = pos;
        fields:
        for (;;) {
            int fieldStart = p - recStart;
            if (p == limit) {
                pos = p;
                if (!fill()) {
                    addField(fieldStart, fieldStart, false); // "a,b," then end of input
                    return;
                }
                p = pos;
            }
            if (b[p] == '"') {
                long quoteLine = line;
                p++;
                int contentStart = p - recStart;
                boolean hasEscapes = false;
                for (;;) {
                    p = scanQuoted(p);
                    if (p == limit) {
                        pos = p;
                        if (!fill()) {
                            fail("unterminated quoted field (the quote opens on line " + quoteLine + ")");
                            addField(contentStart, pos - recStart, false);
                            return;
                        }
                        p = pos;
                        continue;
                    }
                    p++; // past a quote: closing, or the first of a doubled pair
                    if (p == limit) {
                        pos = p;
                        if (!fill()) {
                            addField(contentStart, pos - 1 - recStart, hasEscapes);
                            return;
                        }
                        p = pos;
                    }
                    if (b[p] != '"') {
                        break;
                    }
                    hasEscapes = true;
                    p++;
                }
                int contentEnd = p - 1 - recStart;
                byte c = b[p];
                if (c == ',') {
                    addField(contentStart, contentEnd, hasEscapes);
                    p++;
                    continue;
                }
                if (c == '\n') {
                    addField(contentStart, contentEnd, hasEscapes);
                    line++;
                    pos = p + 1;
                    return;
                }
                if (c == '\r') {
                    p++;
                    if (p == limit) {
                        pos = p;
                        if (!fill()) {
                            addField(contentStart, contentEnd, hasEscapes);
                            return;
                        }
                        p = pos;
                    }
                    if (b[p] == '\n') {
                        addField(contentStart, contentEnd, hasEscapes);
                        line++;
                        pos = p + 1;
                        return;
                    }
                }
                // Something follows the closing quote. The record is rejected; scan on as if the
                // field were unquoted, only to find where it ends.
                fail("text after the closing quote of field " + (fieldCount + 1));
                fieldStart = contentStart;
            }
            for (;;) {
                p = scanPlain(p);
                if (p == limit) {
                    pos = p;
                    if (!fill()) {
                        addField(fieldStart, pos - recStart, false);
                        return;
                    }
                    p = pos;
                    continue;
                }
                byte c = b[p];
                if (c == ',') {
                    addField(fieldStart, p - recStart, false);
                    p++;
                    continue fields;
                }
                if (c == '\n') {
                    addField(fieldStart, p - recStart, false);
                    line++;
                    pos = p + 1;
                    return;
                }
                if (c == '"') {
                    // Kept as a literal so that one stray quote cannot swallow the rest of the file.
                    fail("quote inside unquoted field " + (fieldCount + 1) + " (a field with quotes must be quoted)");
                    p++;
                    continue;
                }
                int crAt = p - recStart; // c == '\r'
                p++;
                if (p == limit) {
                    pos = p;
                    if (!fill()) {
                        addField(fieldStart, crAt, false);
                        return;
                    }
                    p = pos;
                }
                if (b[p] == '\n') {
                    addField(fieldStart, crAt, false);
                    line++;
                    pos = p + 1;
                    return;
                }
                fail("carriage return without line feed in unquoted field " + (fieldCount + 1));
            }
        }
    }

    /**
     * Index of the next byte that ends an unquoted run (comma, LF, CR, quote), or {@code limit}.
     * Looks at eight bytes per step while it can (SWAR: "SIMD within a register").
     */
    private int scanPlain(int p) {
        final byte[] b = buf;
        final int lim = limit;
        long h = 0;
        while (p + 8 <= lim) {
            long w = (long) LONGS.get(b, p);
            long stops = zeroBytes(w ^ COMMAS) | zeroBytes(w ^ LFS) | zeroBytes(w ^ CRS) | zeroBytes(w ^ QUOTES);
            if (stops != 0) {
                int k = Long.numberOfTrailingZeros(stops) >>> 3;
                h |= w & ((1L << (k << 3)) - 1); // only the bytes before the stop
                high |= (int) (h | h >>> 32);
                return p + k;
            }
            h |= w;
            p += 8;
        }
        while (p < lim) {
            byte c = b[p];
            if (PLAIN_STOP[c & 0xFF]) {
                break;
            }
            h |= c;
            p++;
        }
        high |= (int) (h | h >>> 32);
        return p;
    }

    /** Index of the next quote, or {@code limit}; counts the line feeds passed on the way. */
    private int scanQuoted(int p) {
        final byte[] b = buf;
        final int lim = limit;
        long h = 0;
        int lf = 0;
        while (p + 8 <= lim) {
            long w = (long) LONGS.get(b, p);
            long quotes = zeroBytes(w ^ QUOTES);
            if (quotes != 0) {
                int k = Long.numberOfTrailingZeros(quotes) >>> 3;
                long before = (1L << (k << 3)) - 1;
                h |= w & before;
                lf += Long.bitCount(zeroBytes(w ^ LFS) & before);
                p += k;
                high |= (int) (h | h >>> 32);
                line += lf;
                return p;
            }
            h |= w;
            long lfs = zeroBytes(w ^ LFS);
            if (lfs != 0) {
                lf += Long.bitCount(lfs);
            }
            p += 8;
        }
        while (p < lim) {
            byte c = b[p];
            if (c == '"') {
                break;
            }
            if (c == '\n') {
                lf++;
            }
            h |= c;
            p++;
        }
        high |= (int) (h | h >>> 32);
        line += lf;
        return p;
    }

    /**
     * 0x80 in every byte of {@code x} that is zero, 0 in all others; exact, with no carries
     * between bytes. XOR a word with a repeated byte first to find that byte.
     */
    private static long zeroBytes(long x) {
        long t = (x & 0x7F7F_7F7F_7F7F_7F7FL) + 0x7F7F_7F7F_7F7F_7F7FL;
        return ~(t | x | 0x7F7F_7F7F_7F7F_7F7FL);
    }

    private void addField(int start, int end, boolean hasEscapes) {
        if (tooLong) {
            return; // the bytes are gone; the record is reported without fields
        }
        if (fieldCount == starts.length) {
            int n = fieldCount * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            escaped = Arrays.copyOf(escaped, n);
        }
        starts[fieldCount] = start;
        ends[fieldCount] = end;
        escaped[fieldCount] = hasEscapes;
        fieldCount++;
    }

    /** Keeps the first problem of a record: later ones are usually its consequences. */
    private void fail(String what) {
        if (problem == null) {
            problem = what;
            problemField = fieldCount;
        }
    }

    private void finishRecord() {
        if (!tooLong && pos - recStart > maxRecordBytes) {
            tooLong = true;
        }
        if (tooLong) {
            String cause = problem == null ? "" : "; " + problem;
            problem = "record longer than " + maxRecordBytes + " bytes" + cause;
            problemField = -1;
            fieldCount = 0;
            ascii = true;
            return;
        }
        ascii = (high & 0x8080_8080) == 0;
        if (!ascii && problem == null) {
            checkUtf8();
        }
    }

    /** Validates the record's bytes as UTF-8 (RFC 3629: no overlongs, no surrogates, max U+10FFFF). */
    private void checkUtf8() {
        final byte[] b = buf;
        int end = pos;
        int i = recStart;
        while (i < end) {
            // Most bytes even of Cyrillic notes are ASCII (spaces, digits, punctuation, Latin
            // words): skip them eight at a time.
            while (i + 8 <= end && ((long) LONGS.get(b, i) & 0x8080_8080_8080_8080L) == 0) {
                i += 8;
            }
            if (i == end) {
                break;
            }
            int c = b[i] & 0xFF;
            if (c < 0x80) {
                i++;
                continue;
            }
            int n;
            int lo = 0x80;
            int hi = 0xBF;
            if (c >= 0xC2 && c <= 0xDF) {
                n = 1;
            } else if (c >= 0xE0 && c <= 0xEF) {
                n = 2;
                if (c == 0xE0) {
                    lo = 0xA0;
                } else if (c == 0xED) {
                    hi = 0x9F;
                }
            } else if (c >= 0xF0 && c <= 0xF4) {
                n = 3;
                if (c == 0xF0) {
                    lo = 0x90;
                } else if (c == 0xF4) {
                    hi = 0x8F;
                }
            } else {
                invalidUtf8(i);
                return;
            }
            for (int k = 1; k <= n; k++) {
                int cont = i + k < end ? b[i + k] & 0xFF : -1;
                if (k == 1 ? cont < lo || cont > hi : cont < 0x80 || cont > 0xBF) {
                    invalidUtf8(i);
                    return;
                }
            }
            i += n + 1;
        }
    }

    private void invalidUtf8(int at) {
        int rel = at - recStart;
        int field = 0;
        while (field < fieldCount - 1 && rel >= starts[field + 1] - 1) {
            field++;
        }
        problem = String.format("invalid UTF-8 (byte 0x%02X) in field %d", buf[at] & 0xFF, field + 1);
        problemField = field;
    }

    /**
     * Makes room for and reads more input. The current record, from {@code recStart}, is moved to
     * the front of the buffer; when it has grown past the limit it is dropped instead and marked
     * too long, and scanning continues only to find its end.
     *
     * @return false at end of input (nothing was added)
     */
    private boolean fill() throws IOException {
        int keep = limit - recStart;
        int drop = recStart;
        if (tooLong || keep > maxRecordBytes) {
            tooLong = true;
            drop = limit;
        }
        if (drop > 0) {
            System.arraycopy(buf, drop, buf, 0, limit - drop);
            limit -= drop;
            pos -= drop;
            recStart = tooLong ? 0 : recStart - drop;
        }
        if (eof) {
            return false;
        }
        int n;
        do {
            n = in.read(buf, limit, buf.length - limit);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            return false;
        }
        limit += n;
        return true;
    }
}
