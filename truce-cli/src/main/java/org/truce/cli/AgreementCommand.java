package org.truce.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.truce.agreement.Agreement;
import org.truce.format.agreement.AgreementTable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code truce agreement show FILE}: the agreement as a readable table. */
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
                    + " then the positions of each party.")
    static final class Show implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "Agreement JSON file.")
        Path file;

        @Override
        public Integer call() {
            Agreement agreement = Inputs.agreement(file);
            spec.commandLine().getOut().print(AgreementTable.render(agreement));
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
