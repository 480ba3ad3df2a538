package io.tactus.app;

import io.tactus.app.live.LiveView;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;

/** The window's layout: menu bar, then the Live (trainee) and Replay (instructor) tabs. */
public final class MainWindow extends BorderPane {

    private final TabPane tabs = new TabPane();
    private final Tab liveTab;
    private final Tab replayTab;

    public MainWindow(MenuBar menu, javafx.scene.Node toolbar, LiveView live, javafx.scene.Node replay) {
        liveTab = new Tab("Live (trainee)", new BorderPane(live, toolbar, null, null, null));
        replayTab = new Tab("Replay (instructor)", replay);
        liveTab.setClosable(false);
        replayTab.setClosable(false);
        liveTab.setId("liveTab");
        replayTab.setId("replayTab");
        tabs.getTabs().addAll(liveTab, replayTab);
        setTop(menu);
        setCenter(tabs);
    }

    public void showLive() {
        tabs.getSelectionModel().select(liveTab);
    }

    public void showReplay() {
        tabs.getSelectionModel().select(replayTab);
    }

    public boolean liveShowing() {
        return tabs.getSelectionModel().getSelectedItem() == liveTab;
    }

    public TabPane tabs() {
        return tabs;
    }
}
