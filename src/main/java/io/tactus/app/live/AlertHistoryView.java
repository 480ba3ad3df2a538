package io.tactus.app.live;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The alert history for a glance after the fact: one line per alert, newest first (time, what and where, peak,
 * limit), an open alert marked. Text wraps; nothing is cut.
 */
public final class AlertHistoryView extends VBox {

    private static final int SHOWN = 30;
    private final VBox lines = new VBox(2);

    public AlertHistoryView(AlertHistory history) {
        setId("alertHistory");
        getStyleClass().add("alert-history");
        Label title = new Label("Alert history");
        title.getStyleClass().add("panel-title");
        Label none = new Label("No alerts yet.");
        none.getStyleClass().add("hint");
        ScrollPane scroll = new ScrollPane(lines);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(110);
        scroll.setMinViewportHeight(60);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        getChildren().addAll(title, scroll);
        setSpacing(4);
        setPadding(new Insets(6, 10, 6, 10));
        history.entries().addListener((ListChangeListener<AlertHistory.Entry>) c -> show(history, none));
        show(history, none);
    }

    private void show(AlertHistory history, Label none) {
        lines.getChildren().clear();
        if (history.entries().isEmpty()) {
            lines.getChildren().add(none);
            return;
        }
        history.entries().stream().limit(SHOWN).forEach(e -> {
            Label l = new Label((e.open() ? "\u25cf " : "") + e.line());
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.getStyleClass().add(e.open() ? "history-open" : "history-line");
            lines.getChildren().add(l);
        });
    }
}
