package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.live.LiveSessionFeed;
import io.tactus.app.sound.AlertSound;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.device.sim.SimulatedSource;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.BodyRegion;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The simulated glove: its own view (hand diagram with every taxel, region under the pose), same gauges. */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class GloveFxTest {

    private static final Path home = Path.of("target", "glove-home");
    private AppController app;
    private final java.util.concurrent.atomic.AtomicReference<SimulatedSource> source =
            new java.util.concurrent.atomic.AtomicReference<>();

    @Start
    void start(Stage stage) {
        TestSources glove = new TestSources(() -> {
            SimulatedSource s = new SimulatedSource(ScenarioStream.open(Scenarios.GLOVE, SimOptions.defaults()), 2.0);
            source.set(s);
            return new LiveSessionFeed(new LiveSession(s, SignalPipeline::new), "simulated").start();
        });
        app = FxApp.show(stage, home, glove, new AlertSound.Silent(), 1366, 768);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void theGloveGetsAHandDiagramAndThePoseOnTheBack(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> app.liveView().gloveView().isVisible());
        assertFalse(app.liveView().heatmap().isVisible(), "the mat heatmap gives way to the hand");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.liveView().gloveView().taxelCount() == 20);
        // which hand the diagram is, and from which side (its HELLO says a right glove)
        assertEquals("Right glove (palm side), kPa", app.liveView().gloveView().handTitle());
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.liveView().gloveView().regionText()
                .matches("Under the hand: (Lower|Mid) back.*|Under the hand: Shoulder.*"));
        // the same gauges: the region under the hand reads the glove's pressure
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> Arrays.stream(BodyRegion.values())
                .anyMatch(r -> app.liveViewModel().gauge(r).kpaProperty().get() > 2));
        assertTrue(app.liveView().gloveView().regionText().startsWith("Under the hand: "));
        robot.interact(() -> {
            var g = app.liveView().gloveView();
            BodyRegion r = g.outlinedRegion();
            assertTrue(r != null && g.regionText().equals("Under the hand: "
                    + io.tactus.signal.body.BodyMap.standard().displayName(r)), "the region named is outlined: " + r);
            var drawing = g.getChildrenUnmodifiable().get(0).localToScene(
                    g.getChildrenUnmodifiable().get(0).getBoundsInLocal());
            var area = g.localToScene(g.getLayoutBounds());
            assertTrue(area.contains(drawing.getMinX() + 1, drawing.getMinY() + 1)
                    && area.contains(drawing.getMaxX() - 1, drawing.getMaxY() - 1),
                    "the hand and back drawing is scaled into its area: " + drawing + " in " + area);
        });
        java.util.concurrent.atomic.AtomicReference<java.util.List<String>> cut =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> cut.set(LayoutChecks.truncatedLabels(app.liveView())));
        assertEquals(java.util.List.of(), cut.get(), "no text cut in the glove view");

        // The glove stops sending: its numbers and the region under it go, the drawing greys, as the banner says.
        assertTrue(app.liveView().gloveView().numbersShown() > 0, "taxel numbers while frames arrive");
        source.get().close();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.liveViewModel().bannerProperty().get()
                == io.tactus.app.live.LiveViewModel.Banner.NO_DATA && app.liveView().gloveView().stale());
        WaitForAsyncUtils.waitForFxEvents();
        var g = app.liveView().gloveView();
        assertEquals(0, g.numbersShown(), "no taxel number left from the last frame");
        assertEquals("Under the hand: no data", g.regionText());
        java.util.concurrent.atomic.AtomicReference<Double> chroma = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> chroma.set(Snapshots.maxChroma(g)));
        assertTrue(chroma.get() < 0.03, "the glove drawing is grey (max chroma " + chroma.get() + ")");
    }
}
