package io.tactus.app.dialogs;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Asks who is on the recording (pseudonyms only) and optional notes before recording starts. */
public final class RecordDialog extends Dialog<RecordDialog.Answer> {

    /** What the user entered; blank fields are null. */
    public record Answer(String trainee, String receiver, String notes) {
    }

    public RecordDialog(String lastTrainee, String lastReceiver) {
        setTitle("Record session");
        setHeaderText("Pseudonyms only (e.g. T07, R12): recordings and exports must not carry real names.");
        TextField trainee = new TextField(lastTrainee == null ? "" : lastTrainee);
        TextField receiver = new TextField(lastReceiver == null ? "" : lastReceiver);
        TextArea notes = new TextArea();
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        trainee.setId("recTrainee");
        receiver.setId("recReceiver");
        notes.setId("recNotes");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(12));
        g.addRow(0, new Label("Trainee pseudonym"), trainee);
        g.addRow(1, new Label("Receiver pseudonym"), receiver);
        g.addRow(2, new Label("Notes"), notes);
        getDialogPane().setContent(g);
        ButtonType start = new ButtonType("Start recording", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(start, ButtonType.CANCEL);
        setResultConverter(b -> b == start ? new Answer(blankToNull(trainee.getText()),
                blankToNull(receiver.getText()), blankToNull(notes.getText())) : null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
