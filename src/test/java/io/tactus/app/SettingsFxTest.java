package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;


import io.tactus.app.live.LiveSessionFeed;
import io.tactus.app.settings.AppSettings;
import io.tactus.app.settings.SettingsDialog;
import io.tactus.app.settings.SettingsStore;
import io.tactus.app.sound.AlertSound;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.body.BodyRegion;
import java.nio.file.Path;
import java.util.Map;
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

/** Settings reach the live core, the gauges and the settings file; the dialog builds its ControlsFX editors. */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class SettingsFxTest {

    @TempDir
    static Path home;

    private AppController app;
    private LiveSession session;

    @Start
    void start(Stage stage) {
        TestSources src = new TestSources(() -> {
            session = new LiveSession(new SyntheticSource(16, 16, 100), SignalPipeline::new);
            return new LiveSessionFeed(session, "test").start();
        });
        app = FxApp.show(stage, home, src, new AlertSound.Silent(), 1280, 800);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void aNewProfileReachesTheLiveCoreTheGaugesAndTheFile(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.liveViewModel().framesShownProperty().get() > 5);
        AppSettings edited = app.settings().withProfile("deep_tissue").withSpineHalfWidthMm(30)
                .withBandOverrides(Map.of("deep_tissue", Map.of("lumbar_l", new double[] {40, 90, 200})));
        robot.interact(() -> app.applyUserSettings(edited));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "deep_tissue".equals(
                session.withPipeline(p -> p.profile().id()).get(5, TimeUnit.SECONDS)));
        assertEquals(90, session.withPipeline(p -> p.profile().band(BodyRegion.LUMBAR_L).targetMax())
                .get(5, TimeUnit.SECONDS), "the override went with the profile");
        assertEquals(30.0, session.withPipeline(p -> p.settings().bodyMap().spineHalfWidthMm())
                .get(5, TimeUnit.SECONDS));
        assertEquals(90, app.liveViewModel().gauge(BodyRegion.LUMBAR_L).bandProperty().get().targetMax());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "deep_tissue".equals(new SettingsStore(home).load().profile()));
    }

    @Test
    void theDialogHasABandEditorPerScoredRegion(FxRobot robot) {
        java.util.concurrent.atomic.AtomicReference<java.util.Set<BodyRegion>> regions =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> regions.set(new SettingsDialog(AppSettings.defaults()).editableRegions()));
        for (BodyRegion r : new BodyRegion[] {BodyRegion.SHOULDER_L, BodyRegion.SHOULDER_R, BodyRegion.LUMBAR_L, BodyRegion.THORACIC_R}) {
            assertTrue(regions.get().contains(r), r + " in " + regions.get());
        }
    }

    @Test
    void theBandTableSaysWhichNumberIsWhich(FxRobot robot) {
        java.util.concurrent.atomic.AtomicReference<String> headings = new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> {
            javafx.scene.Parent pane = new SettingsDialog(AppSettings.defaults()).getDialogPane();
            pane.applyCss(); // builds the scroll pane's skin, which holds the band table
            headings.set(((javafx.scene.control.Label) pane.lookup("#bandHeading")).getText() + " | "
                    + ((javafx.scene.control.Label) pane.lookup("#hardMaxHeading")).getText());
        });
        assertEquals("Target band, drag either end | Hard maximum, kPa", headings.get());
    }
}
