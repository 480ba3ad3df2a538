package io.tactus.app.replay;

import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagType;

/**
 * A flag drawn on the timeline. Times are device microseconds from the recording's clock.
 *
 * @param endUs equal to startUs for instantaneous events (markers)
 */
public record TimelineEvent(FlagType type, long startUs, long endUs, BodyRegion region, double peakKpa, String detail) {
}
