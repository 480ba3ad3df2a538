package io.tactus.signal.flags;

import io.tactus.signal.body.BodyRegion;

/**
 * A flag with its extent. Times are device microseconds (unwrapped) so live and replay agree.
 *
 * @param type     what was flagged
 * @param startUs  device time of the first frame that crossed the threshold (not the debounce time)
 * @param endUs    device time of the last frame above the release threshold, or {@link #OPEN} while ongoing
 * @param region   where (for MARKER: the region under the hands at that moment, may be null)
 * @param peakKpa  highest pressure in the region during the event
 * @param detail   free text: marker code/text, the limit that was exceeded...
 */
public record FlagEvent(FlagType type, long startUs, long endUs, BodyRegion region, double peakKpa, String detail) {

    public static final long OPEN = -1;

    public boolean isOpen() {
        return endUs == OPEN;
    }
}
