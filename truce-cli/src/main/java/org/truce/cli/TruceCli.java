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
        System.exit(commandLine(args).execute(args));
    }

    /** The configured command line, shared by main and by tests that run it in-process. */
    public static CommandLine commandLine() {
        return configured(new CommandLine(new TruceCli()));
    }

    /**
     * The command line for {@code args}. When the first argument names a subcommand, the root
     * holds that subcommand only: picocli models every subcommand it is given, by reflection,
     * before it parses anything, and for all fourteen that took about a tenth of a second of
     * every {@code truce assess} run's start-up. The subcommand itself is modelled as in
     * {@link #commandLine()}, so its options, help and messages are the same.
     */
    static CommandLine commandLine(String[] args) {
        Class<?> named = args.length > 0 ? subcommandNamed(args[0]) : null;
        if (named == null) {
            return commandLine();
        }
        Command root = TruceCli.class.getAnnotation(Command.class);
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.wrapWithoutInspection(new TruceCli())
                .name(root.name())
                .version(root.version())
                .mixinStandardHelpOptions(root.mixinStandardHelpOptions());
        spec.usageMessage().description(root.description());
        CommandLine cl = new CommandLine(spec);
        cl.addSubcommand(args[0], new CommandLine(named));
        return configured(cl);
    }

    /** The subcommand class called {@code name} in TruceCli's annotation (help excepted), or null. */
    static Class<?> subcommandNamed(String name) {
        for (Class<?> c : TruceCli.class.getAnnotation(Command.class).subcommands()) {
            Command sub = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class && sub != null && sub.name().equals(name)
                    && sub.aliases().length == 0) {
                return c;
            }
        }
        return null;
    }

    private static CommandLine configured(CommandLine cl) {
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
