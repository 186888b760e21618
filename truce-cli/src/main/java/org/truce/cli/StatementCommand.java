package org.truce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.truce.store.Database;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;
import org.truce.store.statement.NewStatement;
import org.truce.store.statement.StatementRepository;
import org.truce.store.statement.StatementText;
import org.truce.store.statement.StoredStatement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code truce statement add|list}: texts sources publish, kept whole in the record. */
@Command(
        name = "statement",
        mixinStandardHelpOptions = true,
        description = "Keep statements (readouts, articles) in the record, whole, with the SHA-256 of their text.",
        subcommands = {StatementCommand.Add.class, StatementCommand.ListAll.class, CommandLine.HelpCommand.class})
final class StatementCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (add, list)");
    }

    @Command(name = "add", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Store the text of FILE (plain UTF-8) as a statement of the source.",
                "The same text from the same source is stored once: adding it again prints the stored statement."})
    static final class Add implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "The statement's text, plain UTF-8.")
        Path file;

        @Option(names = "--source", required = true, paramLabel = "ID",
                description = "Who supplies it, e.g. kremlin, whitehouse, afp (registered if new).")
        String sourceId;

        @Option(names = "--source-name", paramLabel = "NAME", description = "The source's name when it is new.")
        String sourceName;

        @Option(names = "--source-kind", paramLabel = "KIND",
                description = "The source's kind when it is new: dataset, monitor, party, outlet or other"
                        + " (default ${DEFAULT-VALUE}).")
        String sourceKind = "outlet";

        @Option(names = "--lang", required = true, paramLabel = "TAG",
                description = "Language of the text (BCP 47: fr, en, uk, ru...).")
        String language;

        @Option(names = "--outlet", paramLabel = "NAME", description = "Who published it, when not the source itself.")
        String outlet;

        @Option(names = "--published", paramLabel = "YYYY-MM-DD", description = "Publication date.")
        LocalDate published;

        @Option(names = "--retrieved", paramLabel = "INSTANT",
                description = "When the text was fetched from its origin, e.g. 2025-03-19T07:30:00Z.")
        Instant retrieved;

        @Option(names = "--url", paramLabel = "URL", description = "Where it was published.")
        String url;

        @Option(names = "--title", paramLabel = "TEXT", description = "Its headline.")
        String title;

        @CommandLine.Mixin
        DatabaseOptions databaseOptions = new DatabaseOptions();

        @Override
        public Integer call() throws IOException {
            Inputs.requireReadable(file, "FILE");
            // A statement is at most MAX_CHARS characters, so at most four bytes each.
            long size = Files.size(file);
            if (size > 4L * StatementText.MAX_CHARS) {
                throw new UserError(file + ": " + size + " bytes is far more than a statement may have ("
                        + StatementText.MAX_CHARS + " characters); split it into its articles or readouts");
            }
            NewStatement statement;
            try {
                String text = StatementText.decode(Files.readAllBytes(file), file.toString());
                statement = new NewStatement(sourceId, outlet, language, published, retrieved, url, title, text);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), e);
            }
            SourceKind kind = Arrays.stream(SourceKind.values())
                    .filter(k -> k.wireName().equals(sourceKind))
                    .findFirst()
                    .orElseThrow(() -> new UserError("--source-kind: one of " + Arrays.stream(SourceKind.values())
                            .map(SourceKind::wireName).collect(Collectors.joining(", ")) + ", got '" + sourceKind + "'"));
            StatementRepository.Added added;
            try (Database db = Database.open(databaseOptions.config())) {
                if (db.sources().find(sourceId).isEmpty()) {
                    try {
                        db.sources().register(new Source(sourceId, sourceName == null ? sourceId : sourceName, kind));
                    } catch (IllegalArgumentException e) {
                        throw new UserError("--source: " + e.getMessage(), e);
                    }
                }
                added = db.statements().add(statement);
            }
            StoredStatement s = added.statement();
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "%s statement %d: %s, %s, %,d bytes, sha256 %s%n",
                    added.created() ? "stored" : "already stored as", s.id(), s.sourceId(), s.language(),
                    s.size_bytes(), s.textSha256());
            out.flush();
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List the statements in the record, newest publication first.")
    static final class ListAll implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        DatabaseOptions databaseOptions = new DatabaseOptions();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Database.open(databaseOptions.config())) {
                int total = db.statements().count();
                out.printf(Locale.ROOT, "%d statement%s%n", total, total == 1 ? "" : "s");
                for (int offset = 0; offset < total; offset += 500) {
                    for (StoredStatement s : db.statements().list(500, offset)) {
                        out.printf(Locale.ROOT, "%6d  %-10s  %-12s  %-5s  %s  %s%n", s.id(),
                                s.published() == null ? "-" : s.published(), s.sourceId(), s.language(),
                                s.textSha256().substring(0, 12), s.title().isEmpty() ? "(no title)" : s.title());
                    }
                }
            }
            out.flush();
            return 0;
        }
    }
}
