package org.truce.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;
import org.truce.agreement.Agreement;
import org.truce.assessment.Assessment;
import org.truce.assessment.AssessmentEngine;
import org.truce.assessment.AssessmentTally;
import org.truce.assessment.DailyZoneCounts;
import org.truce.assessment.Outcome;
import org.truce.assessment.ProximityList;
import org.truce.facility.ProtectedObject;
import org.truce.format.ReadCounts;
import org.truce.format.acled.RowScreen;
import org.truce.format.result.AnswerCsvWriter;
import org.truce.format.result.FindingsJsonlWriter;
import org.truce.target.TargetLexicon;
import org.truce.zone.Zone;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code truce assess}: streams an ACLED file through the engine and writes the answers, the
 * findings with their traces, and the rejected rows.
 */
@Command(
        name = "assess",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Assess every report of an ACLED CSV file against the agreement's commitments.",
            "Writes into --out: findings.jsonl (the assessments that need an analyst's eye, possible violations"
                    + " and undetermined ones, each with its rule trace; --findings all adds the out-of-scope ones),"
                    + " moratorium.csv and contact_line_daily.csv (proximity answers in the benchmark's format),"
                    + " rejects.csv (rows that could not be read, with line and reason)."
        })
final class AssessCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ReferenceOptions reference = new ReferenceOptions();

    @Option(names = "--events", paramLabel = "FILE", description = "Reports as ACLED CSV (default: events.csv in --in).")
    Path eventsFile;

    /** Resolved from the options by {@link #resolveInputs()}. */
    private Path agreementFile;
    private List<Path> facilityFiles;
    private List<Path> zoneFiles;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (created if missing).")
    Path outDir;

    @Option(names = "--quiet", description = "No progress on stderr.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that parse and assess (default: one per core). The output does not depend on it.")
    int threads = Runtime.getRuntime().availableProcessors();

    /** Which assessments findings.jsonl lists; every one is counted in the summary whatever the choice. */
    enum FindingsListed {
        /** Possible violations and undetermined assessments: what an analyst has to look at. */
        CONCERNS,
        /** Every assessment, the out-of-scope ones with their reason too. */
        ALL,
        /** No findings.jsonl. */
        NONE;

        boolean lists(Outcome outcome) {
            return this == ALL || this == CONCERNS && outcome != Outcome.OUT_OF_SCOPE;
        }
    }

    @Option(names = "--findings", paramLabel = "WHICH", converter = FindingsListedConverter.class,
            description = "What findings.jsonl lists: concerns (possible violations and undetermined, the default),"
                    + " all (out of scope too, each with its reason), or none (no file).")
    FindingsListed findingsListed = FindingsListed.CONCERNS;

    @Option(names = "--no-findings", description = "Same as --findings none.")
    boolean noFindings;

    static final class FindingsListedConverter implements CommandLine.ITypeConverter<FindingsListed> {
        @Override
        public FindingsListed convert(String value) {
            for (FindingsListed f : FindingsListed.values()) {
                if (f.name().equalsIgnoreCase(value)) {
                    return f;
                }
            }
            throw new CommandLine.TypeConversionException("expected concerns, all or none, got '" + value + "'");
        }
    }

    /**
     * The general path: every row of a day a commitment may concern becomes a report. Hidden; the
     * tests compare its outputs, byte for byte, with those of the screened path.
     */
    @Option(names = "--no-row-screen", hidden = true,
            description = "Make a report of every row of a day a commitment may concern (no row screening).")
    boolean noRowScreen;

    @Option(names = "--timings", description = "Print the time of each phase on stderr (phase_NAME_s=SECONDS).")
    boolean timings;

    /**
     * What one report's assessments contribute to the outputs, worked out on a worker thread and
     * applied in file order; small, since it waits in memory until its turn.
     */
    private record Assessed(FindingsJsonlWriter.EncodedLines findingsLines, int listed, Contribution[] contributions) {
    }

    /** What a report of a day no commitment can concern contributes: nothing. */
    private static final Assessed NOTHING = new Assessed(FindingsJsonlWriter.EncodedLines.NONE, 0, new Contribution[0]);

    /**
     * What a row passed over by the screen contributes: one out-of-scope assessment for each
     * commitment in {@code outOfScope} (bits as {@link AssessmentEngine#screen} sets them), none
     * listed, no answer row (those need a listed type in the window, which the screen sends to the
     * engine). The tally does not name a party for out-of-scope assessments.
     */
    private static Assessed outOfScopeOnly(List<String> commitments, int outOfScope) {
        if (outOfScope == 0) {
            return NOTHING;
        }
        List<Contribution> parts = new ArrayList<>(Integer.bitCount(outOfScope));
        for (int i = 0; i < commitments.size(); i++) {
            if ((outOfScope & 1 << i) != 0) {
                parts.add(new Contribution(commitments.get(i), Outcome.OUT_OF_SCOPE, "", null, -1));
            }
        }
        return new Assessed(FindingsJsonlWriter.EncodedLines.NONE, 0, parts.toArray(new Contribution[0]));
    }

    private record Contribution(String commitmentId, Outcome outcome, String who, ProximityList.Row row, int day) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        FindingsListed listed = noFindings ? FindingsListed.NONE : findingsListed;
        startNs = System.nanoTime();
        // The built-in lexicon takes a while to parse; it loads on another core while the inputs are read.
        CompletableFuture<TargetLexicon> lexicon = CompletableFuture.supplyAsync(TargetLexicon::builtIn);
        PrintStream err = System.err;
        resolveInputs();
        Agreement agreement = Inputs.agreement(agreementFile);
        Inputs.requireReadable(eventsFile, "--events");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new UserError("cannot create output folder " + outDir + ": " + e.getMessage(), e);
        }
        Inputs.Loaded<ProtectedObject> objects = Inputs.facilities(facilityFiles, outDir.resolve("rejects_facilities.csv"));
        List<Zone> zones = Inputs.zones(zoneFiles);

        if (threads < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1, got " + threads);
        }
        phase("load", startNs);
        AssessmentEngine engine = new AssessmentEngine(agreement, objects.items(), zones, lexicon.join());
        engine.warnings().forEach(w -> err.println("truce: warning: " + w));
        Optional<ProximityList> proximity = ProximityList.forFirstMoratorium(agreement)
                .filter(p -> engine.assessedCommitments().contains(p.commitmentId()));
        Optional<DailyZoneCounts> daily = DailyZoneCounts.forFirstCeasefire(agreement)
                .filter(d -> engine.assessedCommitments().contains(d.commitmentId()));
        AssessmentTally tally = new AssessmentTally();
        engine.assessedCommitments().forEach(tally::register);

        Path rejectsFile = outDir.resolve("rejects.csv");
        ReadCounts counts;
        long findingsWritten;
        // Accepted rows made into reports, and rows counted without one (worker threads add to both).
        LongAdder withReport = new LongAdder();
        LongAdder withoutReport = new LongAdder();
        long assessStart = System.nanoTime();
        Path findingsFile = outDir.resolve("findings.jsonl");
        if (listed == FindingsListed.NONE) {
            Files.deleteIfExists(findingsFile);
        }
        try (FindingsJsonlWriter findings = listed == FindingsListed.NONE ? FindingsJsonlWriter.discarding()
                : new FindingsJsonlWriter(findingsFile)) {
            // Rows whose assessments can be counted from their checked fields (no assessment, or
            // only out-of-scope ones that are not listed) are checked and counted but never become reports.
            List<String> commitmentIds = engine.assessedCommitments();
            RowScreen screen;
            IntFunction<Assessed> passedOver;
            if (noRowScreen || commitmentIds.size() > 8) {
                screen = RowScreen.byDay(engine::mayConcernDay);
                passedOver = code -> {
                    withoutReport.increment();
                    return NOTHING;
                };
            } else {
                boolean listsOutOfScope = listed.lists(Outcome.OUT_OF_SCOPE);
                screen = row -> {
                    int outOfScope = engine.screen(row.day(), row.timePrecision(), row.eventType(), row.latitude(),
                            row.longitude(), row.geoPrecision(), row.textTest());
                    return outOfScope == AssessmentEngine.NEEDS_REPORT || listsOutOfScope && outOfScope != 0
                            ? RowScreen.MAKE_REPORT : outOfScope;
                };
                Assessed[] byCode = new Assessed[1 << commitmentIds.size()];
                for (int code = 0; code < byCode.length; code++) {
                    byCode[code] = outOfScopeOnly(commitmentIds, code);
                }
                passedOver = code -> {
                    withoutReport.increment();
                    return byCode[code];
                };
            }
            counts = Inputs.streamReports(eventsFile, rejectsFile, quiet ? null : err, threads,
                    screen, passedOver,
                    report -> {
                        withReport.increment();
                        List<Assessment> assessed = engine.assess(report);
                        Contribution[] parts = new Contribution[assessed.size()];
                        List<Assessment> toList = new ArrayList<>(parts.length);
                        for (int i = 0; i < parts.length; i++) {
                            Assessment a = assessed.get(i);
                            if (listed.lists(a.outcome())) {
                                toList.add(a);
                            }
                            parts[i] = new Contribution(a.commitmentId(), a.outcome(),
                                    AssessmentTally.who(a, report.actor1()),
                                    proximity.map(p -> p.rowFor(report, a)).orElse(null),
                                    daily.map(d -> d.dayOf(report, a)).orElse(-1));
                        }
                        FindingsJsonlWriter.EncodedLines lines = FindingsJsonlWriter.encodeLines(report, toList);
                        return new Assessed(lines, toList.size(), parts);
                    },
                    assessed -> {
                        for (Contribution c : assessed.contributions()) {
                            tally.add(c.commitmentId(), c.outcome(), c.who());
                            if (c.row() != null) {
                                proximity.get().add(c.row());
                            }
                            if (c.day() >= 0) {
                                daily.get().countDay(c.day());
                            }
                        }
                        findings.writeEncoded(assessed.findingsLines(), assessed.listed());
                    });
            findingsWritten = findings.written();
        }
        phase("assess", assessStart);
        if (timings) {
            System.err.printf(Locale.ROOT, "rows_with_report=%d rows_without_report=%d%n", withReport.sum(),
                    withoutReport.sum());
        }
        summary(out, agreement, objects, counts, rejectsFile, findingsWritten, listed, tally);
        long answersStart = System.nanoTime();
        if (proximity.isPresent()) {
            List<ProximityList.Row> rows = proximity.get().rows();
            AnswerCsvWriter.writeMoratorium(outDir.resolve("moratorium.csv"), rows);
            out.printf(Locale.ROOT, "answers: %s (%,d rows, commitment %s)%n", outDir.resolve("moratorium.csv"),
                    rows.size(), proximity.get().commitmentId());
        }
        if (daily.isPresent()) {
            var days = daily.get().days();
            AnswerCsvWriter.writeDailyCounts(outDir.resolve("contact_line_daily.csv"), days);
            out.printf(Locale.ROOT, "answers: %s (%d days, commitment %s)%n",
                    outDir.resolve("contact_line_daily.csv"), days.size(), daily.get().commitmentId());
        }
        phase("answers", answersStart);
        phase("total", startNs);
        out.flush();
        return 0;
    }

    private long startNs;

    private void phase(String name, long fromNs) {
        if (timings) {
            System.err.printf(Locale.ROOT, "phase_%s_s=%.3f%n", name, (System.nanoTime() - fromNs) / 1e9);
        }
    }

    /** Fills the inputs not given as options from the --in folder, by their conventional names. */
    private void resolveInputs() throws IOException {
        Inputs.Folder files = reference.resolve(spec.commandLine());
        eventsFile = eventsFile != null ? eventsFile : files.events();
        if (eventsFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "give --events FILE, or --in DIR holding events.csv");
        }
        agreementFile = files.agreement();
        facilityFiles = files.facilities();
        zoneFiles = files.zones();
    }

    private static void summary(PrintWriter out, Agreement agreement, Inputs.Loaded<ProtectedObject> objects,
            ReadCounts counts, Path rejectsFile, long findingsWritten, FindingsListed listed, AssessmentTally tally) {
        out.printf(Locale.ROOT, "agreement %s: %d commitments, %d positions%n", agreement.id(),
                agreement.commitments().size(), agreement.positions().size());
        out.printf(Locale.ROOT, "reports: %,d read, %,d accepted, %,d rejected%s%n", counts.read(), counts.accepted(),
                counts.rejected(), counts.rejected() > 0 ? " (see " + rejectsFile + ")" : "");
        out.printf(Locale.ROOT, "protected objects: %,d accepted, %,d rejected%n", objects.items().size(),
                objects.rejected());
        long assessments = 0;
        for (String id : tally.commitments()) {
            for (Outcome o : Outcome.values()) {
                assessments += tally.count(id, o);
            }
        }
        out.printf(Locale.ROOT, "assessments: %,d%s%n", assessments, switch (listed) {
            case NONE -> "";
            case ALL -> ", all written to findings.jsonl";
            case CONCERNS -> String.format(Locale.ROOT, ", %,d written to findings.jsonl (possible violations and"
                    + " undetermined; --findings all lists the %,d out of scope too)", findingsWritten,
                    assessments - findingsWritten);
        });
        out.printf(Locale.ROOT, "%-28s %20s %14s %14s%n", "commitment", "possible_violation", "undetermined",
                "out_of_scope");
        for (String id : tally.commitments()) {
            out.printf(Locale.ROOT, "%-28s %,20d %,14d %,14d%n", id, tally.count(id, Outcome.POSSIBLE_VIOLATION),
                    tally.count(id, Outcome.UNDETERMINED), tally.count(id, Outcome.OUT_OF_SCOPE));
        }
        for (String id : tally.commitments()) {
            Map<String, Long> byParty = tally.violationsByParty(id);
            if (!byParty.isEmpty()) {
                StringBuilder line = new StringBuilder("possible violations of " + id + " by claimed actor:");
                byParty.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                        .limit(10)
                        .forEach(e -> line.append(String.format(Locale.ROOT, " %s %,d;", e.getKey(), e.getValue())));
                out.println(line.substring(0, line.length() - 1));
            }
        }
    }
}
