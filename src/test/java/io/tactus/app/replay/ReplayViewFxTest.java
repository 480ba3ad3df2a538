package io.tactus.app.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.AppController;
import io.tactus.app.FxApp;
import io.tactus.app.TestRecordings;
import io.tactus.app.heat.HeatmapView;
import io.tactus.app.live.StandardSources;
import io.tactus.app.sound.AlertSound;
import io.tactus.render.BackAnatomy;
import io.tactus.session.ReplayEngine;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
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
 * The instructor's replay view in a real (headless Monocle) window: it draws the heatmap as the live view does
 * (the back illustration, contour and trails at the playhead), and the chart and flag lanes of a long recording
 * fill in while its scan is still running.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class ReplayViewFxTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));

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
    void beforeARecordingIsOpenNothingThatNeedsOneIsEnabled(FxRobot robot) {
        robot.interact(() -> app.root().showReplay());
        WaitForAsyncUtils.waitForFxEvents();
        for (String id : new String[] {"#compareButton", "#closeCompareButton", "#exportButton", "#reportButton",
            "#addNote", "#deleteNote", "#playButton", "#nextFlag", "#loopIn", "#loopOut", "#loopClear"}) {
            javafx.scene.Node n = robot.lookup(id).query();
            assertTrue(n.isDisabled(), id + " is enabled with no recording open");
            assertTrue(n.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("disabled")),
                    id + " is not drawn disabled");
        }
    }

    @Test
    void drawsTheBackContourAndTrailsAtThePlayhead(FxRobot robot) throws Exception {
        robot.interact(() -> app.openRecording(SAMPLES.resolve("mistakes.tactus")));
        ReplayViewModel vm = app.replayViewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.scanProgressProperty().get() == 1.0);
        ReplayEngine d = vm.documentProperty().get();
        // 12 s in: the first palm circles on the right shoulder blade (a hand is on the mat)
        long t = d.startUs() + 12_000_000;
        robot.interact(() -> vm.seek(t));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.settledProperty().get()
                && vm.drawnFrameProperty().get() != null && !vm.drawnFrameProperty().get().trails().isEmpty());
        HeatmapView heat = robot.lookup(".replay-view .heatmap").queryAs(HeatmapView.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heat.trailsShown() > 0);
        BackAnatomy a = heat.anatomy();
        assertNotNull(a, "the back illustration is drawn under the replayed pressure");
        assertEquals(17, a.figures().stream().filter(f -> f.kind() == BackAnatomy.Kind.VERTEBRA).count());
        assertTrue(heat.contourOn(), "the contact contour is on (Settings default)");
        assertEquals(vm.drawnFrameProperty().get().trails().size(), heat.trailsShown());
        // every trail point lies in the 2 s before the playhead: the exact frame's trails are the engine's
        try (ReplayEngine straight = ReplayEngine.open(SAMPLES.resolve("mistakes.tactus"), SignalPipeline::new)) {
            var expected = straight.frameAt(t).trails();
            var shown = vm.drawnFrameProperty().get().trails();
            assertEquals(expected.size(), shown.size());
            for (int i = 0; i < expected.size(); i++) {
                assertTrue(java.util.Arrays.equals(expected.get(i), shown.get(i)), "trail " + i);
            }
        }
    }

    @Test
    void theScaleAndLegendAreTheRecordingsProfileNotTodaysSettings(FxRobot robot) throws Exception {
        Path file = TestRecordings.makeWithProfile(home.resolve("deep-tissue.tactus"), "gentle-routine", 8,
                "deep_tissue");
        javafx.scene.control.Label band = robot.lookup(".replay-view .legend-band").queryAs(
                javafx.scene.control.Label.class);
        javafx.scene.control.Label hard = robot.lookup(".replay-view #legendHardMax").queryAs(
                javafx.scene.control.Label.class);
        assertEquals("Target 10-40", band.getText(), "no recording open: the settings' profile (Gentle)");
        robot.interact(() -> app.openRecording(file));
        ReplayViewModel vm = app.replayViewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.scanProgressProperty().get() == 1.0);
        ReplayEngine d = vm.documentProperty().get();
        robot.interact(() -> vm.seek(d.startUs() + 5_000_000));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.settledProperty().get()
                && vm.drawnFrameProperty().get() != null
                && band.getText().equals("Target 100-250 back\nShoulders 40-100"));
        assertEquals("deep_tissue", vm.drawnFrameProperty().get().profile().id());
        assertTrue(hard.getText().contains("410"), hard.getText());
        assertEquals(10, app.display().legendBandProperty().get()[0], "the live view keeps the settings' profile");
        // a Gentle recording brings Gentle's scale back
        robot.interact(() -> app.openRecording(SAMPLES.resolve("mistakes.tactus")));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.scanProgressProperty().get() == 1.0
                && vm.drawnFrameProperty().get() != null && band.getText().equals("Target 10-40"));
    }

    @Test
    void showsTheRecordedRoutinesProgressAtThePlayhead(FxRobot robot) throws Exception {
        robot.interact(() -> app.openRecording(SAMPLES.resolve("gentle-routine.tactus")));
        ReplayViewModel vm = app.replayViewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.scanProgressProperty().get() == 1.0);
        ReplayEngine d = vm.documentProperty().get();
        javafx.scene.control.Label step = robot.lookup("#replayStepTitle").queryAs(javafx.scene.control.Label.class);
        javafx.scene.layout.VBox steps = robot.lookup("#replayStepList").queryAs(javafx.scene.layout.VBox.class);
        // 20 s in: the effleurage strokes are done (at 13.9 s), the palm circles are being counted
        robot.interact(() -> vm.seek(d.startUs() + 20_000_000));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.settledProperty().get()
                && step.getText().startsWith("Step 2 of 7"));
        assertTrue(step.isVisible());
        assertEquals(7, steps.getChildren().size());
        assertTrue(steps.getChildren().get(0).getStyleClass().contains("step-done"));
        assertTrue(steps.getChildren().get(1).getStyleClass().contains("step-current"));
        // the end: every step done, as `tactus analyze` reports it
        robot.interact(() -> vm.seek(d.endUs()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.settledProperty().get()
                && step.getText().equals("Routine complete"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(steps.getChildren().stream().allMatch(n -> n.getStyleClass().contains("step-done")));
    }

    @Test
    void theReportButtonWritesTheSessionReportWithItsKeyNumbersAndTheNotes(FxRobot robot) throws Exception {
        Path file = home.resolve("spine-contact-for-report.tactus");
        java.nio.file.Files.copy(SAMPLES.resolve("spine-contact.tactus"), file);
        ReplayViewModel vm = app.replayViewModel();
        java.util.List<Path> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
        robot.interact(() -> {
            vm.report().setOpener(opened::add);
            app.openRecording(file);
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.scanProgressProperty().get() == 1.0);
        ReplayEngine d = vm.documentProperty().get();
        robot.interact(() -> {
            vm.seek(d.startUs() + 5_000_000);
            vm.addNote("good even pressure on the lower back");
        });
        // the note is still being saved when Report is pressed: the report waits for it
        robot.clickOn("#reportButton");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.report().writtenProperty().get() != null);
        Path html = vm.report().writtenProperty().get();
        assertEquals(home.resolve("reports").resolve("spine-contact-for-report.html"), html);
        assertEquals(java.util.List.of(html), opened, "the written report is opened");
        assertTrue(vm.statusProperty().get().contains(html.toString()), vm.statusProperty().get());

        // its key numbers are those of the replay's own scan (the analysis `tactus analyze` prints)
        String h = java.nio.file.Files.readString(html);
        var m = d.analysis().metrics();
        assertEquals(2L, m.flagCounts().get("spine_contact"));
        assertTrue(h.contains("data-key=\"scores.spine_contacts\">" + m.flagCounts().get("spine_contact") + "<"),
                "spine contacts in the summary");
        assertTrue(h.contains("data-key=\"scores.duration_s\">" + io.tactus.report.Fmt.d1(m.durationSeconds())
                + "<"), "the session's length");
        assertEquals(2, h.split("data-flag=\"spine_contact\"", -1).length - 1, "both spine contacts are listed");
        assertTrue(h.contains("good even pressure on the lower back"), "the instructor's note is in the report");
    }

    @Test
    void chartAndLanesFillInWhileALongRecordingIsStillScanning(FxRobot robot) throws Exception {
        // 15 minutes of the mistakes scenario over and over: its scan takes seconds, published every 250 ms
        Path file = TestRecordings.makeLooped(home.resolve("long-mistakes.tactus"), "mistakes", 15 * 60);
        ReplayViewModel vm = app.replayViewModel();
        RegionChartView chart = robot.lookup("#regionChart").queryAs(RegionChartView.class);
        TimelineView timeline = robot.lookup("#timeline").queryAs(TimelineView.class);
        AtomicReference<String> seenEarly = new AtomicReference<>();
        robot.interact(() -> {
            // runs on the FX thread right after the chart redrew for the new series (its listener came first)
            vm.seriesProperty().addListener((o, old, s) -> {
                ReplayEngine d = vm.documentProperty().get();
                if (seenEarly.get() == null && s != null && chart.pointsDrawn() > 0 && timeline.flagsDrawn() > 0
                        && vm.scanProgressProperty().get() < 1 && d != null && d.analysis() == null) {
                    seenEarly.set(chart.pointsDrawn() + " points, " + timeline.flagsDrawn() + " flags at "
                            + Math.round(vm.scanProgressProperty().get() * 100) + " %");
                }
            });
            app.openRecording(file);
        });
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> vm.scanProgressProperty().get() == 1.0);
        assertNotNull(seenEarly.get(), "the chart and the flag lanes showed something before the scan ended");
        WaitForAsyncUtils.waitForFxEvents();
        Optional<String> status = Optional.ofNullable(vm.statusProperty().get());
        assertTrue(status.orElse("").startsWith("long-mistakes.tactus"), status.orElse(""));
        assertTrue(timeline.flagsDrawn() > 20, "the whole recording's flags once done: " + timeline.flagsDrawn());
    }
}
