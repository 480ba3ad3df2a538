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
        if (args.length == 0) {
            javafx.application.Application.launch(io.tactus.app.TactusApp.class, args);
        } else {
            System.exit(TactusCli.run(args));
        }
    }
}
