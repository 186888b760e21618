package org.truce.cli;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.truce.agreement.Agreement;
import org.truce.exchange.ExchangeLedger;
import org.truce.format.FormatException;
import org.truce.format.agreement.AgreementFormatException;
import org.truce.format.agreement.ExchangesJson;
import org.truce.format.agreement.TimelineJson;
import org.truce.publication.DailyReport;
import org.truce.publication.DailyReportBuilder;
import org.truce.publication.DailyReportHtml;
import org.truce.publication.DailyReportPdf;
import org.truce.publication.Language;
import org.truce.publication.StoreRecord;
import org.truce.server.ReferenceData;
import org.truce.server.ServerConfig;
import org.truce.server.TruceServer;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.timeline.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code truce report}: publications made from the record. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = "Publications made from the record (the daily monitoring report).",
        subcommands = {ReportCommand.Daily.class})
final class ReportCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a report is required (daily)");
    }

    /** {@code truce report daily}: the day's report as HTML and PDF. */
    @Command(
            name = "daily",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Write the daily monitoring report of a day as one HTML file and its PDF:"
                        + " possible violations per party of each commitment in force, the top ones with their"
                        + " rule trace, coverage, exchanges, milestones, a map and a 30-day chart.",
                "The same record and day give the same bytes."
            })
    static final class Daily implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "The report's day.")
        String date;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the files into.")
        Path outDir;

        @Option(names = "--lang", paramLabel = "en|fr", description = "Language (default ${DEFAULT-VALUE}).")
        String lang = "en";

        @Option(names = "--demo",
                description = "Report on the demo record (the synthetic stream of 'truce demo', built in a temporary"
                        + " folder) and the example agreement, instead of --data/--jdbc-url; --in may name the"
                        + " example folder.")
        boolean demo;

        @CommandLine.Mixin
        DatabaseOptions database = new DatabaseOptions();

        @CommandLine.Mixin
        ReferenceOptions reference = new ReferenceOptions();

        @Override
        public Integer call() throws IOException, InterruptedException {
            LocalDate day = parseDate(spec.commandLine(), date);
            Language language;
            try {
                language = Language.ofTag(lang);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--lang: " + e.getMessage());
            }
            if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
                throw new UserError("--out " + outDir + ": exists and is not a folder");
            }
            if (demo) {
                Path work = Files.createTempDirectory("truce-report-demo-");
                try {
                    Inputs.Folder files = Inputs.Folder.of(
                            reference.inDir != null ? reference.inDir : DemoCommand.exampleFolder());
                    ReferenceData ref = load(files);
                    Companions companions = Companions.beside(files.agreement(), ref.agreement());
                    DataSourceConfig db = DataSourceConfig.embedded(work.resolve("data"));
                    buildDemoRecord(files, work.resolve("data"));
                    return write(db, ref, companions, day, language);
                } finally {
                    deleteTree(work);
                }
            }
            DataSourceConfig db = PublishedRecord.existing(database);
            Inputs.Folder files = reference.resolve(spec.commandLine());
            ReferenceData ref = load(files);
            return write(db, ref, Companions.beside(files.agreement(), ref.agreement()), day, language);
        }

        private int write(DataSourceConfig config, ReferenceData ref, Companions companions, LocalDate day,
                Language language) throws IOException {
            DailyReport report;
            try (Database db = Database.open(config)) {
                report = new DailyReportBuilder(ref.agreement(), companions.record(db)).build(day);
            }
            String html = new DailyReportHtml(language, ref.objects(), ref.zones()).render(report);
            byte[] pdf = DailyReportPdf.render(html, language, day);
            Files.createDirectories(outDir);
            String stem = "daily-report-" + day + "." + language.tag();
            Path htmlFile = outDir.resolve(stem + ".html");
            Path pdfFile = outDir.resolve(stem + ".pdf");
            PublishedRecord.writeAtomically(htmlFile, html.getBytes(StandardCharsets.UTF_8));
            PublishedRecord.writeAtomically(pdfFile, pdf);
            var out = spec.commandLine().getOut();
            long violations = report.inForce().stream().mapToLong(DailyReport.CommitmentSection::possibleViolationsOnDay)
                    .sum();
            out.println("truce: daily report of " + day + " (" + language.tag() + "): " + report.inForce().size()
                    + " commitment(s) in force, " + violations + " possible violation(s), "
                    + report.coverage().reportsOnDay() + " report(s) on the day");
            out.println("truce: wrote " + htmlFile + " and " + pdfFile);
            out.flush();
            return 0;
        }

        /** The demo record: a server on a free local port for as long as the synthetic stream is posted. */
        private static void buildDemoRecord(Inputs.Folder files, Path dataDir) throws IOException, InterruptedException {
            ServerConfig config = ServerConfig.defaults().withPort(0).withDataDirectory(dataDir)
                    .withAgreement(files.agreement()).withFacilities(files.facilities()).withZones(files.zones());
            String token = DemoAccounts.streamToken(config.database());
            try (TruceServer server = ServeCommand.open(config)) {
                server.start(0);
                DemoCommand.seed(server, HttpClient.newHttpClient(), DemoCommand.DEFAULT_INITIAL, token);
            }
        }

        private static void deleteTree(Path dir) throws IOException {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static LocalDate parseDate(CommandLine cl, String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(cl, "--date must be YYYY-MM-DD, got '" + text + "'");
        }
    }

    static ReferenceData load(Inputs.Folder files) throws IOException {
        try {
            return ReferenceData.load(files.agreement(), files.facilities(), files.zones());
        } catch (AgreementFormatException | FormatException e) {
            throw new UserError(e.getMessage(), e);
        }
    }

    /**
     * The exchange ledger and the process timeline beside the agreement file, when there are any,
     * as {@code truce serve} reads them; the report prints "not available" for a missing one.
     */
    record Companions(ExchangeLedger exchanges, Timeline timeline) {

        static Companions beside(Path agreementFile, Agreement agreement) {
            return new Companions(
                    Inputs.exchanges(agreementFile.resolveSibling(ExchangesJson.FILE_NAME), agreement).orElse(null),
                    Inputs.timeline(agreementFile.resolveSibling(TimelineJson.FILE_NAME), agreement).orElse(null));
        }

        StoreRecord record(Database db) {
            return new StoreRecord(db, exchanges, timeline);
        }
    }

    /** Used by both report and export: a record must exist before anything is published from it. */
    static final class PublishedRecord {

        private PublishedRecord() {
        }

        static DataSourceConfig existing(DatabaseOptions options) {
            if (options.jdbcUrl == null && !Files.isRegularFile(options.dataDir.resolve("truce.mv.db"))) {
                throw new UserError("--data " + options.dataDir + ": no record there (no truce.mv.db); import reports"
                        + " or run 'truce serve' first, or use --demo");
            }
            return options.config();
        }

        /** Written beside the target, then moved over it: a failed run leaves the old file or none. */
        static void writeAtomically(Path target, byte[] bytes) throws IOException {
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            // Not createTempFile: its owner-only permissions would stay on the published file.
            Path tmp = parent.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".part");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
