package io.tactus.cli;

import io.tactus.session.IoReason;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the headless CLI: `java -jar target/tactus.jar <command> --help`. */
@Command(name = "tactus", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Tactus: live pressure feedback for learning back massage (training aid, not a medical device).")
public final class TactusCli implements Runnable {

    /** The commands, in help order. */
    private static final List<Class<?>> COMMANDS = List.of(PortsCommand.class, MonitorCommand.class,
            SimulateCommand.class, RecordCommand.class, InfoCommand.class, AnalyzeCommand.class, ExportCommand.class,
            ReportCommand.class, LibraryCommand.class, ProgressCommand.class, CohortCommand.class,
            CommandLine.HelpCommand.class);

    static {
        // picocli's default factory looks up Groovy's Closure class once (Groovy scripts may put closures in
        // annotations). A class that is not there is searched for along the whole class path, which opened and
        // indexed the 46 MB jar at every start (~10 ms); nothing here is Groovy. Set before any CommandLine exists:
        // every way into the CLI goes through this class.
        if (System.getProperty("picocli.disable.closures") == null) {
            System.setProperty("picocli.disable.closures", "true");
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see --help)");
    }

    /**
     * Runs the CLI and returns the exit code (0 ok, 1 runtime failure, 2 bad arguments). When the first argument
     * names a command, only that command is built: picocli reflects over every option of every command it is
     * given, which was most of the start-up time of a one-second command like {@code info}.
     */
    public static int run(String... args) {
        return commandLineFor(args).execute(args);
    }

    /** Only the named command when the first argument names one, else the whole CLI. */
    static CommandLine commandLineFor(String... args) {
        String first = args.length > 0 ? args[0] : "";
        for (Class<?> c : COMMANDS) {
            Command cmd = c.getAnnotation(Command.class);
            if (c != CommandLine.HelpCommand.class && cmd != null && List.of(cmd.name()).contains(first)) {
                return configure(new CommandLine(new TactusCli()).addSubcommand(c));
            }
        }
        return newCommandLine();
    }

    /** The whole CLI, every command (root help, {@code help CMD}, unknown commands). */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new TactusCli());
        for (Class<?> c : COMMANDS) {
            cl.addSubcommand(c);
        }
        return configure(cl);
    }

    private static CommandLine configure(CommandLine cl) {
        Outcomes outcomes = new Outcomes();
        cl.setExecutionStrategy(outcomes);
        cl.setParameterExceptionHandler(outcomes);
        cl.setExecutionExceptionHandler(outcomes);
        return cl;
    }

    /**
     * How a run ends: help as written, a command's output stripped of control characters, bad arguments and
     * failures as one line. A named class rather than three lambdas because picocli's handler interfaces are
     * Java 5 class files: the lambdas' generated classes made JDK 17's class-sharing archive leave those
     * interfaces and the classes built on them out, so every start opened the 46 MB jar to load them
     * (docs/BENCHMARKS.md, "Cold start").
     */
    private static final class Outcomes implements CommandLine.IExecutionStrategy,
            CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler {

        /**
         * Whatever a command prints is stripped of control characters (device texts reach the terminal). Help is
         * printed before, with the original writers: it is our own text and may be coloured (ANSI).
         */
        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            CommandLine cl = parseResult.commandSpec().commandLine();
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null || parseResult.asCommandLineList().get(parseResult.asCommandLineList().size() - 1)
                    .getCommand() instanceof CommandLine.HelpCommand) {
                return help != null ? help : new CommandLine.RunLast().execute(parseResult);
            }
            cl.setOut(SafeOutput.wrap(cl.getOut()));
            cl.setErr(SafeOutput.wrap(cl.getErr()));
            return new CommandLine.RunLast().execute(parseResult);
        }

        /** Bad arguments: one line on stderr and exit 2, no usage dump. */
        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] args) {
            SafeOutput.wrap(ex.getCommandLine().getErr()).println("tactus: " + ex.getMessage() + " (try --help)");
            return 2;
        }

        /** Runtime failures: one line, never a stack trace (set TACTUS_DEBUG=1 for the trace). */
        @Override
        public int handleExecutionException(Exception ex, CommandLine c, CommandLine.ParseResult parseResult) {
            // A bare Java file exception's message is only its path: IoReason adds why (permission denied...).
            SafeOutput.wrap(c.getErr()).println("tactus: " + (ex instanceof java.io.IOException io ? IoReason.message(io)
                    : ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (System.getenv("TACTUS_DEBUG") != null) {
                ex.printStackTrace(c.getErr());
            }
            return 1;
        }
    }
}
