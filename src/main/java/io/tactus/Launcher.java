package io.tactus;

import io.tactus.cli.CliLogging;
import io.tactus.cli.TactusCli;
import java.util.logging.Logger;

/**
 * Entry point of tactus.jar. No arguments: the desktop app. Any argument: the headless CLI.
 * Deliberately not a JavaFX Application subclass, so `java -jar` works with JavaFX on the classpath.
 */
public final class Launcher {

    /**
     * Held strongly: java.util.logging keeps loggers only weakly, and a collected logger would lose the filter.
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on every start
     * of the shaded jar, which puts JavaFX on the class path on purpose (stack-notes: the module path breaks
     * `java -jar`); that warning would be the first line every user reads, so only it is dropped. Made for the
     * app only: a logger initialises the logging framework, which the commands leave until something logs.
     */
    private static Logger javafxLog;

    private Launcher() {
    }

    public static void main(String[] args) {
        // One line per log record ("WARNING: ..."), not java.util.logging's two-line default.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        if (args.length > 0) {
            CliLogging.quietLibraries();
            System.exit(TactusCli.run(args));
        }
        String noDisplay = DesktopCheck.missingDisplay(System.getProperty("os.name", ""), System.getenv());
        if (noDisplay != null) {
            System.err.println(noDisplay);
            System.exit(1);
        }
        javafxLog = Logger.getLogger("javafx");
        javafxLog.setFilter(r -> r.getMessage() == null
                || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            javafx.application.Application.launch(io.tactus.app.TactusApp.class, args);
        } catch (RuntimeException | Error failure) {
            String why = DesktopCheck.explain(failure, System.getenv());
            if (why == null) {
                throw failure;
            }
            System.err.println(why);
            System.exit(1);
        }
    }
}
