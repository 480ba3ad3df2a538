package io.tactus.app.live;

import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineProgress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the routine panel says, from the core's coaching picture: the routine and its current step in the routine's
 * own words, the step's count or hold timer, the feedback on the latest movement, the left/right balance, and every
 * step with its mark. One mapping for the live panel ({@link CoachModel} feeds it as pictures arrive) and the
 * replay's ({@code ReplayCoach} feeds it the picture the replay engine restored at the playhead), so both say the
 * same thing for the same picture. Shown by {@link CoachView}. FX thread only.
 */
public final class CoachDisplay {

    /** One row of the step list: a mark for its status, its name, and its count against the goal. */
    public record StepRow(String id, String mark, String label, String count, RoutineProgress.Status status) {
    }

    static final String NO_SIDE_WORK = "Left/right: no side work yet";

    private final String idleName;
    private final String idleText;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper routineName = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper balanceText = new ReadOnlyStringWrapper(NO_SIDE_WORK);
    private final ReadOnlyDoubleWrapper leftShare = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);

    /**
     * @param idleName what the routine line says when no routine runs ("No routine running")
     * @param idleText what the step text says then ("" for none)
     */
    public CoachDisplay(String idleName, String idleText) {
        this.idleName = idleName;
        this.idleText = idleText;
        routineName.set(idleName);
        stepText.set(idleText);
    }

    /** Nothing known (a new connection, another recording): no routine, no feedback, no balance. */
    public void clear() {
        routine(null, 0, null);
        feedback.set("");
        balance(Double.NaN);
    }

    /** The latest movement's feedback line ("" for none yet). */
    public void feedback(String text) {
        feedback.set(text == null ? "" : text);
    }

    /** Frames stopped or no device: the balance is not known now (the bar empties). */
    public void noBalance() {
        leftShare.set(Double.NaN);
        balanceText.set("Left/right: no data");
    }

    /** The left share of the force on the lateral regions (NaN: no side work recently). */
    public void balance(double left) {
        leftShare.set(left);
        balanceText.set(Double.isNaN(left) ? NO_SIDE_WORK
                : String.format(Locale.ROOT, "Left %.0f %%  |  Right %.0f %%", left * 100, (1 - left) * 100));
    }

    /**
     * The routine's progress (null: none runs; the feedback and balance stay, they are about the hands).
     *
     * @param holdS the hold timer now
     * @param named the routine whose step titles name the rows (null or another one: the step ids in words)
     */
    public void routine(RoutineProgress r, double holdS, Routine named) {
        running.set(r != null);
        if (r == null) {
            routineName.set(idleName);
            stepTitle.set("");
            stepText.set(idleText);
            countText.set("");
            progress.set(0);
            steps.clear();
            return;
        }
        routineName.set(r.routine());
        stepTitle.set(title(r));
        Routine.Step cur = r.current();
        if (cur == null) {
            stepText.set(r.done() ? "Every step is done. Well done." : "");
            countText.set("");
            progress.set(1);
        } else {
            stepText.set(cur.text());
            countText.set(count(cur, r.steps().get(r.step()), holdS, r.holdTargetS()));
            progress.set(r.progress());
        }
        List<StepRow> rows = rows(r, named);
        if (!rows.equals(steps)) {
            steps.setAll(rows);
        }
    }

    /** "Step 3 of 7: Thumb slides beside the spine", "Routine complete", "Routine stopped". */
    public static String title(RoutineProgress r) {
        Routine.Step cur = r.current();
        if (cur == null) {
            return r.done() ? "Routine complete" : "Routine stopped";
        }
        return String.format(Locale.ROOT, "Step %d of %d: %s", r.step() + 1, r.steps().size(), cur.label());
    }

    /**
     * Every step of {@code r} as a row of the step list.
     *
     * @param routine the routine that runs, whose step titles name the rows (null or another one: the step ids)
     */
    public static List<StepRow> rows(RoutineProgress r, Routine routine) {
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < r.steps().size(); i++) {
            RoutineProgress.StepState s = r.steps().get(i);
            rows.add(new StepRow(s.id(), mark(s.status()), label(r, i, routine), String.format(Locale.ROOT, "%s / %s",
                    number(s.count()), number(s.goal())), s.status()));
        }
        return rows;
    }

    /** "3 / 4 circles clockwise", "Hold 3.2 / 5 s", "4.1 / 6 s". */
    static String count(Routine.Step step, RoutineProgress.StepState st, double holdS, double holdTargetS) {
        return switch (step.kind()) {
            case "strokes" -> String.format(Locale.ROOT, "%s / %s strokes %s", number(st.count()), number(st.goal()),
                    step.direction());
            case "circles" -> String.format(Locale.ROOT, "%s / %s circles %s", number(st.count()), number(st.goal()),
                    step.direction());
            case "hold" -> String.format(Locale.ROOT, "Hold %.1f / %.0f s  (%s / %s done)", holdS, holdTargetS,
                    number(st.count()), number(st.goal()));
            default -> String.format(Locale.ROOT, "%.1f / %.0f s", st.count(), st.goal());
        };
    }

    /** A row's name: the step's title ("Palm circles") when the routine is known, else its id in words. */
    private static String label(RoutineProgress r, int i, Routine named) {
        return io.tactus.session.StepNames.of(r, i, named);
    }

    static String mark(RoutineProgress.Status s) {
        return switch (s) {
            case DONE -> "\u2713";          // check mark
            case OUT_OF_ORDER -> "\u2713*"; // done, but before its turn
            case SKIPPED -> "\u21b7";       // skipped
            case CURRENT -> "\u25b6";       // now
            case PENDING -> "\u25cb";
            case NOT_REACHED -> "\u2717";
        };
    }

    /** "3", "3.6": a time step's seconds to one decimal, and 5.96 s of 6 reads "6", not "6.0". */
    private static String number(double v) {
        double r = Math.round(v * 10) / 10.0;
        return r == Math.rint(r) ? Long.toString((long) r) : String.format(Locale.ROOT, "%.1f", r);
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty routineNameProperty() {
        return routineName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTitleProperty() {
        return stepTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stepTextProperty() {
        return stepText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countTextProperty() {
        return countText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty feedbackProperty() {
        return feedback.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty balanceTextProperty() {
        return balanceText.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty leftShareProperty() {
        return leftShare.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return stepsView;
    }
}
