package io.tactus.app.live;

import io.tactus.app.sound.AlertSound;
import io.tactus.app.sound.Prompt;
import io.tactus.app.sound.PromptVoice;
import io.tactus.session.CoachingState;
import io.tactus.session.PipelineCommands;
import io.tactus.signal.technique.MovementFeedback;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.technique.TechniqueSnapshot;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The routine panel's state and the coaching sounds, from the core's coaching picture (tracked contacts, movements
 * judged against the current step, routine progress). Event-driven: the processing thread publishes the picture
 * when it changes ({@link FrameFeed#coaching()}, see {@code LiveSession}) and queues one event per movement; each
 * pulse takes the latest picture if its version moved, cues every movement drained, then applies the picture, so
 * feedback shows within one pulse and nothing is asked while nothing changes. Words come from the routine itself
 * (each step's title and text, in the guidance's words). Sounds: a soft tick per counted movement, a chime when a
 * step completes, a miss cue when a movement misses what the step asks, and the next step's spoken prompt
 * ({@link PromptVoice}). FX thread only; {@link #apply} and {@link #movement} are the whole logic, tested directly.
 */
public final class CoachModel {

    /** One row of the step list: a mark for its status, its name, and its count against the goal. */
    public record StepRow(String id, String mark, String label, String count, RoutineProgress.Status status) {
    }

    private final AlertSound sound;
    private final BooleanProperty alertsMuted;
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper routineName = new ReadOnlyStringWrapper("No routine running");
    private final ReadOnlyStringWrapper stepTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper stepText = new ReadOnlyStringWrapper(
            "Start a routine to be guided step by step.");
    private final ReadOnlyStringWrapper countText = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper feedback = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper balanceText = new ReadOnlyStringWrapper("Left/right: no side work yet");
    private final ReadOnlyDoubleWrapper leftShare = new ReadOnlyDoubleWrapper(Double.NaN);
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<StepRow> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final LiveCommands commands;
    private final LiveDrawing drawing;
    private final PromptVoice voice = new PromptVoice();
    private long coachingVersion = -1;
    private CoachingState taken;
    /** The routine last started here: its step titles name the rows of the step list. */
    private Routine started;
    private String spokenStep;
    private boolean doneSpoken;

    CoachModel(AlertSound sound, BooleanProperty alertsMuted, LiveDrawing drawing, LiveCommands commands) {
        this.commands = commands;
        this.sound = sound;
        this.alertsMuted = alertsMuted;
        this.drawing = drawing;
    }

    /**
     * Starts {@code routine} (null: the built-in one) on the live core, as a recorded command: the recording and
     * its replay show the same progress.
     */
    public void start(Routine routine) {
        started = routine == null ? Routine.defaultRoutine() : routine;
        spokenStep = null;
        doneSpoken = false;
        commands.send("Routine", PipelineCommands.routineStart(routine),
                "Routine started: " + (routine == null ? Routine.defaultRoutine().name() : routine.name()));
    }

    public void stop() {
        commands.send("Routine", PipelineCommands.routineStop(), "Routine stopped");
    }

    /** Passes over the current step (marked skipped). */
    public void skip() {
        commands.send("Routine", PipelineCommands.routineSkip(), "Step skipped");
    }

    /**
     * Takes the feed's coaching picture if a new one was published (cheap otherwise). Called before the pulse
     * drains the feed's events: a movement's event is queued before the picture that contains it, so every
     * movement event of the taken picture is drained in the same pulse, and its cue (a chime) sounds before the
     * picture's prompt (the next step).
     */
    void take(FrameFeed f) {
        long v = f == null ? coachingVersion : f.coachingVersion();
        if (v != coachingVersion) {
            coachingVersion = v;
            taken = f.coaching();
        }
    }

    /** Applies the picture taken this pulse, if any (after the movement events were cued). */
    void pulse(long now) {
        CoachingState c = taken;
        taken = null;
        if (c != null) {
            apply(c, now);
        }
    }

    /** A new connection: nothing is known yet. */
    void reset() {
        coachingVersion = -1;
        taken = null;
        spokenStep = null;
        doneSpoken = false;
        running.set(false);
        routineName.set("No routine running");
        stepTitle.set("");
        stepText.set("Start a routine to be guided step by step.");
        countText.set("");
        progress.set(0);
        feedback.set("");
        steps.clear();
        leftShare.set(Double.NaN);
        balanceText.set("Left/right: no side work yet");
    }

    /** One movement ended: its feedback line and its cue (tick, chime or miss). */
    public void movement(MovementFeedback f) {
        feedback.set(f.text());
        cue(f.verdict());
    }

    /** Takes the core's coaching picture: panel words, trails, balance and the prompt for a new step. */
    public void apply(CoachingState c, long now) {
        TechniqueSnapshot t = c.technique();
        if (t != null) {
            drawing.contacts(now, t.contacts());
            balance(t.leftShare());
        }
        routine(c.routine(), t == null ? 0 : t.holdS());
    }

    private void cue(MovementFeedback.Verdict v) {
        AlertSound.Kind k = switch (v) {
            case COUNTED -> AlertSound.Kind.TICK;
            case STEP_COMPLETE -> AlertSound.Kind.CHIME;
            case MISSED -> AlertSound.Kind.MISS;
            case NO_STEP -> null;
        };
        if (k != null && !silent()) {
            sound.play(k);
        }
    }

    private boolean silent() {
        return muted.get() || alertsMuted.get();
    }

    private void balance(double left) {
        leftShare.set(left);
        balanceText.set(Double.isNaN(left) ? "Left/right: no side work yet"
                : String.format(Locale.ROOT, "Left %.0f %%  |  Right %.0f %%", left * 100, (1 - left) * 100));
    }

    private void routine(RoutineProgress r, double holdS) {
        running.set(r != null);
        if (r == null) {
            if (!steps.isEmpty() || spokenStep != null) {
                reset();
            }
            return;
        }
        routineName.set(r.routine());
        Routine.Step cur = r.current();
        if (cur == null) {
            stepTitle.set(title(r));
            stepText.set(r.done() ? "Every step is done. Well done." : "");
            countText.set("");
            progress.set(1);
            if (r.done() && !doneSpoken) {
                doneSpoken = true;
                say(voice.done());
            }
        } else {
            stepTitle.set(title(r));
            stepText.set(cur.text());
            RoutineProgress.StepState st = r.steps().get(r.step());
            countText.set(count(cur, st, holdS, r.holdTargetS()));
            progress.set(r.progress());
            if (!cur.id().equals(spokenStep)) {
                say(spokenStep == null && r.step() == 0 ? voice.start(cur) : voice.next(cur));
                spokenStep = cur.id();
            }
        }
        List<StepRow> rows = rows(r, started);
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
     * Every step of {@code r} as a row of the step list (the live panel's and the replay view's).
     *
     * @param routine the routine that runs, whose step titles name the rows (null or another one: the step ids)
     */
    public static List<StepRow> rows(RoutineProgress r, Routine routine) {
        List<StepRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < r.steps().size(); i++) {
            RoutineProgress.StepState s = r.steps().get(i);
            rows.add(new StepRow(s.id(), mark(s.status()), label(r, i, routine), String.format(Locale.ROOT, "%s / %s",
                    number(s.count()), number(s.goal())), s.status()));
        }
        return rows;
    }

    private void say(Prompt p) {
        if (!silent()) {
            sound.speak(p);
        }
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
    private static String label(RoutineProgress r, int i, Routine started) {
        if (r.current() != null && i == r.step()) {
            return r.current().label();
        }
        String id = r.steps().get(i).id();
        if (started != null && started.id().equals(r.routineId()) && i < started.steps().size()
                && started.steps().get(i).id().equals(id)) {
            return started.steps().get(i).label();
        }
        return id.replace('_', ' ');
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

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Coaching sounds (ticks, chimes, prompts) off, independently of the alert sound. */
    public BooleanProperty mutedProperty() {
        return muted;
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
