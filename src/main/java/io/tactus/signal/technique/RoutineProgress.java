package io.tactus.signal.technique;

import java.util.List;

/**
 * Where the trainee is in a guided routine.
 *
 * @param routine        routine name
 * @param step           index of the current step (= step count when done)
 * @param current        the current step, or null when done
 * @param progress       0..1 of the current step
 * @param done           all steps completed
 * @param completedAtUs  device time each completed step finished, in step order
 */
public record RoutineProgress(String routine, int step, Routine.Step current, double progress, boolean done,
                              List<Long> completedAtUs) {

    public RoutineProgress {
        completedAtUs = List.copyOf(completedAtUs);
    }
}
