package io.tactus.session;

import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineProgress;

/**
 * A routine step's name for people, one source for the live and replay routine panels, {@code analyze}'s text and
 * the session report: the step's title ("Palm circles") when the routine is known, else its id in words
 * ("palm circles"). The progress names steps by id only (a recording names its routine by id), so the titles come
 * from the routine that runs: the current step's own, or a known routine with the same id and step.
 */
public final class StepNames {

    private StepNames() {
    }

    /**
     * @param r     the routine's progress
     * @param i     the step's index in {@code r.steps()}
     * @param named the routine whose titles to use (null or another routine: the ids in words)
     */
    public static String of(RoutineProgress r, int i, Routine named) {
        if (r.current() != null && i == r.step()) {
            return r.current().label();
        }
        String id = r.steps().get(i).id();
        if (named != null && named.id().equals(r.routineId()) && i < named.steps().size()
                && named.steps().get(i).id().equals(id)) {
            return named.steps().get(i).label();
        }
        return id.replace('_', ' ');
    }
}
