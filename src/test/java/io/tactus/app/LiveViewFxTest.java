package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;




import io.tactus.app.sound.AlertSound;
import io.tactus.device.SourceState;
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

/** The live view in a real (headless) stage: connect, frames arrive and are drawn, status bar counts. */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class LiveViewFxTest {

    @TempDir
    static Path home;

    private AppController app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = FxApp.show(stage, home, TestSources.synthetic(32, 32, 100), new AlertSound.Silent(), 1280, 800);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void connectsAndDrawsFrames(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.liveViewModel().framesShownProperty().get() > 20);
        assertNotNull(app.liveViewModel().frame());
        assertEquals(512, app.liveView().heatmap().rasterWidth());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> app.liveViewModel().stateProperty().get() == SourceState.CONNECTED);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                () -> app.liveViewModel().status().rateTextProperty().get().endsWith("fps"));
        assertTrue(app.liveView().frameTimer().count() > 0);

        // "Pressure OK" is green (tactus.css, .alert-title); "Not connected" measures nothing and must not look OK
        javafx.scene.control.Label title = robot.lookup("#bannerTitle").queryAs(javafx.scene.control.Label.class);
        javafx.scene.paint.Color ok = javafx.scene.paint.Color.web("#a5d6a7");
        robot.interact(() -> app.liveViewModel().disconnect());
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> title.getText().equals("Not connected"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!ok.equals(title.getTextFill()), "not connected drawn in the OK colour " + ok);
        if (Boolean.getBoolean("tactus.test.snapshots")) {
            robot.interact(() -> {
                try {
                    Snapshots.write(stage.getScene(), Path.of("target/test-snapshots/live.png"));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
