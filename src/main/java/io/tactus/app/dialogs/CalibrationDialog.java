package io.tactus.app.dialogs;

import io.tactus.app.fx.Threads;
import io.tactus.app.live.CalibrationWizard;
import io.tactus.signal.calibration.CalibrationFitter;
import io.tactus.signal.calibration.UserCalibration;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Spinner;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * Guided user calibration from known loads: place each mass on a flat plate of known area in the middle of the
 * mat, capture, repeat with 3-5 masses (e.g. 1, 2, 5, 10 kg), fit, apply. The dialog only binds to a
 * {@link CalibrationWizard}; captures and the apply run off the FX thread.
 */
public final class CalibrationDialog extends Dialog<Boolean> {

    public CalibrationDialog(CalibrationWizard wizard, Threads threads) {
        setTitle("Calibrate");
        setHeaderText("Calibrate with known weights");
        Label steps = new Label("1. Tare first (hands off).  2. Put a flat plate of known area in the middle of the "
                + "mat and a known mass on it.  3. Capture.  Repeat with 3-5 masses (e.g. 1, 2, 5, 10 kg).  "
                + "4. Fit, check the error, apply.");
        steps.setWrapText(true);
        steps.setMaxWidth(520);
        Spinner<Double> kg = new Spinner<>(0.1, 100.0, 5.0, 0.5);
        kg.setEditable(true);
        Spinner<Double> area = new Spinner<>(1.0, 2000.0, 100.0, 10.0);
        area.setEditable(true);
        Button capture = new Button("Capture this load");
        capture.setId("captureLoad");
        ListView<String> list = new ListView<>();
        list.setPrefHeight(140);
        ComboBox<CalibrationFitter.Model> model = new ComboBox<>();
        model.getItems().setAll(CalibrationFitter.Model.values());
        model.getSelectionModel().select(CalibrationFitter.Model.POWER);
        model.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(CalibrationFitter.Model m) {
                return m == null ? "" : switch (m) {
                    case POWER -> "Power law (recommended)";
                    case LINEAR -> "Linear";
                    case POLYNOMIAL -> "Cubic polynomial (>= 4 loads)";
                    case SPLINE -> "Monotone spline";
                };
            }

            @Override
            public CalibrationFitter.Model fromString(String s) {
                return null;
            }
        });
        Button fit = new Button("Fit");
        Label result = new Label("Capture at least two different loads, then fit.");
        result.setWrapText(true);
        result.setMaxWidth(520);

        capture.setOnAction(e -> {
            double m = kg.getValue();
            double a = area.getValue();
            capture.setDisable(true);
            wizard.capture(m, a).whenComplete((lp, err) -> threads.fx().execute(() -> {
                capture.setDisable(false);
                if (err != null) {
                    Throwable c = err.getCause() != null ? err.getCause() : err;
                    result.setText("Capture failed: " + c.getMessage());
                } else {
                    list.getItems().add(String.format(Locale.ROOT, "%.1f kg on %.0f cm2 = %.1f kPa  ->  %.0f counts",
                            m, a, lp.kpa(), lp.counts()));
                }
            }));
        });
        ButtonType applyType = new ButtonType("Apply and save", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(applyType, ButtonType.CANCEL);
        Button apply = (Button) getDialogPane().lookupButton(applyType);
        apply.setDisable(true);
        fit.setOnAction(e -> {
            try {
                UserCalibration cal = wizard.fit(model.getValue());
                result.setText(String.format(Locale.ROOT, "%s fit over %d loads: rms error %.1f %% (%.2f kPa)",
                        model.getValue().name().toLowerCase(Locale.ROOT), wizard.points().size(), cal.rmsErrorPct(),
                        cal.rmsErrorKpa()));
                apply.setDisable(false);
            } catch (IllegalArgumentException bad) {
                result.setText(bad.getMessage());
                apply.setDisable(true);
            }
        });
        apply.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume(); // close only once the core has it
            apply.setDisable(true);
            wizard.apply().whenComplete((v, err) -> threads.fx().execute(() -> {
                if (err != null) {
                    Throwable c = err.getCause() != null ? err.getCause() : err;
                    result.setText("Not applied: " + c.getMessage());
                    apply.setDisable(false);
                } else {
                    setResult(Boolean.TRUE);
                    close();
                }
            }));
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Mass (kg)"), kg);
        form.addRow(1, new Label("Contact area (cm2)"), area);
        form.add(capture, 1, 2);
        VBox box = new VBox(10, steps, form, list, new HBox(10, new Label("Model"), model, fit), result);
        box.setPadding(new Insets(10));
        getDialogPane().setContent(box);
        setResultConverter(b -> b == applyType ? Boolean.TRUE : null);
    }
}
