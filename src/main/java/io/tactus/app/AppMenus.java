package io.tactus.app;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.input.KeyCombination;

/** The menu bar, and the recent-files lists it shares with the replay toolbar. Accelerators come from the key map. */
public final class AppMenus {

    private final Menu recentMenu = new Menu("Open recent");
    private final MenuButton recentButton = new MenuButton("Recent");
    private final Consumer<Path> open;

    public AppMenus(Consumer<Path> open) {
        this.open = open;
        recentButton.setId("recentButton");
    }

    /**
     * @param display the heatmaps' options: the View menu turns the optional contact contour and hand trails on and
     *                off (live and replay alike; on by default)
     */
    public MenuBar menuBar(AppActions a, io.tactus.app.heat.DisplayOptions display) {
        Menu file = new Menu("File", null, item("Open recording...", KeyMap.OPEN, a.chooseRecording()), recentMenu,
                item("Export...", KeyMap.EXPORT, a.export()), item("Session report", KeyMap.REPORT, a.report()),
                new SeparatorMenuItem(), item("Quit", null, a.quit()));
        Menu device = new Menu("Device", null, item("Connect...", KeyMap.CONNECT, a.pickDevice()),
                item("Disconnect", null, a.disconnect()), new SeparatorMenuItem(),
                item("Record / stop", KeyMap.RECORD, a.toggleRecording()), item("Tare", KeyMap.TARE, a.tare()),
                item("Calibrate...", null, a.calibrate()), item("Trace the spine...", null, a.traceTheSpine()),
                new SeparatorMenuItem(), item("Settings...", KeyMap.SETTINGS, a.editSettings()));
        Menu view = new Menu("View", null, check("Contact contour", "viewContour", display.contourProperty()),
                check("Hand trails (last 2 s)", "viewTrails", display.trailsProperty()));
        Menu help = new Menu("Help", null, item("Keyboard shortcuts", null, a.shortcuts()),
                item("About Tactus", KeyMap.ABOUT, a.about()));
        MenuBar bar = new MenuBar(file, device, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** The replay toolbar's copy of the recent files. */
    public MenuButton recentButton() {
        return recentButton;
    }

    /** Lists {@code files} (newest first) in both places; disabled when there are none. */
    public void showRecent(List<String> files) {
        recentMenu.getItems().clear();
        recentButton.getItems().clear();
        for (String p : files) {
            recentMenu.getItems().add(item(p, null, () -> open.accept(Path.of(p))));
            recentButton.getItems().add(item(p, null, () -> open.accept(Path.of(p))));
        }
        recentMenu.setDisable(files.isEmpty());
        recentButton.setDisable(files.isEmpty());
    }

    private static javafx.scene.control.CheckMenuItem check(String text, String id,
                                                            javafx.beans.property.BooleanProperty shown) {
        javafx.scene.control.CheckMenuItem i = new javafx.scene.control.CheckMenuItem(text);
        i.setId(id);
        i.selectedProperty().bindBidirectional(shown);
        return i;
    }

    /**
     * A menu item. The key map handles every key; a single plain key is only named in the text, because as a
     * menu accelerator it would also fire while the user types a note or outside the view it belongs to.
     */
    private static MenuItem item(String text, KeyCombination keys, Runnable action) {
        boolean plain = keys != null && keys.getShortcut() == KeyCombination.ModifierValue.UP
                && !keys.getName().startsWith("F");
        MenuItem i = new MenuItem(plain ? text + " (" + keys.getName() + ")" : text);
        i.setOnAction(e -> action.run());
        if (keys != null && !plain) {
            i.setAccelerator(keys);
        }
        return i;
    }
}
