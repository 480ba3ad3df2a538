package io.tactus;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Why the desktop app cannot start here, in one line that also says how to reach the headless commands, instead
 * of JavaFX's stack trace. Two checks: before JavaFX is touched (Linux without DISPLAY: JavaFX's GTK 3 glass
 * needs an X display, also under Wayland through XWayland) and after a failed toolkit start (no GTK 3, or a
 * DISPLAY that cannot be opened).
 */
final class DesktopCheck {

    /** The message JavaFX's GTK glass throws when libgtk-3 cannot be loaded. */
    private static final String NO_GTK = "Unable to load glass GTK library";
    /** The message it throws when the X display cannot be opened. */
    private static final String NO_DISPLAY = "Unable to open DISPLAY";

    private DesktopCheck() {
    }

    /** The one line to print when the app cannot have a window here, or null when it may try. */
    static String missingDisplay(String osName, Map<String, String> env) {
        boolean x11 = !(osName.startsWith("Windows") || osName.startsWith("Mac"));
        String display = env.get("DISPLAY");
        if (x11 && (display == null || display.isBlank())) {
            return "tactus: no display (DISPLAY is not set): the desktop app needs a graphical session; "
                    + headlessHint();
        }
        return null;
    }

    /** The one line for a toolkit start failure we know, or null for anything else (that keeps its trace). */
    static String explain(Throwable failure, Map<String, String> env) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            if (m.contains(NO_GTK)) {
                return "tactus: the desktop app needs GTK 3, which is not installed "
                        + "(Debian/Ubuntu: sudo apt-get install libgtk-3-0); " + headlessHint();
            }
            if (m.contains(NO_DISPLAY)) {
                return "tactus: cannot open the display DISPLAY=" + env.getOrDefault("DISPLAY", "")
                        + ": the desktop app needs a graphical session; " + headlessHint();
            }
        }
        return null;
    }

    private static String headlessHint() {
        return "the headless commands work without it: " + selfCommand() + " --help";
    }

    /** How the user started us: the installed `tactus` command, or `java -jar` on the jar. */
    static String selfCommand() {
        if (System.getProperty("jpackage.app-path") != null) {
            return "tactus";
        }
        try {
            Path code = Path.of(DesktopCheck.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                Path cwd = Path.of("").toAbsolutePath();
                Path shown = code.startsWith(cwd) ? cwd.relativize(code) : code;
                return "java -jar " + shown;
            }
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (unusual class loader): fall through to the documented path
        }
        return "java -jar target/tactus.jar";
    }
}
