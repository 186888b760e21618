package org.truce.cli;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.truce.agreement.Agreement;
import org.truce.agreement.Commitment;
import org.truce.publication.ObservedReport;
import org.truce.publication.StoreRecord;
import org.truce.publication.export.AcledCsvExport;
import org.truce.publication.export.GeoJsonExport;
import org.truce.publication.export.RecordJsonExport;
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
            "Export the record's live reports with their findings under the agreement:",
            "  acled-csv  ACLED's columns under ACLED's names, then truce_* columns (source, version, findings)",
            "  geojson    a GeoJSON FeatureCollection of report points with their findings",
            "  json       the whole record (sources, reports, findings with their rule trace) as one JSON document"
        })
final class ExportCommand implements Callable<Integer> {

    static final List<String> FORMATS = List.of("acled-csv", "geojson", "json");

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
        if (!FORMATS.contains(format)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format must be one of " + String.join(", ", FORMATS) + ", got '" + format + "'");
        }
        Agreement agreement = Inputs.agreement(reference.resolve(spec.commandLine()).agreement());
        StringWriter text = new StringWriter();
        int count;
        try (Database db = Database.open(ReportCommand.PublishedRecord.existing(database))) {
            StoreRecord record = new StoreRecord(db);
            List<ObservedReport> reports = record.allReports(agreement.id());
            count = reports.size();
            switch (format) {
                case "acled-csv" -> AcledCsvExport.write(reports,
                        agreement.commitments().stream().map(Commitment::id).toList(), text);
                case "geojson" -> GeoJsonExport.write(reports, text);
                default -> RecordJsonExport.write(agreement.id(), record.sourceNames(), reports, text);
            }
        }
        ReportCommand.PublishedRecord.writeAtomically(outFile, text.toString().getBytes(StandardCharsets.UTF_8));
        var out = spec.commandLine().getOut();
        out.println("truce: exported " + count + " report(s) as " + format + " to " + outFile);
        out.flush();
        return 0;
    }
}
