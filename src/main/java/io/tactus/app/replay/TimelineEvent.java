package io.tactus.app.replay;

import io.tactus.protocol.Payloads;
import io.tactus.session.SessionAnalysis;
import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * A flag drawn on the timeline. Times are device microseconds from the recording's clock.
 *
 * @param endUs equal to startUs for instantaneous events (markers)
 */
public record TimelineEvent(FlagType type, long startUs, long endUs, BodyRegion region, double peakKpa, String detail) {

    /** A scan's flags (open ones drawn to {@code endUs}) and receiver markers, in start order. */
    static List<TimelineEvent> of(SessionAnalysis a, long endUs) {
        List<TimelineEvent> out = of(a.events(), endUs);
        boolean pipelineMarkers = out.stream().anyMatch(e -> e.type() == FlagType.MARKER);
        if (!pipelineMarkers) { // markers before the first HELLO reach no pipeline
            for (SessionAnalysis.Marker m : a.markers()) {
                String what = m.code() == Payloads.Marker.TOO_MUCH ? "too much"
                        : m.code() == Payloads.Marker.MORE ? "more pressure" : "button";
                out.add(new TimelineEvent(FlagType.MARKER, m.deviceTimeUs(), m.deviceTimeUs(), null, 0, what));
            }
        }
        out.sort(Comparator.comparingLong(TimelineEvent::startUs));
        return out;
    }

    /** Flags found so far (a running scan's), open ones drawn to {@code openEndUs}, in start order. */
    static List<TimelineEvent> of(List<FlagEvent> flags, long openEndUs) {
        List<TimelineEvent> out = new ArrayList<>();
        for (FlagEvent f : flags) {
            out.add(new TimelineEvent(f.type(), f.startUs(), f.isOpen() ? openEndUs : f.endUs(), f.region(),
                    f.peakKpa(), f.detail()));
        }
        out.sort(Comparator.comparingLong(TimelineEvent::startUs));
        return out;
    }

    /** One line for the status bar, e.g. "Spine contact on the spine at 0:35.030, peak 21 kPa". */
    String describe(long recordingStartUs) {
        return type.label() + (region == null ? "" : " on the "
                + BodyMap.standard().displayName(region).toLowerCase(Locale.ROOT)) + " at "
                + PlaybackClock.format(startUs - recordingStartUs)
                + (peakKpa > 0 ? String.format(Locale.ROOT, ", peak %.0f kPa", peakKpa) : "");
    }
}
