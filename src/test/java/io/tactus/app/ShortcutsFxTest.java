package io.tactus.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.app.sound.AlertSound;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
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

/** One key table drives the keys and their help: the dialog lists exactly its rows, and keys act per view. */
@Tag("fx")
@ExtendWith(ApplicationExtension.class)
class ShortcutsFxTest {

    @TempDir
    static Path home;

    private AppController app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = FxApp.show(stage, home, TestSources.synthetic(8, 8, 50), new AlertSound.Silent(), 1280, 800);
    }

    @AfterEach
    void tearDown() throws Exception {
        org.testfx.api.FxToolkit.setupFixture(app::shutdown);
    }

    @Test
    void theDialogIsATwoColumnTableOfTheKeyMap(FxRobot robot) {
        AtomicReference<ShortcutsDialog> dialog = new AtomicReference<>();
        robot.interact(() -> {
            ShortcutsDialog d = new ShortcutsDialog(app.keyMap());
            d.initOwner(stage);
            d.show();
            dialog.set(d);
        });
        GridPane table = (GridPane) dialog.get().getDialogPane().lookup("#shortcutTable");
        List<KeyMap.Shortcut> rows = app.keyMap().rows();
        assertTrue(rows.size() >= 20, "every key is in the table: " + rows.size());
        for (KeyMap.Shortcut s : rows) {
            Label keys = table.getChildren().stream().filter(n -> n instanceof Label l && l.getText().equals(s.keys())
                    && GridPane.getColumnIndex(n) == 0).map(Label.class::cast).findFirst().orElseThrow();
            int row = GridPane.getRowIndex(keys);
            assertTrue(table.getChildren().stream().anyMatch(n -> n instanceof Label l && l.getText().equals(s.what())
                    && GridPane.getColumnIndex(n) == 1 && GridPane.getRowIndex(n) == row),
                    "'" + s.what() + "' beside " + s.keys());
        }
        assertEquals(List.of(), LayoutChecks.truncatedLabels(dialog.get().getDialogPane()),
                "no text in the dialog is cut");
        robot.interact(() -> dialog.get().close());
    }

    @Test
    void theLayoutCheckSeesACutLabel(FxRobot robot) {
        AtomicReference<List<String>> cut = new AtomicReference<>();
        robot.interact(() -> {
            Label l = new Label("a label far too long for forty pixels");
            l.setMaxWidth(40);
            javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(l);
            new Scene(box, 200, 50);
            cut.set(LayoutChecks.truncatedLabels(box));
        });
        assertEquals(1, cut.get().size(), "the check can fail: " + cut.get());
    }

    @Test
    void keysActOnlyInTheirView(FxRobot robot) {
        boolean muted = app.liveViewModel().mutedProperty().get();
        robot.press(KeyCode.M).release(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(!muted, app.liveViewModel().mutedProperty().get(), "M toggles the sound everywhere");
        robot.interact(() -> app.root().showReplay());
        robot.press(KeyCode.R).release(KeyCode.R);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(app.liveViewModel().recorder().recordingProperty().get(), "R records only in the live view");
        assertTrue(app.keyMap().find(KeyMap.TARE).scope() == KeyMap.Scope.LIVE);
    }
}
