package org.truce.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.truce.target.TargetLexicon;
import org.truce.target.TargetReading;
import org.truce.target.TargetScreen;

/**
 * The target lexicon on report notes: the full reading ({@link TargetLexicon#read}) against the
 * screen that {@code truce assess} asks first, on UTF-8 bytes in
 * place ({@link TargetScreen#mayMatch(byte[], int, int)}) and on a decoded String. {@value #NOTES}
 * notes shaped like gen.py's, about four in five naming a target.
 */
@State(Scope.Benchmark)
public class TargetScreenBenchmark {

    static final int NOTES = 4_096;

    TargetLexicon lexicon;
    TargetScreen energy;
    String[] notes;
    byte[][] utf8;

    @Setup
    public void setUp() {
        lexicon = TargetLexicon.builtIn();
        energy = lexicon.screen(category -> category.startsWith("energy."));
        notes = Synthetic.notes(NOTES, 5L);
        utf8 = new byte[NOTES][];
        for (int i = 0; i < NOTES; i++) {
            utf8[i] = notes[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Notes per second read by the lexicon. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(NOTES)
    public int lexiconRead() {
        int named = 0;
        for (String note : notes) {
            TargetReading reading = lexicon.read(null, note);
            named += reading.namedCategories().size();
        }
        return named;
    }

    /** Notes per second screened on their bytes, as the CSV reader passes them. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(NOTES)
    public int screenBytes() {
        int may = 0;
        for (byte[] note : utf8) {
            may += energy.mayMatch(note, 0, note.length) ? 1 : 0;
        }
        return may;
    }

    /** Notes per second screened as Strings, as the engine does before reading a report's notes. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(NOTES)
    public int screenString() {
        int may = 0;
        for (String note : notes) {
            may += energy.mayMatch(note) ? 1 : 0;
        }
        return may;
    }
}
