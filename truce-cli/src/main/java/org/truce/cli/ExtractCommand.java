package org.truce.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.truce.extraction.Extraction;
import org.truce.extraction.Extractor;
import org.truce.extraction.Language;
import org.truce.extraction.StatementInput;
import org.truce.extraction.output.ItemFiles;
import org.truce.extraction.output.ReadableList;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code truce extract FILE}: candidate record entries from a statement, for a person to confirm. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = {"Read a statement (a readout, a news article; French or English) and list the measures,"
                + " exchanges, positions, claims and dated events it names, each with the words it rests on,"
                + " the rule that found it and a confidence.",
            "Writes draft-agreement.json (the agreement format, marked as a draft to review), items.jsonl,"
                + " exchanges.json and timeline.json. Everything is a candidate, never a finding."})
final class ExtractCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The statement: a UTF-8 text file.")
    Path file;

    @Option(names = "--lang", paramLabel = "fr|en|auto", defaultValue = "auto",
            description = "Language of the text; auto tells each line's language (default: ${DEFAULT-VALUE}).")
    String lang;

    @Option(names = "--published", paramLabel = "YYYY-MM-DD",
            description = "Publication date that relative dates and dates without a year are read against."
                    + " Default: a date alone on the first line, else a date at the start of the file name.")
    String published;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "out/extract",
            description = "Folder for the files written (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--max-bytes", paramLabel = "N", defaultValue = "" + StatementInput.DEFAULT_MAX_BYTES,
            description = "Refuse files larger than this (default: ${DEFAULT-VALUE}).")
    long maxBytes;

    @Override
    public Integer call() throws IOException {
        Language forced = switch (lang) {
            case "auto" -> null;
            default -> Language.fromCode(lang).orElseThrow(() ->
                    new UserError("--lang: expected fr, en or auto, found '" + lang + "'"));
        };
        Optional<LocalDate> given = Optional.empty();
        if (published != null) {
            try {
                given = Optional.of(LocalDate.parse(published));
            } catch (DateTimeParseException e) {
                throw new UserError("--published: expected a date YYYY-MM-DD, found '" + published + "'");
            }
        }
        String text;
        try {
            text = StatementInput.read(file, maxBytes);
        } catch (StatementInput.Refused e) {
            throw new UserError(e.getMessage());
        }
        Extractor extractor = Extractor.standard();
        LocalDate day;
        String basis;
        Optional<LocalDate> header = extractor.headerDate(text);
        Optional<LocalDate> fromName = StatementInput.fileNameDate(file);
        if (given.isPresent()) {
            day = given.get();
            basis = "--published";
        } else if (header.isPresent()) {
            day = header.get();
            basis = "date on the first line";
        } else if (fromName.isPresent()) {
            day = fromName.get();
            basis = "date in the file name";
        } else {
            Optional<LocalDate> latest = extractor.latestFullDate(text);
            if (latest.isEmpty()) {
                throw new UserError(file + ": no publication date on the first line, in the file name or in the text;"
                        + " give one with --published YYYY-MM-DD");
            }
            day = latest.get();
            basis = "latest full date in the text";
        }
        Extraction extraction = extractor.extract(text, forced, day, basis);
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        PrintWriter o = spec.commandLine().getOut();
        o.print(ReadableList.render(extraction, name));
        List<String> written = ItemFiles.writeAll(extraction, extractor.gazetteer(), name, out);
        if (!written.contains("draft-agreement.json")) {
            o.println("no commitment candidate: draft-agreement.json not written");
        }
        o.println("wrote " + String.join(", ", written) + " to " + out);
        o.flush();
        return 0;
    }
}
