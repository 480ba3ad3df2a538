package io.tactus.signal.technique;

import java.util.List;

/**
 * Where the trainee is in a guided routine. Immutable; made when asked for or when a step changes.
 *
 * @param routine        routine name
 * @param routineId      routine id (JSON {@code id})
 * @param step           index of the current step (= step count when none is left; after the end of the stream:
 *                       where the session stopped)
 * @param current        the current step, or null when none is left
 * @param progress       0..1 of the current step
 * @param done           every step is done, done out of order or skipped
 * @param completedAtUs  device time each completed step (done or out of order) finished, in step order
 * @param steps          every step's status and count, in routine order
 * @param holdS          the hold timer: how long the current firm stationary press has lasted (0 if none)
 * @param holdTargetS    the profile's hold time (what a hold step aims for)
 */
public record RoutineProgress(String routine, String routineId, int step, Routine.Step current, double progress,
                              boolean done, List<Long> completedAtUs, List<StepState> steps, double holdS,
                              double holdTargetS) {

    /** What became of a step. */
    public enum Status {
        /** Not started yet. */
        PENDING("pending"),
        /** The step being asked for now. */
        CURRENT("current"),
        /** Completed while it was the current step. */
        DONE("done"),
        /** Passed over: the trainee completed a later step first, or skipped it on purpose. */
        SKIPPED("skipped"),
        /** Completed while an earlier step was still the current one. */
        OUT_OF_ORDER("out_of_order"),
        /** The session ended before it was completed (a pending or current step at the end). */
        NOT_REACHED("not_reached");

        private final String id;

        Status(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** Done or done out of order. */
        public boolean completed() {
            return this == DONE || this == OUT_OF_ORDER;
        }
    }

    /**
     * @param id            step id
     * @param status        see {@link Status}
     * @param count         repetitions counted (movements), or seconds (time steps)
     * @param goal          what the step needs
     * @param completedAtUs device time it completed, or -1
     */
    public record StepState(String id, Status status, double count, double goal, long completedAtUs) {
    }

    public RoutineProgress {
        completedAtUs = List.copyOf(completedAtUs);
        steps = List.copyOf(steps);
    }
}
