package org.truce.bench;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.truce.target.ChosenTerms;
import org.truce.target.TargetLexicon;
import org.truce.target.TargetReading;
import org.truce.target.TargetScreen;

/**
 * The lexicon's one-pass walk (issue 3) on notes mixed as in gen.py's 1M file: about half name
 * nothing, and many of those hold the first word of a term without the rest ("no report",
 * "weapons use", "energy sector"), which a screen of first words alone let through. The others
 * hint in English, name a target in Ukrainian, Russian or French, or mention the agreement
 * (an ignore phrase). {@value #NOTES} notes.
 */
@State(Scope.Benchmark)
public class TargetReadBenchmark {

    static final int NOTES = 4_096;

    private static final String[] OPENINGS = {
        "On %d May 2025, Russian forces launched drones at %s.",
        "On %d May 2025, Ukrainian forces shelled %s.",
        "On %d May 2025, forces were reported near %s: weapons use disrupted.",
        "On %d May 2025, Russian forces attacked civilians in %s.",
        "On %d May 2025, the two sides clashed near %s.",
    };
    private static final String[] PLACES = {"Kupiansk", "Orikhiv", "Nikopol", "Kam'ianske", "Shebekino", "Lyman"};
    /** Weighted so that about half of the notes have no second sentence. */
    private static final String[] SECOND_SENTENCES = {
        "", "", "", "", "", "", "", "",
        "Local officials spoke of damage to \"critical infrastructure\" and power outages.",
        "Local officials spoke of damage to \"critical infrastructure\" and power outages.",
        "Ушкоджено підстанцію, частина району без світла.",
        "Повреждена подстанция, часть района обесточена.",
        "Selon la préfecture, la centrale thermique a été endommagée.",
        "A spokesman said the energy truce was not respected; the energy sector was not hit.",
    };
    private static final String[] SIZES = {"no report", "about 10", "a few"};

    TargetLexicon lexicon;
    TargetScreen any;
    TargetScreen energy;
    String[] notes;
    byte[][] utf8;

    @Setup
    public void setUp() {
        lexicon = TargetLexicon.builtIn();
        any = lexicon.screen(category -> true);
        energy = lexicon.screen(category -> category.startsWith("energy."));
        notes = notes(NOTES, 7L);
        utf8 = new byte[NOTES][];
        for (int i = 0; i < NOTES; i++) {
            utf8[i] = notes[i].getBytes(StandardCharsets.UTF_8);
        }
    }

    static String[] notes(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            StringBuilder note = new StringBuilder(String.format(java.util.Locale.ROOT,
                    OPENINGS[rnd.nextInt(OPENINGS.length)], 1 + rnd.nextInt(28), PLACES[rnd.nextInt(PLACES.length)]));
            String second = SECOND_SENTENCES[rnd.nextInt(SECOND_SENTENCES.length)];
            if (!second.isEmpty()) {
                note.append(' ').append(second);
            }
            note.append(" [size=").append(SIZES[rnd.nextInt(SIZES.length)]).append(']');
            if (rnd.nextInt(4) == 0) {
                note.append(' ').append(1 + rnd.nextInt(9)).append(" fatalities reported.");
            }
            out[i] = note.toString();
        }
        return out;
    }

    /** Notes per second read in full by the lexicon (the moratorium's place check, text path). */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(NOTES)
    public int read() {
        int named = 0;
        for (String note : notes) {
            TargetReading reading = lexicon.read(null, note);
            named += reading.namedCategories().size() + reading.hints().size();
        }
        return named;
    }

    /**
     * Notes per second read into chosen terms and decided on as the moratorium does (names an
     * energy category? hints at one? names any?), without making the reading (issue 3).
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(NOTES)
    public int chooseAndDecide() {
        int decided = 0;
        for (String note : notes) {
            ChosenTerms chosen = lexicon.choose(null, note);
            decided += chosen.names(ENERGY) ? 3 : chosen.hintsAt(ENERGY) ? 2 : chosen.namesAny() ? 1 : 0;
        }
        return decided;
    }

    private static final java.util.function.Predicate<String> ENERGY = category -> category.startsWith("energy.");

    /** Notes per second screened for any category as Strings. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(NOTES)
    public int screenAnyString() {
        int may = 0;
        for (String note : notes) {
            may += any.mayMatch(note) ? 1 : 0;
        }
        return may;
    }

    /** Notes per second screened for energy terms on their UTF-8 bytes, as the row screen does. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(NOTES)
    public int screenEnergyBytes() {
        int may = 0;
        for (byte[] note : utf8) {
            may += energy.mayMatch(note, 0, note.length) ? 1 : 0;
        }
        return may;
    }
}
