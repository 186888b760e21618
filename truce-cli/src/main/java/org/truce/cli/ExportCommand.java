package org.truce.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;
import org.truce.agreement.Agreement;
import org.truce.publication.ObservedReport;
import org.truce.publication.StoreRecord;
import org.truce.publication.export.RecordExport;
import org.truce.store.Database;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce export}: the record's reports and findings in a standard format. */
@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Export the record: its reports with their findings, or a bundle of its entries and proofs.",
            "The live reports with their findings under the agreement:",
            "  acled-csv  ACLED's columns under ACLED's names, then truce_* columns (source, version, findings,"
                    + " incident and its verification status)",
            "  geojson    a GeoJSON FeatureCollection of report points with their findings",
            "  json       the whole record (sources, reports, findings with their rule trace) as one JSON document"
        })
final class ExportCommand implements Callable<Integer> {

    static final List<String> FORMATS = java.util.Arrays.stream(RecordExport.values()).map(RecordExport::wireName)
            .toList();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "acled-csv, geojson or json; not with --since, which writes a record bundle.")
    String format;

    @Option(names = "--since", paramLabel = "CHECKPOINT",
            description = "Write the tamper-evident record as a bundle for 'truce verify-bundle': the checkpoints from"
                    + " number CHECKPOINT on (or 'all'), the entries after it with their proofs, and the verifier key.")
    String since;

    @Option(names = "--key", paramLabel = "FILE",
            description = "With --since: the log's verifier key (.vkey) to put in the bundle (default: the demo's key"
                    + " in DIR/record-keys).")
    Path keyFile;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "Only reports of this event day or later.")
    String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Only reports of this event day or earlier.")
    String to;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "File to write (replaced whole).")
    Path outFile;

    @CommandLine.Mixin
    DatabaseOptions database = new DatabaseOptions();

    @CommandLine.Mixin
    ReferenceOptions reference = new ReferenceOptions();

    @Override
    public Integer call() throws IOException {
        if (since != null) {
            if (format != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--since writes a record bundle: leave out --format");
            }
            return RecordBundleExport.write(spec.commandLine().getOut(), database, since, keyFile, outFile);
        }
        if (format == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format is required (or --since for a record bundle)");
        }
        RecordExport export = RecordExport.ofWireName(format).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "--format must be one of " + String.join(", ", FORMATS) + ", got '" + format + "'"));
        LocalDate fromDay = from == null ? null : parseDay("--from", from);
        LocalDate toDay = to == null ? null : parseDay("--to", to);
        if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--from " + from + " is after --to " + to);
        }
        Agreement agreement = Inputs.agreement(reference.resolve(spec.commandLine()).agreement());
        StringWriter text = new StringWriter();
        int count;
        try (Database db = Database.open(ReportCommand.PublishedRecord.existing(database))) {
            StoreRecord record = new StoreRecord(db);
            List<ObservedReport> reports = record.reportsBetween(agreement.id(), fromDay, toDay);
            count = reports.size();
            export.write(agreement, record.sourceNames(), reports, text);
        }
        ReportCommand.PublishedRecord.writeAtomically(outFile, text.toString().getBytes(StandardCharsets.UTF_8));
        var out = spec.commandLine().getOut();
        out.println("truce: exported " + count + " report(s) as " + format + " to " + outFile);
        out.flush();
        return 0;
    }

    private LocalDate parseDay(String option, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be YYYY-MM-DD, got '" + text
                    + "'");
        }
    }
}
