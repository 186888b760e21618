package org.truce.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.truce.assessment.Assessment;
import org.truce.assessment.AssessmentEngine;
import org.truce.format.FormatException;
import org.truce.format.ReadCounts;
import org.truce.format.RejectsCsvWriter;
import org.truce.format.acled.AcledReader;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.server.ReferenceData;
import org.truce.server.TruceServer;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.report.FullImport;
import org.truce.store.report.ImportOutcome;
import org.truce.store.report.ImportSummary;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code truce import}: an ACLED CSV file into the record. New rows are added, changed rows get a
 * new version, and with {@code --full} rows missing from the file are recorded as deleted (never
 * erased). Each new or changed report is assessed at once and its findings stored.
 */
@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Import reports from an ACLED CSV file into the record (the database of truce serve).",
            "Rows are matched by event_id_cnty within the source: new ones are added, changed ones get a new version;"
                    + " with --full, reports the file no longer has are marked deleted. Nothing is overwritten"
                    + " without a recorded version, nothing is erased."
        })
final class ImportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "ACLED CSV file.")
    Path eventsFile;

    @Option(names = "--source", required = true, paramLabel = "ID",
            description = "Who supplies the file, e.g. acled (registered as a dataset source if new).")
    String sourceId;

    @Option(names = "--source-name", paramLabel = "NAME", description = "The source's name when it is new.")
    String sourceName;

    @Option(names = "--full", description = "The file is the source's whole dataset: mark missing reports deleted.")
    boolean full;

    @CommandLine.Mixin
    ReferenceOptions referenceFiles = new ReferenceOptions();

    @CommandLine.Mixin
    DatabaseOptions databaseOptions = new DatabaseOptions();

    @Option(names = "--rejects", paramLabel = "FILE", description = "Where unreadable rows go (default ${DEFAULT-VALUE}).")
    Path rejectsFile = Path.of("rejects.csv");

    @Override
    public Integer call() throws IOException {
        Inputs.requireReadable(eventsFile, "FILE");
        Inputs.Folder files = referenceFiles.resolve(spec.commandLine());
        ReferenceData reference;
        try {
            reference = ReferenceData.load(files.agreement(), files.facilities(), files.zones());
        } catch (AgreementFormatException e) {
            throw new UserError(e.getMessage(), e);
        }
        AssessmentEngine engine = TruceServer.engineFor(reference);
        DataSourceConfig database = databaseOptions.config();

        Map<ImportOutcome.Effect, Integer> effects = new EnumMap<>(ImportOutcome.Effect.class);
        int[] assessed = {0};
        Set<String> incidents = new TreeSet<>();
        ReadCounts counts;
        ImportSummary summary = null;
        try (Database db = Database.open(database);
                RejectsCsvWriter rejects = RejectsCsvWriter.create(rejectsFile)) {
            if (db.sources().find(sourceId).isEmpty()) {
                db.sources().register(new Source(sourceId, sourceName == null ? sourceId : sourceName, SourceKind.DATASET));
            }
            FullImport fullImport = full ? db.reports().beginFullImport(sourceId, "import of " + eventsFile.getFileName())
                    : null;
            AcledReader reader = new AcledReader(rejection -> {
                rejects.reject(rejection);
                if (fullImport != null && rejection.recordId() != null && !rejection.recordId().isEmpty()) {
                    fullImport.keep(rejection.recordId()); // an unreadable row is not a deletion
                }
            });
            try {
                counts = reader.read(eventsFile, report -> {
                    ImportOutcome outcome = fullImport != null ? fullImport.add(report)
                            : db.reports().upsertFromImport(sourceId, report);
                    effects.merge(outcome.effect(), 1, Integer::sum);
                    if (outcome.effect() != ImportOutcome.Effect.UNCHANGED) {
                        List<Assessment> findings = engine.assess(report);
                        db.findings().replaceFindingsFor(outcome.reportId(), reference.basis(), findings);
                        assessed[0]++;
                        // Grouped as the API's intake groups: joins the nearest incident or starts one.
                        incidents.add(db.incidents().place(outcome.reportId(), sourceId, report, reference.basis(),
                                findings));
                    } else if (!db.incidents().isGrouped(outcome.reportId())) {
                        // Imported before imports grouped reports: grouped now, on findings computed afresh.
                        incidents.add(db.incidents().place(outcome.reportId(), sourceId, report, reference.basis(),
                                engine.assess(report)));
                    }
                });
            } catch (FormatException e) {
                throw new UserError(e.getMessage(), e);
            }
            if (fullImport != null) {
                summary = fullImport.finish();
                // A report marked deleted leaves its incident's counts and findings: recompute those.
                List<Long> deleted = new ArrayList<>();
                for (String externalId : summary.deletedExternalIds()) {
                    db.reports().findCurrent(sourceId, externalId).ifPresent(r -> deleted.add(r.id()));
                }
                incidents.addAll(db.incidents().recomputeForReports(deleted, reference.basis()));
            }
        }
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "source %s: %,d rows read, %,d accepted, %,d rejected%s%n", sourceId, counts.read(),
                counts.accepted(), counts.rejected(), counts.rejected() > 0 ? " (see " + rejectsFile + ")" : "");
        out.printf(Locale.ROOT, "reports: %,d new, %,d updated, %,d restored, %,d unchanged%s%n",
                effects.getOrDefault(ImportOutcome.Effect.CREATED, 0), effects.getOrDefault(ImportOutcome.Effect.UPDATED, 0),
                effects.getOrDefault(ImportOutcome.Effect.RESTORED, 0),
                effects.getOrDefault(ImportOutcome.Effect.UNCHANGED, 0),
                summary == null ? "" : String.format(Locale.ROOT, ", %,d marked deleted", summary.deleted()));
        out.printf(Locale.ROOT, "findings stored for %,d new or changed reports%n", assessed[0]);
        out.printf(Locale.ROOT, "incidents: %,d grouped or recomputed (reports near in time and place join one)%n",
                incidents.size());
        out.flush();
        return 0;
    }
}
