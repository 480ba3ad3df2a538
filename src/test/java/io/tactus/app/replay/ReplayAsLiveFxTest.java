package io.tactus.app.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.AppController;
import io.tactus.app.FxApp;
import io.tactus.app.fx.Threads;
import io.tactus.app.heat.HeatmapView;
import io.tactus.app.live.CoachDisplay;
import io.tactus.app.live.LiveViewModel;
import io.tactus.app.live.StandardSources;
import io.tactus.app.sound.AlertSound;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
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
 * The replay view shows what the live view showed at the same moment. The oracle is the live view model itself,
 * fed a straight run of the recording frame by frame ({@link RecordedRunFeed}); the replay view (a headless
 * Monocle window) is sought to the same instants in a shuffled order, so most seeks restore a checkpoint. Checked:
 * the routine panel's feedback on the last movement and its left/right balance, and the flagged regions outlined
 * on the heatmap.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class ReplayAsLiveFxTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

    /** What the routine panel showed at one instant. */
    private record Panel(String feedback, String balance, double leftShare, String step, String count) {
        static Panel of(CoachDisplay d) {
            return new Panel(d.feedbackProperty().get(), d.balanceTextProperty().get(), d.leftShareProperty().get(),
                    d.stepTitleProperty().get(), d.countTextProperty().get());
        }
    }

    @TempDir
    static Path home;

    private AppController app;

    @Start
    void start(Stage stage) {
        app = FxApp.show(stage, home, new StandardSources(), new AlertSound.Silent(), 1366, 768);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void theRoutinePanelAtThePlayheadSaysWhatTheLivePanelSaidThen(FxRobot robot) throws Exception {
        Path file = SAMPLES.resolve("gentle-routine.tactus");
        // The straight live run: the panel right after each movement the core ended, and 0.5 s later.
        Map<Long, Panel> live = new LinkedHashMap<>();
        try (RecordedRunFeed feed = new RecordedRunFeed(file)) {
            LiveViewModel lvm = new LiveViewModel(Threads.inline(), new AlertSound.Silent());
            robot.interact(() -> {
                lvm.connect("recording", () -> feed);
                CoachDisplay d = lvm.coach().display();
                int seen = 0;
                long after = Long.MAX_VALUE;
                for (long t = feed.nextFrame(); t >= 0; t = feed.nextFrame()) {
                    lvm.pulse(t * 1000);
                    if (feed.movements() > seen) {
                        seen = feed.movements();
                        live.put(t, Panel.of(d));
                        after = t + 500_000;
                    } else if (t >= after) {
                        live.put(t, Panel.of(d));
                        after = Long.MAX_VALUE;
                    }
                }
            });
        }
        assertTrue(live.size() >= 20, "the gentle routine has many movements: " + live.size());
        Set<String> said = new HashSet<>();
        live.values().forEach(p -> said.add(p.feedback()));
        assertTrue(said.size() >= 10 && !said.contains(""), "feedback after every movement, in many words: " + said);
        assertTrue(live.values().stream().anyMatch(p -> !Double.isNaN(p.leftShare())), "side work seen live");

        ReplayViewModel vm = app.replayViewModel();
        robot.interact(() -> app.openRecording(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.scanProgressProperty().get() == 1.0);
        Label feedback = robot.lookup("#replayMovementFeedback").queryAs(Label.class);
        Label balance = robot.lookup("#replayBalanceText").queryAs(Label.class);
        Label step = robot.lookup("#replayStepTitle").queryAs(Label.class);
        Node panel = robot.lookup("#replayRoutine").query();
        CoachDisplay shown = vm.coach().display();
        List<Long> times = new ArrayList<>(live.keySet());
        Collections.shuffle(times, new Random(11));
        for (long t : times) {
            robot.interact(() -> vm.seek(t));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.settledProperty().get()
                    && vm.drawnFrameProperty().get().snapshot().deviceTimeUs() == t);
            WaitForAsyncUtils.waitForFxEvents();
            Panel want = live.get(t);
            String at = "at " + PlaybackClock.format(t - vm.documentProperty().get().startUs());
            assertEquals(want, Panel.of(shown), at);
            assertEquals(want.feedback(), feedback.getText(), at + ": the feedback line on screen");
            assertEquals(want.balance(), balance.getText(), at + ": the balance on screen");
            assertEquals(want.step(), step.getText(), at);
            assertTrue(panel.isVisible() && feedback.isVisible(), at);
        }
    }

    @Test
    void theHeatmapOutlinesTheFlaggedRegionsAsTheLiveViewDid(FxRobot robot) throws Exception {
        Path file = SAMPLES.resolve("mistakes.tactus");
        ReplayViewModel vm = app.replayViewModel();
        robot.interact(() -> app.openRecording(file));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.scanProgressProperty().get() == 1.0);
        List<TimelineEvent> flags = vm.events().stream().filter(e -> e.type() != FlagType.MARKER).toList();
        assertTrue(flags.size() >= 4, "spine, bone and over-pressure flags: " + flags);
        // Instants: inside every flag, 0.2 s after its end (the live alert's hold), 0.6 s after (gone).
        Set<Long> wanted = new HashSet<>();
        for (TimelineEvent e : flags) {
            wanted.add((e.startUs() + e.endUs()) / 2);
            wanted.add(e.endUs() + 200_000);
            wanted.add(e.endUs() + 600_000);
        }
        wanted.add(vm.documentProperty().get().startUs() + 2_000_000); // before any flag
        Map<Long, Set<BodyRegion>> live = new LinkedHashMap<>();
        try (RecordedRunFeed feed = new RecordedRunFeed(file)) {
            LiveViewModel lvm = new LiveViewModel(Threads.inline(), new AlertSound.Silent());
            robot.interact(() -> {
                lvm.connect("recording", () -> feed);
                long last = -1;
                for (long t = feed.nextFrame(); t >= 0; t = feed.nextFrame()) {
                    lvm.pulse(t * 1000);
                    for (long w : wanted) {
                        if (w > last && w <= t) {
                            live.put(t, EnumSet.copyOf(regionsOrNone(lvm.alertRegions())));
                        }
                    }
                    last = t;
                }
            });
        }
        assertTrue(live.values().stream().anyMatch(Set::isEmpty), "an instant without alerts");
        assertTrue(live.values().stream().filter(s -> !s.isEmpty()).count() >= 2 * flags.size() - 1,
                "alerts showing inside the flags and during the hold: " + live);

        HeatmapView heat = robot.lookup(".replay-view .heatmap").queryAs(HeatmapView.class);
        for (Map.Entry<Long, Set<BodyRegion>> w : live.entrySet()) {
            long t = w.getKey();
            robot.interact(() -> vm.seek(t));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.settledProperty().get()
                    && vm.drawnFrameProperty().get().snapshot().deviceTimeUs() == t
                    && heat.outlined().equals(w.getValue()));
        }

        // A jump to a flag (N) lands on its first frame over the threshold, before the core confirmed it (the live
        // alert came a debounce later): the timeline's extent, so the region is outlined where the jump lands.
        java.util.concurrent.atomic.AtomicBoolean jumped = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> {
            vm.seek(vm.documentProperty().get().startUs());
            jumped.set(vm.nextFlag());
        });
        assertTrue(jumped.get(), "N jumps to the first flag");
        TimelineEvent first = flags.get(0);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.settledProperty().get()
                && vm.positionUsProperty().get() == first.startUs()
                && heat.outlined().contains(first.region() == null ? BodyRegion.SPINE : first.region()));
        assertFalse(vm.drawnFrameProperty().get().snapshot().activeFlags().stream()
                .anyMatch(e -> e.type() == first.type() && e.region() == first.region()),
                "not yet confirmed by the core at its first frame");
    }

    private static Set<BodyRegion> regionsOrNone(Set<BodyRegion> s) {
        return s.isEmpty() ? EnumSet.noneOf(BodyRegion.class) : s;
    }
}
