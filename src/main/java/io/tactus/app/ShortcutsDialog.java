package io.tactus.app;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The keyboard shortcuts as a two-column table (keys, what they do) by view, built from the {@link KeyMap}. */
public final class ShortcutsDialog extends Dialog<Void> {

    public ShortcutsDialog(KeyMap keys) {
        setTitle("Keyboard shortcuts");
        setHeaderText(null);
        GridPane table = new GridPane();
        table.setId("shortcutTable");
        table.setHgap(24);
        table.setVgap(3);
        table.setPadding(new Insets(8, 12, 8, 12));
        ColumnConstraints keyCol = new ColumnConstraints();
        keyCol.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints whatCol = new ColumnConstraints();
        whatCol.setMinWidth(Region.USE_PREF_SIZE);
        whatCol.setHgrow(Priority.ALWAYS);
        table.getColumnConstraints().addAll(keyCol, whatCol);
        int row = 0;
        for (KeyMap.Scope scope : KeyMap.Scope.values()) {
            Label head = new Label(scope.title());
            head.getStyleClass().add("shortcut-section");
            head.setStyle("-fx-font-weight: bold; -fx-padding: 8 0 2 0;");
            table.add(head, 0, row++, 2, 1);
            for (KeyMap.Shortcut s : keys.rows()) {
                if (s.scope() == scope) {
                    Label k = new Label(s.keys());
                    k.getStyleClass().add("shortcut-keys");
                    k.setStyle("-fx-font-family: monospace; -fx-font-weight: bold;");
                    k.setMinWidth(Region.USE_PREF_SIZE);
                    Label w = new Label(s.what());
                    w.setMinWidth(Region.USE_PREF_SIZE);
                    table.addRow(row++, k, w);
                }
            }
        }
        getDialogPane().setContent(table);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setMinWidth(Region.USE_PREF_SIZE);
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
    }
}
