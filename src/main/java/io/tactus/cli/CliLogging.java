package io.tactus.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * The command line's java.util.logging set-up: the Java runtime's default configuration with the root level at
 * WARNING (commands print their own notices; library INFO chatter would mix into their output). It is made when
 * something first logs, through {@code java.util.logging.config.class}, not at every start: setting the root
 * level eagerly initialised the whole logging framework (about 10 ms of a cold start, docs/BENCHMARKS.md "Cold
 * start"), and most commands never log.
 */
public final class CliLogging {

    private static final String CONFIG_CLASS = "java.util.logging.config.class";
    private static final String CONFIG_FILE = "java.util.logging.config.file";

    /**
     * Run by {@link LogManager} when the first logger is made (the documented use of config.class: it reads the
     * configuration itself).
     */
    public CliLogging() throws IOException {
        Properties p = new Properties();
        Path defaults = Path.of(System.getProperty("java.home"), "conf", "logging.properties");
        if (Files.isReadable(defaults)) {
            try (InputStream in = Files.newInputStream(defaults)) {
                p.load(in);
            }
        } else {
            p.setProperty("handlers", "java.util.logging.ConsoleHandler");
        }
        p.setProperty(".level", Level.WARNING.getName());
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        p.store(text, null);
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(text.toByteArray()));
    }

    /**
     * Libraries log WARNING and above only. Call before anything logs. A user's own logging configuration
     * (config.file or config.class) is kept, with the root level set at once, as before.
     */
    public static void quietLibraries() {
        if (System.getProperty(CONFIG_CLASS) == null && System.getProperty(CONFIG_FILE) == null) {
            System.setProperty(CONFIG_CLASS, CliLogging.class.getName());
        } else {
            Logger.getLogger("").setLevel(Level.WARNING);
        }
    }
}
