package io.tactus;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place that decides whether a test can use a program outside the JDK (socat, gcc, python3 and its
 * modules). A test that needs one calls {@link #require} first: without the program the test is skipped through
 * a JUnit assumption, and the first skip for each program prints one line naming the Debian/Ubuntu package, so
 * `mvn verify` on a machine with only a JDK and Maven is green and says what it did not run. CI installs every
 * package and runs everything (.ci/run).
 */
public final class ExternalTool {

    /** Debian/Ubuntu package of each program the tests use. */
    private static final Map<String, String> PACKAGES = Map.of(
            "socat", "socat",
            "gcc", "gcc",
            "g++", "g++",
            "python3", "python3",
            "node", "nodejs",
            "xvfb-run", "xvfb");

    /** Debian/Ubuntu package of each Python module the tests import. */
    private static final Map<String, String> PYTHON_PACKAGES = Map.of(
            "numpy", "python3-numpy",
            "scipy", "python3-scipy",
            "scipy.io", "python3-scipy",
            "h5py", "python3-h5py");

    /** Interpreters tried in order: the one on PATH, then the system one (Debian's python3-* modules live there). */
    private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");

    private static final Map<String, Boolean> FOUND = new ConcurrentHashMap<>();
    private static final Map<List<String>, String> PYTHON_WITH = new ConcurrentHashMap<>();
    private static final Set<String> ANNOUNCED = ConcurrentHashMap.newKeySet();

    private ExternalTool() {
    }

    /** Skips the calling test unless {@code program} (a key of the package table) is on PATH. */
    public static void require(String program) {
        String pkg = PACKAGES.get(program);
        if (pkg == null) {
            throw new IllegalArgumentException("no Debian package known for " + program + ": add it to ExternalTool");
        }
        skipUnless(onPath(program), program + " is not installed", pkg);
    }

    /**
     * Skips the calling test unless a python3 can import every module; returns that interpreter's command.
     */
    public static String requirePython(String... modules) {
        require("python3");
        String python = pythonWith(modules);
        List<String> pkgs = new ArrayList<>();
        for (String m : modules) {
            String pkg = PYTHON_PACKAGES.get(m);
            if (pkg == null) {
                throw new IllegalArgumentException("no Debian package known for python module " + m);
            }
            if (!pkgs.contains(pkg)) {
                pkgs.add(pkg);
            }
        }
        skipUnless(python != null, "python3 cannot import " + String.join(", ", modules), String.join(" ", pkgs));
        return python;
    }

    /** The first python3 that imports all the modules, or null (also when there is no python3 at all). */
    public static String pythonWith(String... modules) {
        String found = PYTHON_WITH.computeIfAbsent(List.of(modules), key -> {
            for (String py : PYTHONS) {
                if (imports(py, modules)) {
                    return py;
                }
            }
            return ""; // ConcurrentHashMap keeps no nulls: "" caches "none"
        });
        return found.isEmpty() ? null : found;
    }

    /** True when an executable file of that name is on PATH (a bind-mounted /dev/null does not count). */
    public static boolean onPath(String program) {
        return FOUND.computeIfAbsent(program, p -> {
            String path = System.getenv("PATH");
            for (String dir : (path == null ? "" : path).split(File.pathSeparator)) {
                if (isExecutableFile(Path.of(dir.isEmpty() ? "." : dir, p))) {
                    return true;
                }
            }
            return false;
        });
    }

    private static boolean isExecutableFile(Path f) {
        return Files.isRegularFile(f) && Files.isExecutable(f);
    }

    private static void skipUnless(boolean present, String what, String pkg) {
        String line = what + ": tests that need it are skipped (install: sudo apt-get install " + pkg + ")";
        if (!present && ANNOUNCED.add(line)) {
            System.err.println("SKIPPED " + line);
        }
        Assumptions.assumeTrue(present, line);
    }

    private static boolean imports(String python, String... modules) {
        boolean present = python.startsWith("/") ? isExecutableFile(Path.of(python)) : onPath(python);
        if (!present) {
            return false;
        }
        try {
            String probe = modules.length == 0 ? "pass" : "import " + String.join(", ", modules);
            Process p = new ProcessBuilder(python, "-c", probe)
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
