package io.tactus.session;

/**
 * Outages seen on the host clock. A recording stores each packet's host arrival time beside its device time;
 * an unplug / replug (or a device that stops sending) is a stretch with no frame on the host clock, while the
 * device clock may hide it (a rebooted device restarts its clock, a paused one resumes where it stopped). Fed
 * the host time of every frame in order; captures have no host time and are not fed.
 */
public final class HostGaps {

    /** A stretch without frames longer than this (host time) is an outage. */
    public static final long GAP_NANOS = 500_000_000L;

    private long firstNs = Long.MIN_VALUE;
    private long lastNs;
    private long gaps;
    private long gapNs;
    private long longestNs;

    public void frame(long hostNanos) {
        if (firstNs == Long.MIN_VALUE) {
            firstNs = hostNanos;
        } else {
            long d = hostNanos - lastNs;
            if (d > GAP_NANOS) {
                gaps++;
                gapNs += d;
                longestNs = Math.max(longestNs, d);
            }
        }
        lastNs = hostNanos;
    }

    /** False until a frame was seen. */
    public boolean any() {
        return firstNs != Long.MIN_VALUE;
    }

    /** First to last frame on the host clock: the session's real length, outages included. */
    public double spanSeconds() {
        return any() ? (lastNs - firstNs) / 1e9 : 0;
    }

    public long gaps() {
        return gaps;
    }

    /** Total time inside outages. */
    public double gapSeconds() {
        return gapNs / 1e9;
    }

    public double longestGapSeconds() {
        return longestNs / 1e9;
    }
}
