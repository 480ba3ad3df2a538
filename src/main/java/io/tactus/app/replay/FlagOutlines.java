package io.tactus.app.replay;

import io.tactus.app.live.AlertState;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Which regions the replay heatmap outlines at a frame, as the live view outlined its alerts: every region with a
 * flag open in the frame (the core's own state there, what the live view's alerts followed), and every flag on the
 * timeline whose extent covers the frame, kept {@link AlertState#HOLD_NANOS} after its end as a live alert stays.
 * The timeline's extent starts at the first frame over the threshold, so a jump to a flag (N / P) lands on its
 * outline; the live view outlined it a debounce later, when the core confirmed it.
 */
final class FlagOutlines {

    private static final long HOLD_US = AlertState.HOLD_NANOS / 1000;

    private FlagOutlines() {
    }

    /** @param events the timeline's flags (the scan's; empty for a compared recording, which is not scanned) */
    static Set<BodyRegion> at(FrameSnapshot s, List<TimelineEvent> events) {
        Set<BodyRegion> out = EnumSet.noneOf(BodyRegion.class);
        if (s == null) {
            return out;
        }
        for (FlagEvent e : s.activeFlags()) {
            add(out, AlertState.outlined(e.type(), e.region()));
        }
        long t = s.deviceTimeUs();
        for (TimelineEvent e : events) {
            if (e.startUs() <= t && t <= e.endUs() + HOLD_US) {
                add(out, AlertState.outlined(e.type(), e.region()));
            }
        }
        return out;
    }

    private static void add(Set<BodyRegion> out, BodyRegion r) {
        if (r != null) {
            out.add(r);
        }
    }
}
