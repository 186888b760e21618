package org.truce.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code truce} command: one engine, this is its command-line door. */
@Command(
        name = "truce",
        mixinStandardHelpOptions = true,
        version = "truce 0.1.0",
        description = "Monitors ceasefire and de-escalation agreements: turns an agreement into checkable"
                + " commitments and assesses reported events against them.",
        subcommands = {DemoCommand.class, AssessCommand.class, AgreementCommand.class, ImportCommand.class, ServeCommand.class,
            StatementCommand.class, ExtractCommand.class, KeygenCommand.class, VerifyCommand.class, VerifyBundleCommand.class,
            ReportCommand.class, ExportCommand.class, CompactCommand.class, CosignCommand.class,
            CommandLine.HelpCommand.class})
public final class TruceCli implements Runnable {

    /** Exit code for wrong arguments or unreadable input (picocli uses 2 for usage errors too). */
    static final int EXIT_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main and by tests that run it in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TruceCli());
        // One clear line for wrong arguments, then where to look; no stack trace.
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("truce: " + ex.getMessage());
            err.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return EXIT_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (ex instanceof UserError u) {
                err.println("truce: " + u.getMessage());
                return EXIT_INPUT;
            }
            err.println("truce: internal error: " + ex);
            ex.printStackTrace(err);
            return 1;
        });
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (assess, agreement)");
    }
}
