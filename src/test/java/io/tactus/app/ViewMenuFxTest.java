package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.heat.HeatmapView;
import io.tactus.app.live.LiveSessionFeed;
import io.tactus.app.sound.AlertSound;
import io.tactus.session.LiveSession;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
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
 * The contact contour and the hand trails are optional (issue 11): the View menu turns each off and on again, and
 * the live heatmap follows within a few frames.
 */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class ViewMenuFxTest {

    private static final int N = 32;

    @TempDir
    static Path home;

    private AppController app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // a hand sliding up beside the spine every 3 s: a contact with a contour and a trail
        TestSources hand = new TestSources(() -> new LiveSessionFeed(new LiveSession(new SyntheticSource(N, N, 100,
                t -> new double[] {19, (N - 1) * (1 - (t % 3.0) / 3.0)}), SignalPipeline::new), "test").start());
        app = FxApp.show(stage, home, hand, new AlertSound.Silent(), 1366, 768);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void theViewMenuTurnsTheContourAndTheTrailsOffAndOn(FxRobot robot) throws Exception {
        robot.interact(app::connectDefault);
        HeatmapView heat = app.liveView().heatmap();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> heat.trailsShown() >= 1 && heat.contourOn());
        CheckMenuItem contour = item("viewContour");
        CheckMenuItem trails = item("viewTrails");
        assertEquals("Contact contour", contour.getText());
        assertEquals("Hand trails (last 2 s)", trails.getText());
        assertTrue(contour.isSelected() && trails.isSelected(), "both on by default");

        // a click on a check item toggles it (the menu's skin does that; fire() alone only sends the action)
        robot.interact(() -> contour.setSelected(false));
        robot.interact(() -> trails.setSelected(false));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heat.trailsShown() == 0 && !heat.contourOn());
        assertTrue(!app.display().contourProperty().get() && !app.display().trailsProperty().get());

        robot.interact(() -> contour.setSelected(true));
        robot.interact(() -> trails.setSelected(true));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> heat.trailsShown() >= 1 && heat.contourOn());
    }

    private CheckMenuItem item(String id) {
        MenuBar bar = (MenuBar) stage.getScene().getRoot().lookup(".menu-bar");
        Menu view = bar.getMenus().stream().filter(m -> "View".equals(m.getText())).findFirst().orElseThrow();
        return (CheckMenuItem) view.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
    }
}
