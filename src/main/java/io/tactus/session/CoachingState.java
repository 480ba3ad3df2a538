package io.tactus.session;

import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.technique.TechniqueSnapshot;

/**
 * The coaching picture a live session publishes for a UI (routine panel, hand trails, hold timer, balance): the
 * technique after the latest frame and the routine's progress. Published by the processing thread only when it
 * changes (see {@link LiveSession#coaching()}); immutable.
 *
 * @param technique tracked contacts, balance, hold timer, movements so far and the latest feedback
 * @param routine   the routine's progress, or null when no routine runs
 */
public record CoachingState(TechniqueSnapshot technique, RoutineProgress routine) {

    /** Something is moving: a contact is on the mat or a hold timer runs, so the picture changes frame by frame. */
    public boolean active() {
        return technique != null && (!technique.contacts().isEmpty() || technique.holdS() > 0);
    }
}
