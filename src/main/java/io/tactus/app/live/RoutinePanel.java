package io.tactus.app.live;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The guided routine beside the live heatmap: Start, Load..., Skip step, Stop and Mute cues above the
 * {@link CoachView} (the current step, its progress, the feedback on the last movement, the live left/right
 * balance, every step with its mark). Only binds to the {@link CoachModel}.
 */
public final class RoutinePanel extends VBox {

    /**
     * {@code load}: asks for a routine file and starts it. {@code connected}: a device feeds the live core, which
     * runs the routine; without one Start and Load... would only answer "needs a connected device", so they are
     * disabled and the panel says what to do first.
     */
    public RoutinePanel(CoachModel coach, Runnable load, javafx.beans.value.ObservableBooleanValue connected) {
        getStyleClass().add("routine-panel");
        setId("routinePanel");
        setSpacing(6);
        setPadding(new Insets(10));
        Label title = new Label("Guided routine");
        title.getStyleClass().add("panel-title");
        Button start = small("Start", "routineStart", () -> coach.start(null), "Start the built-in routine");
        Button open = small("Load...", "routineLoad", load, "Load a routine file (JSON, like routine-default.json)");
        Button skip = small("Skip step", "routineSkip", coach::skip, "Mark the current step skipped and go on");
        Button stop = small("Stop", "routineStop", coach::stop, null);
        // while a routine runs (or has finished) Start begins it again from step 1, dropping the progress: say so
        start.textProperty().bind(javafx.beans.binding.Bindings.when(coach.display().runningProperty())
                .then("Restart").otherwise("Start"));
        start.getTooltip().textProperty().bind(javafx.beans.binding.Bindings.when(coach.display().runningProperty())
                .then("Start the built-in routine again from its first step").otherwise("Start the built-in routine"));
        start.disableProperty().bind(javafx.beans.binding.Bindings.not(connected));
        open.disableProperty().bind(javafx.beans.binding.Bindings.not(connected));
        Label connectFirst = new Label("Connect a device first (Device > Connect..., Ctrl+K): the routine runs on"
                + " its live pressure.");
        connectFirst.setId("routineConnectFirst");
        connectFirst.setWrapText(true);
        connectFirst.setMinHeight(Region.USE_PREF_SIZE);
        connectFirst.getStyleClass().add("hint");
        connectFirst.visibleProperty().bind(javafx.beans.binding.Bindings.not(connected));
        connectFirst.managedProperty().bind(connectFirst.visibleProperty());
        skip.disableProperty().bind(coach.display().runningProperty().not());
        stop.disableProperty().bind(coach.display().runningProperty().not());
        // an action like the toolbar's "Mute (M)": "Cues off" on an unpressed button read as if cues were off
        ToggleButton quiet = new ToggleButton("Mute cues");
        quiet.setId("coachMute");
        quiet.setTooltip(new Tooltip("Coaching sounds and spoken prompts off (alerts keep their sound)"));
        quiet.selectedProperty().bindBidirectional(coach.mutedProperty());
        FlowPane buttons = new FlowPane(6, 6, start, open, skip, stop, quiet);
        getChildren().addAll(title, buttons, connectFirst, new CoachView(coach.display(), ""));
        setMinWidth(260);
        setPrefWidth(300);
        setMaxWidth(340);
    }

    private static Button small(String text, String id, Runnable action, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        b.setMinWidth(Region.USE_PREF_SIZE);
        if (tip != null) {
            b.setTooltip(new Tooltip(tip));
        }
        return b;
    }
}
