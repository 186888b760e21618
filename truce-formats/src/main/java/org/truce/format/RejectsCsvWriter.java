package org.truce.format;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.truce.format.csv.CsvText;

/**
 * The project's standard {@link RejectSink}: writes {@code rejects.csv} with the columns
 * {@code line,<id column>,field,reason,raw} (the id column is {@code event_id_cnty} unless told
 * otherwise), UTF-8, LF line endings, RFC 4180 quoting. {@code raw} is the rejected record
 * re-encoded as one CSV line (or the feature's JSON), so it survives being nested in a field.
 *
 * <p>Not thread-safe: one reader feeds one writer. The header is written on construction, so an
 * empty rejects file still says what it would contain.
 */
public final class RejectsCsvWriter implements RejectSink, Closeable, Flushable {

    public static final String DEFAULT_ID_COLUMN = "event_id_cnty";

    private final Writer out;
    private final StringBuilder row = new StringBuilder(256);
    private final Map<String, Long> byField = new TreeMap<>();
    private long count;

    public RejectsCsvWriter(Writer out) throws IOException {
        this(out, DEFAULT_ID_COLUMN);
    }

    public RejectsCsvWriter(Writer out, String idColumn) throws IOException {
        this.out = out;
        out.write(CsvText.line(List.of("line", idColumn, "field", "reason", "raw")));
        out.write('\n');
    }

    /** Creates (or replaces) {@code file} with the default id column {@code event_id_cnty}. */
    public static RejectsCsvWriter create(Path file) throws IOException {
        return create(file, DEFAULT_ID_COLUMN);
    }

    public static RejectsCsvWriter create(Path file, String idColumn) throws IOException {
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        try {
            return new RejectsCsvWriter(w, idColumn);
        } catch (IOException | RuntimeException e) {
            w.close();
            throw e;
        }
    }

    /** Writes one row; an I/O failure is rethrown unchecked because the sink interface cannot throw. */
    @Override
    public void reject(Rejection r) {
        row.setLength(0);
        row.append(r.line()).append(',');
        CsvText.appendField(row, r.recordId()).append(',');
        CsvText.appendField(row, r.field()).append(',');
        CsvText.appendField(row, r.reason()).append(',');
        CsvText.appendField(row, CsvText.line(r.raw())).append('\n');
        try {
            out.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a rejection", e);
        }
        count++;
        byField.merge(r.field(), 1L, Long::sum);
    }

    /** Rows written so far. */
    public long count() {
        return count;
    }

    /** Rows written so far per field ("" for malformed records), sorted by field name. */
    public Map<String, Long> countsByField() {
        return Collections.unmodifiableMap(new TreeMap<>(byField));
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
