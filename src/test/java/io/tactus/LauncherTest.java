package io.tactus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.ChildJvm.Exit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * `java -jar tactus.jar` (the app) where it cannot have a window: one line on stderr that says why and how to
 * reach the headless commands, exit 1, no stack trace. Child JVMs with the test class path but none of
 * surefire's Monocle properties, so JavaFX tries its real (GTK) toolkit as a user's machine would.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class LauncherTest {


    private static Exit launchApp(Map<String, String> envChanges) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(List.of(), Launcher.class.getName()));
        pb.environment().remove("DISPLAY");
        pb.environment().remove("WAYLAND_DISPLAY");
        pb.environment().putAll(envChanges);
        return ChildJvm.run(pb, 90);
    }

    private static void assertOneLineNoTrace(Exit e) {
        assertEquals(1, e.code(), e.out() + e.err());
        List<String> lines = e.err().strip().lines().toList();
        assertEquals(1, lines.size(), "exactly one line: " + e.err());
        assertTrue(lines.get(0).startsWith("tactus: "), e.err());
        assertTrue(lines.get(0).endsWith(" --help"), "says how to reach the headless commands: " + e.err());
        assertFalse(e.err().contains("Exception") || e.err().contains("\tat "), e.err());
        assertEquals("", e.out());
    }

    @Test
    void withoutDisplayTheAppSaysSoInOneLine() throws Exception {
        Exit e = launchApp(Map.of());
        assertOneLineNoTrace(e);
        assertTrue(e.err().contains("no display (DISPLAY is not set)"), e.err());
    }

    @Test
    void aDisplayThatCannotBeOpenedOrNoGtkIsOneLineToo() throws Exception {
        // No X server answers on :9999. JavaFX then fails either loading GTK 3 (not installed) or opening the
        // display; both must come out as our one line.
        Exit e = launchApp(Map.of("DISPLAY", ":9999"));
        assertOneLineNoTrace(e);
        assertTrue(e.err().contains("cannot open the display DISPLAY=:9999")
                || e.err().contains("sudo apt-get install libgtk-3-0"), e.err());
    }

    @Test
    void knownToolkitFailuresAreExplainedAndOthersAreNot() {
        Map<String, String> env = Map.of("DISPLAY", ":3");
        String gtk = DesktopCheck.explain(new RuntimeException("wrapped",
                new UnsupportedOperationException("Unable to load glass GTK library.")), env);
        assertTrue(gtk.contains("GTK 3") && gtk.contains("libgtk-3-0"), gtk);
        String display = DesktopCheck.explain(new UnsupportedOperationException("Unable to open DISPLAY"), env);
        assertTrue(display.contains("DISPLAY=:3"), display);
        assertNull(DesktopCheck.explain(new IllegalStateException("a bug of ours"), env));

        assertNull(DesktopCheck.missingDisplay("Linux", Map.of("DISPLAY", ":0")));
        assertTrue(DesktopCheck.missingDisplay("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0")) != null,
                "JavaFX's GTK glass needs X (XWayland sets DISPLAY)");
        assertNull(DesktopCheck.missingDisplay("Windows 11", Map.of()));
        assertNull(DesktopCheck.missingDisplay("Mac OS X", Map.of()));
    }
}
