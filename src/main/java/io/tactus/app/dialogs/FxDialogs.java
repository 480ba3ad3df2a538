package io.tactus.app.dialogs;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.Modality;
import javafx.stage.Window;

/** {@link DialogService} with JavaFX dialogs owned by the main window. FX thread only. */
public final class FxDialogs implements DialogService {

    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirmTare() {
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Tare", "Zero the mat",
                "Lift both hands off the mat and keep the receiver still, then press OK.\n"
                        + "Tactus records 3 seconds of baseline, subtracts it from every cell and finds dead cells.");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @Override
    public boolean confirmTraceStart() {
        ButtonType start = new ButtonType("Start", ButtonBar.ButtonData.OK_DONE);
        Alert a = alert(Alert.AlertType.CONFIRMATION, "Trace the spine", "Register the body map",
                "1. Hands off the mat except one finger on the sacrum (bottom of the spine).\n"
                        + "2. Press Start, then slide the finger slowly up the spine to the base of the neck.\n"
                        + "3. Press Finish in the next window.\n\n"
                        + "Tactus fits the midline to the finger's track and moves the region map onto it.");
        a.getButtonTypes().setAll(start, ButtonType.CANCEL);
        return a.showAndWait().filter(b -> b == start).isPresent();
    }

    @Override
    public void awaitTraceFinish(Consumer<Boolean> finished) {
        ButtonType finish = new ButtonType("Finish", ButtonBar.ButtonData.OK_DONE);
        Alert f = alert(Alert.AlertType.INFORMATION, "Trace the spine", "Tracing...",
                "Slide the finger up the spine now; press Finish when it reaches the neck.");
        f.getButtonTypes().setAll(finish, ButtonType.CANCEL);
        f.initModality(Modality.NONE);
        f.setOnHidden(e -> finished.accept(f.getResult() == finish));
        f.show();
    }

    @Override
    public Optional<RecordDialog.Answer> askRecording(String lastTrainee, String lastReceiver) {
        RecordDialog d = new RecordDialog(lastTrainee, lastReceiver);
        own(d);
        return d.showAndWait();
    }

    @Override
    public void inform(String title, String text) {
        alert(Alert.AlertType.INFORMATION, title, null, text).showAndWait();
    }

    private Alert alert(Alert.AlertType type, String title, String header, String text) {
        Alert a = new Alert(type, text);
        own(a);
        a.setTitle(title);
        a.setHeaderText(header);
        // Size to the text: a dialog never cuts its message with an ellipsis.
        a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return a;
    }

    private void own(Dialog<?> d) {
        Window w = owner.get();
        if (w != null) {
            d.initOwner(w);
        }
    }
}
