package io.tactus.signal.technique;

import java.util.List;

/**
 * What to tell the trainee right after a movement: judged against what the current routine step asks. The UI
 * shows {@link #text()}, sounds pick a cue from {@link #verdict()}.
 *
 * @param movement the movement
 * @param verdict  counted / completed the step / missed what the step asks / no routine step to judge against
 * @param stepId   the step it was judged against (null without a routine, or when no step asks for this type)
 * @param count    the step's count after this movement (movements, or whole seconds for a time step)
 * @param target   the step's goal
 * @param misses   what it missed, one short phrase each ("too fast: 0.6 s, aim for 2 s"); empty when it counted
 * @param text     one line for the trainee: what was done, then the misses or the count
 */
public record MovementFeedback(Movement movement, Verdict verdict, String stepId, int count, int target,
                               List<String> misses, String text) {

    public enum Verdict {
        /** Matches what the current step asks: counted toward it. */
        COUNTED,
        /** Counted, and the step reached its goal. */
        STEP_COMPLETE,
        /** The step asks for something else (type, direction, place, pace, pressure): not counted. */
        MISSED,
        /** No routine running, or the movement is one no remaining step asks for (e.g. a hold during strokes). */
        NO_STEP
    }

    public MovementFeedback {
        misses = List.copyOf(misses);
    }
}
