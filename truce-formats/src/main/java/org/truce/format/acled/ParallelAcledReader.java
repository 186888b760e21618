package org.truce.format.acled;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import java.util.function.LongFunction;
import org.truce.format.FirstSeenIds;
import org.truce.format.FormatException;
import org.truce.format.ReadCounts;
import org.truce.format.RejectSink;
import org.truce.format.Rejection;
import org.truce.format.csv.CsvHeader;
import org.truce.format.csv.CsvReader;
import org.truce.format.csv.CsvRecord;
import org.truce.report.Report;

/**
 * Reads an ACLED file on several threads with the same results, in the same order, as
 * {@link AcledReader}: whatever the number of threads, the caller sees the same reports, the same
 * rejections and the same line numbers.
 *
 * <p>One thread cuts the file into slices of whole records (it follows quotes, so a line break
 * inside a quoted field never cuts a record); worker threads parse the slices and run the
 * caller's {@link Work} on each report; the calling thread takes the slices back in file order,
 * checks ids for repeats (which needs every earlier row) and hands each report with its work
 * result to {@link Commit}.
 */
public final class ParallelAcledReader {

    /** What the workers do with each report; runs on several threads at once. */
    @FunctionalInterface
    public interface Work<P> {
        P process(Report report);
    }

    /**
     * What the caller does with each accepted report's work result, in file order, on one thread.
     * Only the result is kept until then, not the report: results should be small.
     */
    @FunctionalInterface
    public interface Commit<P> {
        void accept(P result) throws IOException;
    }

    /** Slices of about this size keep every thread busy and memory small. */
    static final int DEFAULT_SLICE_BYTES = 1 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long LFS = 0x0A0A_0A0A_0A0A_0A0AL;
    private static final long QUOTES = 0x2222_2222_2222_2222L;

    private final RejectSink rejects;
    private final int threads;
    private final int sliceBytes;

    public ParallelAcledReader(RejectSink rejects, int threads) {
        this(rejects, threads, DEFAULT_SLICE_BYTES);
    }

    ParallelAcledReader(RejectSink rejects, int threads, int sliceBytes) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.rejects = rejects;
        this.threads = threads;
        this.sliceBytes = Math.max(sliceBytes, 64);
    }

    /**
     * Reads {@code file}. {@code progress} receives the number of bytes whose records have been
     * committed, after each slice.
     */
    public <P> ReadCounts read(Path file, Work<P> work, Commit<P> commit, LongConsumer progress) throws IOException {
        return read(file, DayFilter.ALL, null, work, commit, progress);
    }

    /**
     * Reads {@code file}, turning into reports only the rows whose day {@code days} wants. A row
     * passed over is still checked in full and counted as accepted; {@code commit} receives
     * {@code passedOver} for it, so that it still sees one result per accepted row in file order.
     */
    public <P> ReadCounts read(Path file, DayFilter days, P passedOver, Work<P> work, Commit<P> commit,
            LongConsumer progress) throws IOException {
        return read(file, RowScreen.byDay(days), code -> passedOver, work, commit, progress);
    }

    /**
     * Reads {@code file}, turning into reports only the rows {@code screen} does not pass over. A
     * row passed over is still checked in full and counted as accepted; {@code commit} receives
     * {@code passedOver} of the screen's code for it, so that it still sees one result per accepted
     * row in file order.
     */
    public <P> ReadCounts read(Path file, RowScreen screen, IntFunction<P> passedOver, Work<P> work,
            Commit<P> commit, LongConsumer progress) throws IOException {
        String source = file.toString();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Slicer slicer = new Slicer(channel, sliceBytes);
            Slice headerSlice = slicer.next();
            if (headerSlice == null) {
                throw new FormatException(source + ": empty file, expected a header line");
            }
            CsvReader headerReader = new CsvReader(new ByteArrayInputStream(headerSlice.bytes, 0, headerSlice.length));
            CsvHeader header = CsvHeader.read(headerReader, source);
            header.require(AcledReader.REQUIRED_COLUMNS);
            AcledReader.RowDecoder prototype = new AcledReader.RowDecoder(header, screen);
            ThreadLocal<AcledReader.RowDecoder> decoders = ThreadLocal.withInitial(prototype::copy);
            // The header slice may hold rows after the header: parse it as a slice, skipping line 1.
            Slice first = headerSlice;

            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "truce-parse");
                t.setDaemon(true);
                return t;
            });
            BlockingQueue<Future<Parsed<P>>> inFlight = new ArrayBlockingQueue<>(threads + 1);
            Thread cutter = new Thread(() -> {
                try {
                    submit(pool, inFlight, first, true, decoders, work, passedOver);
                    Slice s;
                    while ((s = slicer.next()) != null) {
                        submit(pool, inFlight, s, false, decoders, work, passedOver);
                    }
                    inFlight.put(end());
                } catch (IOException e) {
                    putQuietly(inFlight, failed(e));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "truce-cut");
            cutter.setDaemon(true);
            cutter.start();
            try {
                return commitInOrder(inFlight, commit, progress, slicer);
            } finally {
                cutter.interrupt();
                pool.shutdownNow();
            }
        }
    }

    private <P> ReadCounts commitInOrder(BlockingQueue<Future<Parsed<P>>> inFlight, Commit<P> commit,
            LongConsumer progress, Slicer slicer) throws IOException {
        FirstSeenIds ids = new FirstSeenIds();
        long read = 0;
        long rejected = 0;
        try {
            for (;;) {
                Future<Parsed<P>> next = inFlight.take();
                if (next == END) {
                    return new ReadCounts(read, read - rejected, rejected);
                }
                Parsed<P> parsed = next.get();
                // One per slice: a lambda made per row was a million allocations on this thread.
                LongFunction<List<String>> rawFieldsAtLine = parsed.slice::fieldsAtLine;
                for (int i = 0; i < parsed.rows.size(); i++) {
                    AcledReader.Decoded row = parsed.rows.get(i);
                    read++;
                    Rejection problem = row.rejectionGiven(ids, rawFieldsAtLine);
                    if (problem != null) {
                        rejected++;
                        rejects.reject(problem);
                    } else {
                        commit.accept(parsed.results.get(i));
                    }
                }
                progress.accept(parsed.slice.endOffset);
                // Nothing reads the slice's bytes after this (the rows were parsed, the duplicates found).
                slicer.recycle(parsed.slice.bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(cause);
        }
    }

    private static <P> void submit(ExecutorService pool, BlockingQueue<Future<Parsed<P>>> inFlight, Slice slice,
            boolean skipHeader, ThreadLocal<AcledReader.RowDecoder> decoders, Work<P> work, IntFunction<P> passedOver)
            throws InterruptedException {
        inFlight.put(pool.submit(() -> parse(slice, skipHeader, decoders.get(), work, passedOver)));
    }

    private static <P> Parsed<P> parse(Slice slice, boolean skipHeader, AcledReader.RowDecoder decoder, Work<P> work,
            IntFunction<P> passedOver) throws IOException {
        CsvReader csv = slice.reader(READ_BUFFER.get());
        if (skipHeader) {
            csv.next();
        }
        int expected = Math.max(16, slice.length / 256);
        List<AcledReader.Decoded> rows = new ArrayList<>(expected);
        List<P> results = new ArrayList<>(expected);
        CsvRecord rec;
        while ((rec = csv.next()) != null) {
            AcledReader.Decoded row = decoder.decode(rec);
            results.add(row.report() != null ? work.process(row.report())
                    : row.passedOver() ? passedOver.apply(row.passCode()) : null);
            // Keep what the ordered check needs, not the report: reports then die young.
            rows.add(row.withoutReport());
        }
        return new Parsed<>(slice, rows, results);
    }

    /**
     * The parser's working buffer, one per worker thread and reused for every slice it parses: a
     * buffer per slice was a third of the bytes the run allocated, each one larger than half a G1
     * region (a "humongous" allocation). A slice's rows keep no reference to it.
     */
    private static final ThreadLocal<byte[]> READ_BUFFER =
            ThreadLocal.withInitial(() -> new byte[CsvReader.bufferBytes(CsvReader.DEFAULT_MAX_RECORD_BYTES)]);

    private static void putQuietly(BlockingQueue<?> queue, Object item) {
        @SuppressWarnings("unchecked")
        BlockingQueue<Object> q = (BlockingQueue<Object>) queue;
        q.clear();
        q.offer(item);
    }

    private record Parsed<P>(Slice slice, List<AcledReader.Decoded> rows, List<P> results) {
    }

    /** Marks the end of the slices. */
    @SuppressWarnings("rawtypes")
    private static final Future END = java.util.concurrent.CompletableFuture.completedFuture(null);

    @SuppressWarnings("unchecked")
    private static <P> Future<Parsed<P>> end() {
        return (Future<Parsed<P>>) (Future<?>) END;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Future failed(IOException e) {
        return java.util.concurrent.CompletableFuture.failedFuture(e);
    }

    /** Whole records from the file, with the line the first of them starts on. */
    static final class Slice {
        final byte[] bytes;
        final int length;
        final long firstLine;
        final long endOffset;

        Slice(byte[] bytes, int length, long firstLine, long endOffset) {
            this.bytes = bytes;
            this.length = length;
            this.firstLine = firstLine;
            this.endOffset = endOffset;
        }

        CsvReader reader() {
            return reader(null);
        }

        /** A reader of the slice working in {@code buffer} (see {@link CsvReader#bufferBytes}), or in its own when null. */
        CsvReader reader(byte[] buffer) {
            return new CsvReader(new ByteArrayInputStream(bytes, 0, length), CsvReader.DEFAULT_MAX_RECORD_BYTES,
                    firstLine, buffer);
        }

        /** Reads the slice again to give the fields of the record on {@code line}; a rare path. */
        List<String> fieldsAtLine(long line) {
            try {
                CsvReader csv = reader();
                CsvRecord rec;
                while ((rec = csv.next()) != null) {
                    if (rec.line() == line) {
                        return rec.fields();
                    }
                }
                return List.of();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Cuts the file after the last record end in each block. It tracks only quote parity: in
     * RFC 4180 a doubled quote inside a quoted field flips it twice, so a line feed with the parity
     * even ends a record.
     */
    static final class Slicer {
        private final FileChannel channel;
        private final int sliceBytes;
        private byte[] carry = new byte[0];
        private int carryLength;
        private long nextLine = 1;
        private long offset;
        private boolean eof;

        /**
         * Slice buffers whose rows are all committed, for the next slices: a new 1 MB array per
         * slice was a seventh of the bytes the run allocated. Only buffers of the usual size come back.
         */
        private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(8);

        Slicer(FileChannel channel, int sliceBytes) {
            this.channel = channel;
            this.sliceBytes = sliceBytes;
        }

        /** Takes back a slice's buffer once nothing reads it any more. */
        void recycle(byte[] sliceBuffer) {
            if (sliceBuffer.length == sliceBytes) {
                spare.offer(sliceBuffer);
            }
        }

        Slice next() throws IOException {
            if (eof && carryLength == 0) {
                return null;
            }
            int capacity = Math.max(sliceBytes, carryLength * 2);
            for (;;) {
                byte[] buf = capacity == sliceBytes ? spare.poll() : null;
                if (buf == null) {
                    buf = new byte[capacity];
                }
                System.arraycopy(carry, 0, buf, 0, carryLength);
                int length = carryLength;
                ByteBuffer target = ByteBuffer.wrap(buf);
                target.position(length);
                while (!eof && target.hasRemaining()) {
                    if (channel.read(target) < 0) {
                        eof = true;
                    }
                }
                length = target.position();
                // One pass finds the last record end and the line feeds before it.
                long cut = eof ? -1 : lastRecordEndAndLines(buf, length);
                int end = eof ? length : cut < 0 ? -1 : (int) (cut >>> 32);
                long lines = eof || cut < 0 ? -1 : cut & 0xFFFF_FFFFL;
                if (end < 0) {
                    if (capacity >= CsvReader.DEFAULT_MAX_RECORD_BYTES * 4) {
                        // No record end in 4 MiB: a quote that never closes. Hand the block over as it
                        // is; the parser reports the unterminated field and the rest goes on.
                        end = length;
                        lines = -1;
                    } else {
                        carry = buf;
                        carryLength = length;
                        capacity *= 2;
                        continue;
                    }
                }
                carry = Arrays.copyOfRange(buf, end, Math.max(end, length));
                carryLength = length - end;
                if (end == 0 && eof) {
                    return null;
                }
                Slice slice = new Slice(buf, end, nextLine, offset + end);
                offset += end;
                nextLine += lines >= 0 ? lines : countLineFeeds(buf, end);
                return slice;
            }
        }

        /** Index just after the last line feed outside quotes in buf[0, length), or -1. */
        static int lastRecordEnd(byte[] buf, int length) {
            long cut = lastRecordEndAndLines(buf, length);
            return cut < 0 ? -1 : (int) (cut >>> 32);
        }

        /**
         * {@link #lastRecordEnd} in the high 32 bits and the number of line feeds before it (quoted
         * ones too) in the low 32, or -1 when there is no record end: the line count took a second
         * pass over the slice, and this one already looks at the bytes of each word with a line feed.
         */
        static long lastRecordEndAndLines(byte[] buf, int length) {
            boolean quoted = false;
            int last = -1;
            int lines = 0;
            int linesAtLast = 0;
            int i = 0;
            while (i + 8 <= length) {
                long w = (long) LONGS.get(buf, i);
                long hits = zeroBytes(w ^ QUOTES) | zeroBytes(w ^ LFS);
                if (hits == 0) {
                    i += 8;
                    continue;
                }
                int stop = i + 8;
                for (; i < stop; i++) {
                    byte c = buf[i];
                    if (c == '"') {
                        quoted = !quoted;
                    } else if (c == '\n') {
                        lines++;
                        if (!quoted) {
                            last = i + 1;
                            linesAtLast = lines;
                        }
                    }
                }
            }
            for (; i < length; i++) {
                byte c = buf[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (c == '\n') {
                    lines++;
                    if (!quoted) {
                        last = i + 1;
                        linesAtLast = lines;
                    }
                }
            }
            return last < 0 ? -1 : (long) last << 32 | linesAtLast;
        }

        static long countLineFeeds(byte[] buf, int length) {
            long n = 0;
            int i = 0;
            while (i + 8 <= length) {
                n += Long.bitCount(zeroBytes((long) LONGS.get(buf, i) ^ LFS));
                i += 8;
            }
            for (; i < length; i++) {
                if (buf[i] == '\n') {
                    n++;
                }
            }
            return n;
        }

        /** A word with the high bit set in each byte of w that is zero (exact, no false hits). */
        private static long zeroBytes(long w) {
            long t = (w & 0x7F7F_7F7F_7F7F_7F7FL) + 0x7F7F_7F7F_7F7F_7F7FL;
            return ~(t | w | 0x7F7F_7F7F_7F7F_7F7FL);
        }
    }
}
