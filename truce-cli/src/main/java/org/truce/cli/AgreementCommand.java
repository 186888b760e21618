package org.truce.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.truce.agreement.Agreement;
import org.truce.exchange.ExchangeLedger;
import org.truce.format.agreement.AgreementTable;
import org.truce.format.agreement.ExchangeTable;
import org.truce.format.agreement.ExchangesJson;
import org.truce.format.agreement.TimelineJson;
import org.truce.format.agreement.TimelineTable;
import org.truce.timeline.Timeline;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code truce agreement show FILE}: the agreement as a readable table, followed by the exchange
 * ledger and the process timeline when exchanges.json and timeline.json sit beside it.
 */
@Command(
        name = "agreement",
        mixinStandardHelpOptions = true,
        description = "Work with agreement files.",
        subcommands = {AgreementCommand.Show.class, CommandLine.HelpCommand.class})
final class AgreementCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required (show)");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print each commitment with its kind, parties and their stance, and its window(s);"
                    + " then the positions of each party; then, when they are in the same folder, the exchanges"
                    + " (" + ExchangesJson.FILE_NAME + ": every source's figures, the N-for-N balance, discrepancies)"
                    + " and the timeline (" + TimelineJson.FILE_NAME + ").")
    static final class Show implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Agreement JSON file.")
        Path file;

        @Override
        public Integer call() {
            Agreement agreement = Inputs.agreement(file);
            // Read every file before printing anything: a broken companion file prints only its errors.
            Path folder = file.toAbsolutePath().getParent();
            Optional<ExchangeLedger> exchanges = Inputs.exchanges(folder.resolve(ExchangesJson.FILE_NAME), agreement);
            Optional<Timeline> timeline = Inputs.timeline(folder.resolve(TimelineJson.FILE_NAME), agreement);
            PrintWriter out = spec.commandLine().getOut();
            out.print(AgreementTable.render(agreement));
            exchanges.ifPresent(ledger -> out.print(ExchangeTable.render(ledger)));
            timeline.ifPresent(t -> out.print(TimelineTable.render(t)));
            out.flush();
            return 0;
        }
    }
}
