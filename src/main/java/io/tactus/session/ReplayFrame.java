package io.tactus.session;

import io.tactus.render.BackDrawing;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.technique.TechniqueSnapshot;
import java.util.List;

/**
 * What the replay view draws at a playhead position, as the live view drew it then: the frame, the core's drawing
 * of the back at that frame (body map and registration as recorded commands left them, floor, contact level), and
 * each hand's centre-of-pressure trail over the 2 s of recording before the position, and the guided routine's
 * progress at that frame (recorded routine commands applied, as the live routine panel showed it), and the core's
 * technique picture at that frame (the latest movement's feedback, the left/right balance: what the live coaching
 * picture carried then).
 *
 * @param drawing null for a glove (no mat to draw on)
 * @param trails  polylines in raster pixels of {@code drawing}, oldest point first; empty without a drawing
 * @param routine null when no routine was running
 * @param technique the core's technique picture after this frame ({@code SignalPipeline.technique()}, restored
 *                  exactly on seek like the rest of the core), or null when the core does not track technique
 * @param profile   the pressure profile the core judged this frame with (the recording's, as its recorded
 *                  commands left it), so the view's scale and legend are the recording's, not today's settings
 */
public record ReplayFrame(FrameSnapshot snapshot, BackDrawing drawing, List<double[]> trails,
                          RoutineProgress routine, TechniqueSnapshot technique, Profile profile) {

    public ReplayFrame {
        trails = List.copyOf(trails);
    }
}
