package io.tactus.app.export;

import io.tactus.session.export.ExportFormat;
import java.io.File;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.GridPane;
import javafx.stage.DirectoryChooser;

/** Export: format, folder, anonymise; a progress bar and Cancel while the export runs off the FX thread. */
public final class ExportDialog extends Dialog<Void> {

    public ExportDialog(ExportViewModel vm) {
        setTitle("Export session");
        setHeaderText("Export calibrated pressure, per-region values, events and notes");
        ComboBox<ExportFormat> format = new ComboBox<>();
        format.getItems().addAll(ExportFormat.values());
        format.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(ExportFormat f) {
                return f == null ? "" : switch (f) {
                    case CSV -> "CSV (+ JSON sidecar)";
                    case MAT -> "MATLAB .mat";
                    case HDF5 -> "HDF5 (.h5)";
                    case ASF -> "ASCII frames (Tekscan ASF style)";
                };
            }

            @Override
            public ExportFormat fromString(String s) {
                return null;
            }
        });
        format.valueProperty().bindBidirectional(vm.formatProperty());
        format.setId("exportFormat");
        Label dir = new Label();
        dir.textProperty().bind(vm.outDirProperty().asString());
        Button choose = new Button("Folder...");
        choose.setOnAction(e -> {
            DirectoryChooser c = new DirectoryChooser();
            if (vm.outDirProperty().get() != null && vm.outDirProperty().get().toFile().isDirectory()) {
                c.setInitialDirectory(vm.outDirProperty().get().toFile());
            }
            File f = c.showDialog(getDialogPane().getScene().getWindow());
            if (f != null) {
                vm.outDirProperty().set(f.toPath());
            }
        });
        CheckBox anon = new CheckBox("Anonymise (pseudonyms only, drop free-text notes)");
        anon.selectedProperty().bindBidirectional(vm.anonymizeProperty());
        CheckBox replace = new CheckBox("Replace existing files of the same names");
        replace.setId("exportReplace");
        replace.selectedProperty().bindBidirectional(vm.replaceExistingProperty());
        ProgressBar bar = new ProgressBar();
        bar.setId("exportProgress");
        bar.setPrefWidth(420);
        bar.progressProperty().bind(vm.progressProperty());
        Label msg = new Label();
        msg.setId("exportMessage");
        msg.textProperty().bind(vm.messageProperty());
        msg.setWrapText(true);
        Button start = new Button("Export");
        start.setId("exportStart");
        start.setDefaultButton(true);
        start.setOnAction(e -> vm.start());
        Button cancel = new Button("Cancel export");
        cancel.setId("exportCancel");
        cancel.setOnAction(e -> vm.cancel());
        start.disableProperty().bind(vm.runningProperty());
        cancel.disableProperty().bind(vm.runningProperty().not());
        format.disableProperty().bind(vm.runningProperty());
        choose.disableProperty().bind(vm.runningProperty());
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label("Format"), format);
        g.addRow(1, new Label("Into"), dir, choose);
        g.add(anon, 1, 2, 2, 1);
        g.add(replace, 1, 3, 2, 1);
        g.add(bar, 0, 4, 3, 1);
        g.add(msg, 0, 5, 3, 1);
        g.add(new javafx.scene.layout.HBox(8, start, cancel), 0, 6, 3, 1);
        getDialogPane().setContent(g);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        setOnCloseRequest(e -> vm.cancel());
    }
}
