package io.tactus.app.live;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The guided routine beside the heatmap: the current step in the guidance's words, its progress (count or hold
 * timer, bar), the feedback on the last movement, the live left/right balance, and every step with its mark
 * (done, done out of order, skipped, now, pending). Only binds to the {@link CoachModel}.
 */
public final class RoutinePanel extends VBox {

    private final VBox stepList = new VBox(2);

    /** {@code load}: asks for a routine file and starts it. */
    public RoutinePanel(CoachModel coach, Runnable load) {
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
        skip.disableProperty().bind(coach.runningProperty().not());
        stop.disableProperty().bind(coach.runningProperty().not());
        ToggleButton quiet = new ToggleButton("Cues off");
        quiet.setId("coachMute");
        quiet.setTooltip(new Tooltip("Coaching sounds and spoken prompts off (alerts keep their sound)"));
        quiet.selectedProperty().bindBidirectional(coach.mutedProperty());
        FlowPane buttons = new FlowPane(6, 6, start, open, skip, stop, quiet);

        Label name = wrapped(coach.routineNameProperty(), "routineName");
        name.getStyleClass().add("hint");
        Label step = wrapped(coach.stepTitleProperty(), "stepTitle");
        step.getStyleClass().add("step-title");
        Label text = wrapped(coach.stepTextProperty(), "stepText");
        Label count = wrapped(coach.countTextProperty(), "stepCount");
        count.getStyleClass().add("step-count");
        ProgressBar bar = new ProgressBar();
        bar.setId("stepProgress");
        bar.progressProperty().bind(coach.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(coach.runningProperty());
        Label feedback = wrapped(coach.feedbackProperty(), "movementFeedback");
        feedback.getStyleClass().add("feedback");
        Label balance = wrapped(coach.balanceTextProperty(), "balanceText");
        StackPane balanceBar = balanceBar(coach);
        stepList.setId("stepList");
        coach.steps().addListener((ListChangeListener<CoachModel.StepRow>) c -> showSteps(coach));
        getChildren().addAll(title, buttons, name, step, text, count, bar, feedback, balance, balanceBar, stepList);
        setMinWidth(260);
        setPrefWidth(300);
        setMaxWidth(340);
    }

    private void showSteps(CoachModel coach) {
        showSteps(stepList, coach.steps());
    }

    /** Fills {@code stepList} with one row per step: its mark, name and count (also the replay view's list). */
    public static void showSteps(VBox stepList, java.util.List<CoachModel.StepRow> steps) {
        stepList.getChildren().clear();
        for (CoachModel.StepRow r : steps) {
            Label mark = new Label(r.mark());
            mark.setMinWidth(26);
            Label label = new Label(r.label());
            label.setWrapText(true);
            label.setMinHeight(Region.USE_PREF_SIZE);
            Label n = new Label(r.count());
            n.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(6, mark, label, n);
            HBox.setHgrow(label, Priority.ALWAYS);
            label.setMaxWidth(Double.MAX_VALUE);
            row.getStyleClass().addAll("step-row", "step-" + r.status().id().replace('_', '-'));
            row.setAlignment(Pos.CENTER_LEFT);
            stepList.getChildren().add(row);
        }
    }

    /** Left share of the force on the lateral regions as a split bar. */
    private static StackPane balanceBar(CoachModel coach) {
        Region left = new Region();
        left.getStyleClass().add("balance-left");
        Region right = new Region();
        right.getStyleClass().add("balance-right");
        HBox split = new HBox(left, right);
        split.setPrefHeight(10);
        StackPane box = new StackPane(split);
        box.setId("balanceBar");
        box.setMinHeight(10);
        left.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double l = coach.leftShareProperty().get();
            return Double.isNaN(l) ? 0 : box.getWidth() * l;
        }, coach.leftShareProperty(), box.widthProperty()));
        right.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double l = coach.leftShareProperty().get();
            return Double.isNaN(l) ? 0 : box.getWidth() * (1 - l);
        }, coach.leftShareProperty(), box.widthProperty()));
        return box;
    }

    private static Label wrapped(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = new Label();
        l.setId(id);
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
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
