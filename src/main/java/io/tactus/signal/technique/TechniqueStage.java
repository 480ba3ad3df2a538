package io.tactus.signal.technique;

import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.state.Checkpointable;

/**
 * How the trainee moves: the centre-of-pressure track as strokes, circles and holds ({@link MovementTracker}),
 * and the guided routine followed from them ({@link RoutineTracker}), if one was started.
 */
public final class TechniqueStage implements Checkpointable<TechniqueStage.State> {

    /** @param routine the routine in progress, or null */
    public record State(MovementTracker.State movement, RoutineTracker.State routine) {
    }

    private final MovementTracker movement;
    private RoutineTracker routine;

    /** @param holdTargetS a hold this long reaches the goal; {@code holdMinKpa}: a hold is at least this firm */
    public TechniqueStage(double holdTargetS, double holdMinKpa) {
        movement = new MovementTracker(holdTargetS, holdMinKpa);
    }

    /**
     * One frame.
     *
     * @param lateral CoP body x (mm from the midline, signed)
     * @param touched per region: touched this frame
     */
    public void update(long t, long dt, boolean contact, double x, double y, double lateral, double peakKpa,
                       boolean[] touched) {
        movement.update(t, contact, x, y, lateral, peakKpa);
        if (routine != null) {
            routine.update(t, dt, movement, touched);
        }
    }

    /** End of stream: a stroke or hold in progress is counted. */
    public void finish() {
        movement.finish();
    }

    public SessionMetrics.Movement movement() {
        return movement.snapshot();
    }

    /** Follows {@code r} from the next frame, replacing any routine in progress. */
    public void startRoutine(Routine r) {
        routine = new RoutineTracker(r);
    }

    public void stopRoutine() {
        routine = null;
    }

    /** Progress of the routine, or null when none was started. Allocates. */
    public RoutineProgress routineProgress() {
        return routine == null ? null : routine.progress(movement);
    }

    @Override
    public State checkpoint() {
        return new State(movement.checkpoint(), routine == null ? null : routine.checkpoint());
    }

    @Override
    public void restore(State s) {
        movement.restore(s.movement());
        if (s.routine() == null) {
            routine = null;
        } else {
            routine = new RoutineTracker(s.routine().routine());
            routine.restore(s.routine());
        }
    }
}
