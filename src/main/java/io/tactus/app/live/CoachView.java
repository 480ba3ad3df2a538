package io.tactus.app.live;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The routine panel's words and marks, bound to a {@link CoachDisplay}: the routine, the current step in the
 * guidance's words, its progress (count or hold timer, bar), the feedback on the latest movement, the left/right
 * balance (text and split bar), and every step with its mark (done, done out of order, skipped, now, pending, not
 * reached). The live view's {@link RoutinePanel} and the replay view show this same widget. Long lines wrap.
 */
public final class CoachView extends VBox {

    private final String idPrefix;
    private final VBox stepList = new VBox(2);

    /**
     * @param idPrefix prefixed to the node ids ("" live: {@code #movementFeedback}; "replay":
     *                 {@code #replayMovementFeedback}), so each view's nodes are found on their own
     */
    public CoachView(CoachDisplay coach, String idPrefix) {
        this.idPrefix = idPrefix;
        setSpacing(6);
        Label name = wrapped(coach.routineNameProperty(), "routineName");
        name.getStyleClass().add("hint");
        Label step = wrapped(coach.stepTitleProperty(), "stepTitle");
        step.getStyleClass().add("step-title");
        Label text = wrapped(coach.stepTextProperty(), "stepText");
        Label count = wrapped(coach.countTextProperty(), "stepCount");
        count.getStyleClass().add("step-count");
        ProgressBar bar = new ProgressBar();
        bar.setId(id("stepProgress"));
        bar.progressProperty().bind(coach.progressProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.visibleProperty().bind(coach.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label feedback = wrapped(coach.feedbackProperty(), "movementFeedback");
        feedback.getStyleClass().add("feedback");
        Label balance = wrapped(coach.balanceTextProperty(), "balanceText");
        StackPane balanceBar = balanceBar(coach);
        stepList.setId(id("stepList"));
        coach.steps().addListener((ListChangeListener<CoachDisplay.StepRow>) c -> showSteps(coach.steps()));
        getChildren().addAll(name, step, text, count, bar, feedback, balance, balanceBar, stepList);
    }

    private String id(String name) {
        return idPrefix.isEmpty() ? name : idPrefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** One row per step: its mark, name and count. */
    private void showSteps(java.util.List<CoachDisplay.StepRow> steps) {
        stepList.getChildren().clear();
        for (CoachDisplay.StepRow r : steps) {
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

    /** Left share of the force on the lateral regions as a split bar (empty without side work). */
    private StackPane balanceBar(CoachDisplay coach) {
        Region left = new Region();
        left.getStyleClass().add("balance-left");
        Region right = new Region();
        right.getStyleClass().add("balance-right");
        HBox split = new HBox(left, right);
        split.setPrefHeight(10);
        StackPane box = new StackPane(split);
        box.setId(id("balanceBar"));
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

    private Label wrapped(ObservableValue<String> text, String name) {
        Label l = new Label();
        l.setId(id(name));
        l.textProperty().bind(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        l.visibleProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }
}
