package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.ChildJvm;
import io.tactus.ChildJvm.Exit;
import io.tactus.Launcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line's logging in child JVMs (the set-up is process-wide and happens once): libraries' INFO
 * chatter stays out of a command's output and warnings still show; a command that never logs never starts the
 * logging framework (cold start).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class CliLoggingTest {


    /** A library that logs, started the way the CLI starts (quietLibraries first). */
    public static final class LoggingLibrary {
        public static void main(String[] args) {
            CliLogging.quietLibraries();
            Logger log = Logger.getLogger("some.library");
            log.info("library chatter");
            log.warning("a warning worth reading");
        }
    }

    private static Exit java(List<String> jvmOptions, String mainClass, String... args) throws Exception {
        return ChildJvm.run(new ProcessBuilder(ChildJvm.command(jvmOptions, mainClass, args)), 120);
    }

    @Test
    void librariesLogWarningsOnlyAndOnTheRuntimesDefaultHandler() throws Exception {
        Exit e = java(List.of(), LoggingLibrary.class.getName());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.err().contains("a warning worth reading"), e.err());
        assertFalse(e.err().contains("library chatter"), e.err());
    }

    @Test
    void aUsersOwnLoggingFileIsReadAndTheRootLevelStillWarning(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("logging.properties");
        Files.writeString(config, "handlers=java.util.logging.ConsoleHandler\n.level=ALL\n"
                + "java.util.logging.ConsoleHandler.level=ALL\n");
        Exit e = java(List.of("-Djava.util.logging.config.file=" + config), LoggingLibrary.class.getName());
        assertEquals(0, e.code(), e.err());
        assertTrue(e.err().contains("a warning worth reading"), e.err());
        assertFalse(e.err().contains("library chatter"), e.err());
    }

    @Test
    void aCommandThatNeverLogsNeverStartsTheLoggingFramework(@TempDir Path dir) throws Exception {
        Path classes = dir.resolve("classes.log");
        Exit e = java(List.of("-Xlog:class+load:file=" + classes), Launcher.class.getName(),
                "info", "sample-recordings/mistakes.tactus");
        assertEquals(0, e.code(), e.err());
        assertTrue(e.out().contains("frames:"), e.out());
        String loaded = Files.readString(classes);
        assertTrue(loaded.contains("io.tactus.cli.InfoCommand "), "the log lists the classes the command loaded");
        assertFalse(loaded.contains("java.util.logging.LogManager "), "info never logs");
    }
}
