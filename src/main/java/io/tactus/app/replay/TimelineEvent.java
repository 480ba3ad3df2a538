package io.tactus.app.replay;

import io.tactus.signal.FlagType;
import io.tactus.signal.Region;

/**
 * A flag drawn on the timeline. Times are device microseconds from the recording's clock.
 *
 * @param endUs equal to startUs for instantaneous events (markers)
 */
public record TimelineEvent(FlagType type, long startUs, long endUs, Region region, double peakKpa, String detail) {
}
