package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.Await;
import io.tactus.app.live.LiveSessionFeed;
import io.tactus.app.sound.AlertSound;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.Registration;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Trace the spine" from the live view: a finger slides up a mat that is not centred on the spine. */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class SpineTraceFxTest {

    private static final int N = 32;
    /** The finger runs up column 12.8 of 32 (40 % across), bottom to top every 3 s. */
    private static final double FINGER_COL = 0.4 * N;

    @TempDir
    static Path home;

    private AppController app;
    private LiveSession session;

    @Start
    void start(Stage stage) {
        TestSources finger = new TestSources(() -> {
            session = new LiveSession(new SyntheticSource(N, N, 100,
                    t -> new double[] {FINGER_COL, (N - 1) * (1 - (t % 3.0) / 3.0)}), SignalPipeline::new);
            return new LiveSessionFeed(session, "test").start();
        });
        app = FxApp.show(stage, home, finger, new AlertSound.Silent(), 1280, 800);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void tracingMovesTheMidlineOntoTheFingersTrack(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.liveViewModel().framesShownProperty().get() > 5);
        double before = session.withPipeline(p -> p.registration().midline()[0]).get(5, TimeUnit.SECONDS);

        robot.interact(() -> app.liveViewModel().startSpineTrace());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.liveViewModel().messageTextProperty().get().startsWith("Tracing"));
        // One full slide from the bottom to the top of the mat: 3 s of the source's time at 100 Hz, and some.
        long tracedFrom = session.stats().frames();
        WaitForAsyncUtils.waitFor(Await.DEADLINE_S, TimeUnit.SECONDS, () -> session.stats().frames() >= tracedFrom + 350);
        robot.interact(() -> app.liveViewModel().finishSpineTrace());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> app.liveViewModel().messageTextProperty().get().startsWith("Spine registered"));

        Registration r = session.withPipeline(SignalPipeline::registration).get(5, TimeUnit.SECONDS);
        double pitchX = 480.0 / N;
        double fingerMm = (FINGER_COL + 0.5) * pitchX;
        assertEquals(fingerMm, r.midline()[0], 2 * pitchX, "midline follows the finger: " + r);
        assertTrue(Math.abs(before - fingerMm) > 2 * pitchX, "it moved from the centred default " + before);
        // The drawn region map follows: the finger's column is now the spine band on screen too.
        int col = (int) FINGER_COL;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            var l = app.liveViewModel().layoutProperty().get();
            return l != null && l.at(N / 2, col) == io.tactus.signal.body.BodyRegion.SPINE;
        });
        assertEquals("body map", app.liveViewModel().layoutProperty().get().source());
    }
}
