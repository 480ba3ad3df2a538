package io.tactus;

import io.tactus.cli.TactusCli;

/**
 * Entry point of tactus.jar. No arguments: the desktop app. Any argument: the headless CLI.
 * Deliberately not a JavaFX Application subclass, so `java -jar` works with JavaFX on the classpath.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        // One line per log record ("WARNING: ..."), not java.util.logging's two-line default.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        }
        if (args.length > 0) {
            // Commands print their own notices; library INFO chatter would mix into their output.
            java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        }
        if (args.length == 0) {
            javafx.application.Application.launch(io.tactus.app.TactusApp.class, args);
        } else {
            System.exit(TactusCli.run(args));
        }
    }
}
