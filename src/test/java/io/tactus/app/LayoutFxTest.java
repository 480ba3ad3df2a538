package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.live.LiveSessionFeed;
import io.tactus.app.sound.AlertSound;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.device.sim.SimulatedSource;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 11 section 5: at 1366x768 and 1920x1080, with the simulator's mistakes scenario running (alerts with
 * long words), a routine started and the replay tab showing a recording, no node lies outside the window and no
 * label's text is cut (the rendered text equals the whole text: no ellipsis).
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class LayoutFxTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    /** Not a @TempDir: settings are saved in the background and may land after the test ends. */
    private static final Path home = Path.of("target", "layout-home");

    private AppController app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        TestSources mistakes = new TestSources(() -> new LiveSessionFeed(new LiveSession(
                new SimulatedSource(ScenarioStream.open("mistakes", SimOptions.defaults()), 4.0),
                SignalPipeline::new), "simulated").start());
        app = FxApp.show(stage, home, mistakes, new AlertSound.Silent(), 1366, 768);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.setupFixture(app::shutdown);
    }

    private void resize(FxRobot robot, double w, double h) {
        robot.interact(() -> {
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(w);
            stage.setHeight(h);
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void check(FxRobot robot, String where) {
        AtomicReference<List<String>> cut = new AtomicReference<>();
        AtomicReference<List<String>> out = new AtomicReference<>();
        robot.interact(() -> {
            var root = stage.getScene().getRoot();
            cut.set(LayoutChecks.truncatedLabels(root));
            out.set(LayoutChecks.outside(root, stage.getScene().getWidth(), stage.getScene().getHeight()));
        });
        assertEquals(List.of(), cut.get(), where + ": text cut");
        assertEquals(List.of(), out.get(), where + ": outside the window");
    }

    @Test
    void nothingIsClippedOrCutAtBothSizes(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.liveViewModel().framesShownProperty().get() > 10);
        robot.interact(() -> app.liveViewModel().coach().start(null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.liveViewModel().coach().display().runningProperty().get());
        // the mistakes scenario raises alerts; wait for one so the banner carries its longest words
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.liveViewModel().alertActiveProperty().get());
        for (double[] size : new double[][] {{1366, 768}, {1920, 1080}}) {
            resize(robot, size[0], size[1]);
            String where = (int) size[0] + "x" + (int) size[1];
            assertTrue(stage.getScene().getWidth() <= size[0] && stage.getScene().getHeight() <= size[1]);
            check(robot, where + " live");
            robot.interact(() -> app.openRecording(SAMPLES.resolve("mistakes.tactus")));
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                    () -> app.replayViewModel().documentProperty().get() != null);
            WaitForAsyncUtils.waitForFxEvents();
            check(robot, where + " replay");
            robot.interact(() -> app.root().showLive());
        }
    }

    @Test
    void aDamagedRecordingsNoteIsReadInFullAt1366(FxRobot robot) throws Exception {
        resize(robot, 1366, 768);
        // two flipped bytes: the status line carries the damage note, the longest text the replay view shows
        byte[] damaged = java.nio.file.Files.readAllBytes(SAMPLES.resolve("spine-contact.tactus"));
        damaged[damaged.length * 2 / 5] ^= 0x10;
        damaged[damaged.length * 3 / 5] ^= 0x01;
        java.nio.file.Files.createDirectories(home);
        Path f = home.resolve("flipped.tactus");
        java.nio.file.Files.write(f, damaged);
        robot.interact(() -> app.openRecording(f));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> app.replayViewModel().statusProperty().get().contains("DAMAGED"));
        WaitForAsyncUtils.waitForFxEvents();
        check(robot, "1366x768 damaged replay");
    }
}
