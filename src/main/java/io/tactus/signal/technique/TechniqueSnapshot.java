package io.tactus.signal.technique;

import java.util.List;

/**
 * The live technique picture after the latest frame, for polling from the UI.
 *
 * @param contacts        contacts on the mat now
 * @param leftShare       left / (left + right) force on the lateral regions over about the last 2 s
 *                        (exponential, time constant 2 s); NaN without lateral work recently
 * @param holdS           how long the longest current stationary press has lasted (the hold timer), 0 if none
 * @param contactsSeen    tracked contacts since the start (each id counts once)
 * @param movements       movements detected since the start
 * @param last            feedback on the latest movement, or null
 */
public record TechniqueSnapshot(List<TrackedContact> contacts, double leftShare, double holdS, int contactsSeen,
                                int movements, MovementFeedback last) {

    public TechniqueSnapshot {
        contacts = List.copyOf(contacts);
    }
}
