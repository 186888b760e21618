package org.truce.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.truce.agreement.Agreement;
import org.truce.assessment.Assessment;
import org.truce.assessment.AssessmentEngine;
import org.truce.assessment.AssessmentTally;
import org.truce.assessment.DailyZoneCounts;
import org.truce.assessment.Outcome;
import org.truce.assessment.ProximityList;
import org.truce.facility.ProtectedObject;
import org.truce.format.ReadCounts;
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
            "Writes into --out: findings.jsonl (one assessment per report and commitment, with its rule trace),"
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

    @Option(names = "--no-findings",
            description = "Do not write findings.jsonl (the summary and the answer files are still written).")
    boolean noFindings;

    @Option(names = "--timings", description = "Print the time of each phase on stderr (phase_NAME_s=SECONDS).")
    boolean timings;

    /**
     * What one report's assessments contribute to the outputs, worked out on a worker thread and
     * applied in file order; small, since it waits in memory until its turn.
     */
    private record Assessed(byte[] findingsLines, Contribution[] contributions) {
    }

    private static final byte[] NO_LINES = new byte[0];

    private record Contribution(String commitmentId, Outcome outcome, String who, ProximityList.Row row, int day) {
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        startNs = System.nanoTime();
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
        AssessmentEngine engine = new AssessmentEngine(agreement, objects.items(), zones, TargetLexicon.builtIn());
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
        long assessStart = System.nanoTime();
        Path findingsFile = outDir.resolve("findings.jsonl");
        if (noFindings) {
            Files.deleteIfExists(findingsFile);
        }
        try (FindingsJsonlWriter findings = noFindings ? FindingsJsonlWriter.discarding()
                : new FindingsJsonlWriter(findingsFile)) {
            counts = Inputs.streamReports(eventsFile, rejectsFile, quiet ? null : err, threads,
                    report -> {
                        List<Assessment> assessed = engine.assess(report);
                        Contribution[] parts = new Contribution[assessed.size()];
                        for (int i = 0; i < parts.length; i++) {
                            Assessment a = assessed.get(i);
                            parts[i] = new Contribution(a.commitmentId(), a.outcome(),
                                    AssessmentTally.who(a, report.actor1()),
                                    proximity.map(p -> p.rowFor(report, a)).orElse(null),
                                    daily.map(d -> d.dayOf(report, a)).orElse(-1));
                        }
                        byte[] lines = noFindings ? NO_LINES : FindingsJsonlWriter.encodeLines(report, assessed);
                        return new Assessed(lines, parts);
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
                        findings.writeEncoded(assessed.findingsLines(), assessed.contributions().length);
                    });
            findingsWritten = findings.written();
        }
        phase("assess", assessStart);
        summary(out, agreement, objects, counts, rejectsFile, findingsWritten, !noFindings, tally);
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
            ReadCounts counts, Path rejectsFile, long findings, boolean findingsWritten, AssessmentTally tally) {
        out.printf(Locale.ROOT, "agreement %s: %d commitments, %d positions%n", agreement.id(),
                agreement.commitments().size(), agreement.positions().size());
        out.printf(Locale.ROOT, "reports: %,d read, %,d accepted, %,d rejected%s%n", counts.read(), counts.accepted(),
                counts.rejected(), counts.rejected() > 0 ? " (see " + rejectsFile + ")" : "");
        out.printf(Locale.ROOT, "protected objects: %,d accepted, %,d rejected%n", objects.items().size(),
                objects.rejected());
        out.printf(Locale.ROOT, "assessments: %,d%s%n", findings, findingsWritten ? " written to findings.jsonl" : "");
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
