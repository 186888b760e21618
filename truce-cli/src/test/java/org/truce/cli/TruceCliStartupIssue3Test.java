package org.truce.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * FEATURE UNDER TEST (issue 3, start-up): {@code main} builds a command line holding only the
 * subcommand the first argument names. For every subcommand, that line must behave as the full
 * one: same usage text, same qualified name, same message and exit code for a wrong option.
 */
class TruceCliStartupIssue3Test {

    static List<String> subcommandNames() {
        return java.util.Arrays.stream(TruceCli.class.getAnnotation(Command.class).subcommands())
                .filter(c -> c != CommandLine.HelpCommand.class)
                .map(c -> c.getAnnotation(Command.class).name())
                .toList();
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void theLeanCommandLineHoldsOnlyTheNamedSubcommandAndDescribesItAsTheFullOneDoes() {
        List<String> names = subcommandNames();
        assertThat(names).contains("assess", "demo", "agreement", "serve");
        for (String name : names) {
            CommandLine lean = TruceCli.commandLine(new String[] {name, "--help"});
            CommandLine full = TruceCli.commandLine().getSubcommands().get(name);
            assertThat(lean.getSubcommands()).as(name).containsOnlyKeys(name);
            CommandLine sub = lean.getSubcommands().get(name);
            assertThat(sub.getCommandSpec().qualifiedName()).as(name).isEqualTo("truce " + name);
            assertThat(sub.getUsageMessage(CommandLine.Help.Ansi.OFF)).as(name)
                    .isEqualTo(full.getUsageMessage(CommandLine.Help.Ansi.OFF));
            assertThat(sub.getSubcommands().keySet()).as(name).isEqualTo(full.getSubcommands().keySet());
        }
    }

    @Test
    void aWrongOptionGetsTheSameMessageAndExitCodeEitherWay() {
        for (String name : subcommandNames()) {
            String[] args = {name, "--no-such-option"};
            Run lean = run(TruceCli.commandLine(args), args);
            Run full = run(TruceCli.commandLine(), args);
            assertThat(lean).as(name).isEqualTo(full);
            assertThat(lean.exit()).as(name).isEqualTo(TruceCli.EXIT_INPUT);
            assertThat(lean.err()).as(name).contains("Try 'truce " + name + " --help'.");
        }
    }

    @Test
    void argumentsThatNameNoSubcommandGetTheFullCommandLine() {
        assertThat(TruceCli.commandLine(new String[0]).getSubcommands()).containsKeys("assess", "demo", "help");
        assertThat(TruceCli.commandLine(new String[] {"--version"}).getSubcommands()).containsKeys("assess", "help");
        assertThat(TruceCli.commandLine(new String[] {"help", "assess"}).getSubcommands()).containsKeys("assess", "help");
        assertThat(TruceCli.subcommandNamed("assess")).isEqualTo(AssessCommand.class);
        assertThat(TruceCli.subcommandNamed("nothing")).isNull();
    }
}
