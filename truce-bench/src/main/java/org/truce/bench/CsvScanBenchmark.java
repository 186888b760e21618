package org.truce.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.truce.format.csv.CsvReader;
import org.truce.format.csv.CsvRecord;

/**
 * {@link CsvReader} over an in-memory ACLED-like file of {@value #ROWS} rows (a few MB, so the
 * reader, not the disk, is measured). Scores are records per second; multiply by the bytes per
 * row, which the set-up prints, for bytes per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(CsvScanBenchmark.ROWS)
public class CsvScanBenchmark {

    static final int ROWS = 20_000;

    byte[] csv;

    @Setup
    public void setUp() {
        prepare();
        // Printed once per fork, so that records/s can be read as bytes/s.
        System.out.printf(Locale.ROOT, "%nCsvScanBenchmark input: %,d rows, %,d bytes, %.1f bytes per row%n",
                ROWS, csv.length, bytesPerRow());
    }

    /** The input, without the note that {@link #setUp()} prints for JMH's log. */
    void prepare() {
        csv = Synthetic.acledCsv(ROWS, 20250318L);
    }

    double bytesPerRow() {
        return csv.length / (double) ROWS;
    }

    /** Splits records and fields only: the floor of any reading of the file. */
    @Benchmark
    public long scanRecordsAndFields() throws IOException {
        long fields = 0;
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv))) {
            reader.next(); // header
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                fields += r.fieldCount();
            }
        }
        return fields;
    }

    /**
     * Also decodes what the engine reads from every row: id, date, event type, coordinates,
     * precisions and fatalities (the notes stay undecoded).
     */
    @Benchmark
    public double scanAndDecodeKeyFields() throws IOException {
        double sum = 0;
        try (CsvReader reader = new CsvReader(new ByteArrayInputStream(csv))) {
            reader.next(); // header
            for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
                sum += r.field(0).length() + r.field(1).length() + r.field(4).length()
                        + r.doubleValue(11) + r.doubleValue(12)
                        + r.longValue(3) + r.longValue(13) + r.longValue(16);
            }
        }
        return sum;
    }
}
