package io.tactus.app.replay;

import io.tactus.app.live.CoachDisplay;
import io.tactus.session.ReplayFrame;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.technique.TechniqueSnapshot;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The routine panel at the playhead: what the trainee's live panel showed at that moment, from the core's state
 * the replay engine restored there (exactly, on every seek): the routine's progress, the feedback on the last
 * movement the core finished at or before the playhead ({@code TechniqueSnapshot.last}, the movement event the
 * live panel showed last) and the left/right balance at that frame. The same {@link CoachDisplay} mapping as the
 * live panel, so both say the same words for the same picture. Shown when the recording's core tracked technique
 * or ran a routine. FX thread only.
 */
final class ReplayCoach {

    private static final Routine BUILT_IN = Routine.defaultRoutine();

    private final CoachDisplay display = new CoachDisplay("No routine running at the playhead", "");
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);

    /** Shows {@code f}'s picture (null: nothing open, nothing shown). */
    void show(ReplayFrame f) {
        RoutineProgress r = f == null ? null : f.routine();
        TechniqueSnapshot t = f == null ? null : f.technique();
        shown.set(r != null || t != null);
        // a recording names its routine by id: the built-in one's step titles, else the step ids in words
        display.routine(r, t == null ? 0 : t.holdS(), BUILT_IN);
        display.balance(t == null ? Double.NaN : t.leftShare());
        display.feedback(t == null || t.last() == null ? "" : t.last().text());
    }

    CoachDisplay display() {
        return display;
    }

    /** The recording has something to show here (technique tracked or a routine run). */
    ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
