package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.ExternalTool;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11 section 5 in a real window with real fonts (the headless Monocle tests lay text out with other
 * metrics and miss ellipses the real fonts cause): {@link ScreenshotMain} runs in a child JVM under Xvfb at
 * 1366 x 768 and 1920 x 1080: the live view before a device is connected (every gauge "No data") and on the
 * simulator, with the routine running and an alert up, then the replay view empty and with a recording
 * (mistakes.tactus at its first flag, and gentle-routine.tactus with its routine panel), then the settings,
 * shortcuts and device picker dialogs, then the simulated glove. It checks each of those screens (no node outside the window, no
 * Labeled whose displayed text differs from its text or ends in an ellipsis, a dialog no larger than the screen,
 * the shortcuts a clean two-column table) and this test fails on any problem it prints. Needs Xvfb and GTK 3.
 */
@Tag("fx")
class RealWindowLayoutTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    @TempDir
    Path out;

    @Tag("native") // runs xvfb-run: every user of an external tool is tagged native (TestTagsTest)
    @ParameterizedTest
    @CsvSource({"1366, 768", "1920, 1080"})
    void traineeAndInstructorScreensFitTheRealWindow(int width, int height) throws Exception {
        ExternalTool.require("xvfb-run");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = out.resolve("run.log");
        Process p = new ProcessBuilder("xvfb-run", "-a", "-s", "-screen 0 " + width + "x" + height + "x24",
                java, "-Xmx512m", "-Djavafx.cachedir=target/javafx-cache", "-Dprism.order=sw",
                "-cp", System.getProperty("java.class.path"), ScreenshotMain.class.getName(),
                out.toString(), SAMPLES.resolve("mistakes.tactus").toString(), "mistakes", "8",
                Integer.toString(width), Integer.toString(height))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(5, TimeUnit.MINUTES);
        if (!ended) {
            p.destroyForcibly();
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        Assumptions.assumeFalse(text.contains("Unable to load glass GTK library"),
                "GTK 3 is not installed (install: sudo apt-get install libgtk-3-0)");
        assertTrue(ended, "the window run ended within 5 minutes:\n" + text);
        List<String> problems = text.lines().filter(l -> l.startsWith("layout problem: ")).toList();
        assertEquals(List.of(), problems, "layout problems in the real window at " + width + "x" + height);
        assertTrue(text.contains("layout: 0 problem(s)"), "the run reached its end:\n" + text);
        String suffix = width == 1366 && height == 768 ? "" : "-" + width + "x" + height;
        for (String screen : suffix.isEmpty()
                ? List.of("live-not-connected", "live", "live-glove", "replay-empty", "replay", "replay-routine",
                        "settings", "shortcuts", "device-picker")
                : List.of("live-not-connected", "live", "live-glove", "replay-empty", "replay", "replay-routine")) {
            assertDrawn(out.resolve(screen + suffix + ".png"));
        }
        BufferedImage live = ImageIO.read(out.resolve("live" + suffix + ".png").toFile());
        assertEquals(width, live.getWidth(), "the window fills the screen's width");
    }

    /** The PNG exists and is a picture, not one flat colour (a black or white capture). */
    private static void assertDrawn(Path png) throws IOException {
        assertTrue(Files.exists(png), png + " written");
        BufferedImage img = ImageIO.read(png.toFile());
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) {
            for (int x = 0; x < img.getWidth(); x += 7) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertTrue(colours.size() > 20, png + " has " + colours.size() + " colours: a blank capture?");
    }
}
