package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.live.CoachModel;
import io.tactus.app.live.LiveSessionFeed;
import io.tactus.app.sound.AlertSound;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.session.LiveListener;
import io.tactus.signal.technique.MovementFeedback;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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

/**
 * The routine panel on a live core: a hand slides up beside the spine every 3 s (the built-in routine's first
 * step asks for upward strokes). The panel shows the step in the routine's words, counts the strokes, gives
 * feedback per movement, plays a tick per counted stroke and the spoken prompts (recorded by the silent sound
 * sink), draws the hand's trail, and a skipped step is marked.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class RoutineCoachFxTest {

    private static final int N = 32;

    @TempDir
    static Path home;

    private AppController app;
    private final AlertSound.Silent sound = new AlertSound.Silent();
    /** Every verdict the core gave, in order, told by the session on its processing thread. */
    private final List<MovementFeedback.Verdict> told = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // column 19 of 32: beside the spine on the receiver's right, bottom to top in 3 s, then again
        TestSources hand = new TestSources(() -> {
            LiveSession session = new LiveSession(new SyntheticSource(N, N, 100,
                    t -> new double[] {19, (N - 1) * (1 - (t % 3.0) / 3.0)}), SignalPipeline::new);
            session.addListener(new LiveListener() {
                @Override
                public void onMovement(MovementFeedback f) {
                    told.add(f.verdict());
                }
            });
            return new LiveSessionFeed(session, "test").start();
        });
        app = FxApp.show(stage, home, hand, sound, 1366, 768);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void theRoutineCoachesStrokesAndMarksASkippedStep(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.liveViewModel().framesShownProperty().get() > 5);
        CoachModel coach = app.liveViewModel().coach();
        javafx.scene.control.Button start = robot.lookup("#routineStart").queryButton();
        assertEquals("Start", start.getText());
        assertEquals("Mute cues", robot.lookup("#coachMute").queryAs(javafx.scene.control.ToggleButton.class).getText(),
                "an action, like the toolbar's Mute (M), not a state");
        robot.interact(() -> coach.start(null));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> coach.display().runningProperty().get());
        // pressing it now starts the routine over from step 1: the button says so rather than "Start"
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> "Restart".equals(start.getText()));
        assertTrue(coach.display().stepTitleProperty().get().startsWith("Step 1 of 7: Effleurage"),
                coach.display().stepTitleProperty().get());
        assertTrue(coach.display().stepTextProperty().get().contains("long strokes up the back"),
                "the routine's own words: " + coach.display().stepTextProperty().get());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sound.heard().contains("say routine_start"));

        // Strokes are counted, fed back and ticked.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> coach.display().countTextProperty().get().startsWith("2 / 3"));
        assertTrue(coach.display().countTextProperty().get().endsWith("strokes up"), coach.display().countTextProperty().get());
        assertTrue(!coach.display().feedbackProperty().get().isEmpty(), "feedback on the last movement");
        assertTrue(sound.heard().contains("TICK"), "a tick per counted stroke: " + sound.heard());
        assertTrue(app.liveView().heatmap().trailsShown() >= 1, "the hand's trail is drawn");

        // The third stroke completes the step: chime, then the next step's prompt.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> coach.display().stepTitleProperty().get().startsWith("Step 2"));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> sound.heard().contains("say palm_circles"));
        List<String> heard = sound.heard();
        assertTrue(heard.contains("CHIME") && heard.indexOf("CHIME") < heard.indexOf("say palm_circles"),
                "the chime of the completed step, then the next step's prompt: " + heard);
        List<MovementFeedback.Verdict> judged = told.subList(0, told.indexOf(MovementFeedback.Verdict.STEP_COMPLETE));
        assertEquals(judged.stream().filter(v -> v == MovementFeedback.Verdict.COUNTED).count(),
                heard.subList(0, heard.indexOf("CHIME")).stream().filter("TICK"::equals).count(),
                "one tick per movement the core counted before the step completed: " + told + " " + heard);
        assertEquals(RoutineProgress.Status.DONE, coach.display().steps().get(0).status());
        assertEquals("\u2713", coach.display().steps().get(0).mark());
        assertEquals("Trigger-point hold", coach.display().steps().get(3).label(), "every row named by its step's title");

        // Circles do not happen here: skip the step, it is marked skipped.
        robot.interact(coach::skip);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> coach.display().steps().get(1).status() == RoutineProgress.Status.SKIPPED);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> coach.display().stepTitleProperty().get().startsWith("Step 3"));
    }
}
