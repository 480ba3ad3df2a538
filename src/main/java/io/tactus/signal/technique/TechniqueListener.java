package io.tactus.signal.technique;


/**
 * Told about movements and routine progress, on the thread that calls {@code SignalPipeline.process} (the
 * processing thread live, the replay thread in replay): hand the values to the UI thread, do not block.
 */
public interface TechniqueListener {

    /** A movement ended (the frame that ends it); the feedback judges it against the current step. */
    void onMovement(MovementFeedback feedback);

    /** A step started, completed, was skipped or done out of order, or the routine finished. */
    default void onRoutineProgress(RoutineProgress progress) {
    }
}
