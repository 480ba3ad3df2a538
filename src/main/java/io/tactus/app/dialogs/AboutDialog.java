package io.tactus.app.dialogs;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/** Help > About: what Tactus is, and that it is a training aid, not a medical device. */
public final class AboutDialog extends Alert {

    public static final String NOT_MEDICAL = "Tactus is a training aid for learning back massage. It is NOT a "
            + "medical device: it does not diagnose, treat or prevent any condition, and its pressure limits are "
            + "teaching guides, not safety guarantees.";

    public static final String CONTRAINDICATIONS = "Do not massage, and seek medical advice first, when the "
            + "receiver has: a slipped or prolapsed disc, osteoporosis, a severe sprain or recent injury, a "
            + "clotting disorder or takes blood thinners. Never press on the spine or directly on bones (shoulder "
            + "blades, hip bones, sacrum). Stop as soon as it hurts.";

    public AboutDialog() {
        super(AlertType.INFORMATION, "", ButtonType.CLOSE);
        setTitle("About Tactus");
        setHeaderText("Tactus " + version() + ": live pressure feedback for learning back massage");
        Label a = new Label(NOT_MEDICAL);
        Label b = new Label("Contraindications. " + CONTRAINDICATIONS);
        a.setWrapText(true);
        b.setWrapText(true);
        a.setId("aboutNotMedical");
        a.setStyle("-fx-font-weight: bold;");
        VBox box = new VBox(10, a, b, new Label("Left/right always mean the receiver's, who lies prone."));
        box.setPrefWidth(520);
        getDialogPane().setContent(box);
    }

    private static String version() {
        String v = AboutDialog.class.getPackage().getImplementationVersion();
        return v != null ? v : "0.1.0-dev";
    }
}
