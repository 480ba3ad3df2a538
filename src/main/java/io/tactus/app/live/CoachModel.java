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
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * The live routine panel's state ({@link CoachDisplay}) and the coaching sounds, from the core's coaching picture
 * (tracked contacts, movements judged against the current step, routine progress). Event-driven: the processing thread publishes the picture
 * when it changes ({@link FrameFeed#coaching()}, see {@code LiveSession}) and queues one event per movement; each
 * pulse takes the latest picture if its version moved, cues every movement drained, then applies the picture, so
 * feedback shows within one pulse and nothing is asked while nothing changes. Words come from the routine itself
 * (each step's title and text, in the guidance's words). Sounds: a soft tick per counted movement, a chime when a
 * step completes, a miss cue when a movement misses what the step asks, and the next step's spoken prompt
 * ({@link PromptVoice}). FX thread only; {@link #apply} and {@link #movement} are the whole logic, tested directly.
 */
public final class CoachModel {

    private final AlertSound sound;
    private final BooleanProperty alertsMuted;
    private final BooleanProperty muted = new SimpleBooleanProperty(false);
    private final CoachDisplay display = new CoachDisplay("No routine running",
            "Start a routine to be guided step by step.");
    private final LiveCommands commands;
    private final LiveDrawing drawing;
    private final PromptVoice voice = new PromptVoice();
    private long coachingVersion = -1;
    private CoachingState taken;
    /** The routine last started here: its step titles name the rows of the step list. */
    private Routine started;
    private String spokenStep;
    private boolean doneSpoken;
    /** The latest picture's balance (NaN: none), shown again when frames come back after a gap. */
    private double leftShare = Double.NaN;
    private boolean measuring;

    CoachModel(AlertSound sound, BooleanProperty alertsMuted, LiveDrawing drawing, LiveCommands commands) {
        this.commands = commands;
        this.sound = sound;
        this.alertsMuted = alertsMuted;
        this.drawing = drawing;
        display.noBalance(); // nothing is measured before the first frames
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

    /**
     * Frames flow (true), or they stopped or no device is connected (false): then the balance says it is not known
     * rather than show the last one as live, and it comes back with the frames.
     */
    void live(boolean on) {
        measuring = on;
        if (on) {
            display.balance(leftShare);
        } else {
            display.noBalance();
        }
    }

    /** A new connection: nothing is known yet. */
    void reset() {
        leftShare = Double.NaN;
        coachingVersion = -1;
        taken = null;
        spokenStep = null;
        doneSpoken = false;
        display.clear();
        if (!measuring) {
            display.noBalance();
        }
    }

    /** One movement ended: its feedback line and its cue (tick, chime or miss). */
    public void movement(MovementFeedback f) {
        display.feedback(f.text());
        cue(f.verdict());
    }

    /**
     * Takes the core's coaching picture: panel words, trails, balance and the prompt for a new step. A stopped
     * routine clears the routine's lines; the feedback and the balance stay (they are about the hands), as the
     * replay shows them at the same moment.
     */
    public void apply(CoachingState c, long now) {
        TechniqueSnapshot t = c.technique();
        if (t != null) {
            drawing.contacts(now, t.contacts());
            leftShare = t.leftShare();
            if (measuring) {
                display.balance(leftShare);
            }
        }
        RoutineProgress r = c.routine();
        display.routine(r, t == null ? 0 : t.holdS(), started);
        prompt(r);
    }

    /** The spoken prompt for a step not voiced yet, and once at the end. */
    private void prompt(RoutineProgress r) {
        if (r == null) {
            spokenStep = null;
            doneSpoken = false;
            return;
        }
        Routine.Step cur = r.current();
        if (cur == null) {
            if (r.done() && !doneSpoken) {
                doneSpoken = true;
                say(voice.done());
            }
        } else if (!cur.id().equals(spokenStep)) {
            say(spokenStep == null && r.step() == 0 ? voice.start(cur) : voice.next(cur));
            spokenStep = cur.id();
        }
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

    private void say(Prompt p) {
        if (!silent()) {
            sound.speak(p);
        }
    }

    /** What the routine panel shows (routine, step, count, feedback, balance, step marks). */
    public CoachDisplay display() {
        return display;
    }

    /** Coaching sounds (ticks, chimes, prompts) off, independently of the alert sound. */
    public BooleanProperty mutedProperty() {
        return muted;
    }
}
