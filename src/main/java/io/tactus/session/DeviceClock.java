package io.tactus.session;

/**
 * Unwraps the 32-bit device clock the same way {@link io.tactus.device.FrameAssembler} does (forward deltas
 * modulo 2^32; a backwards step, i.e. a reboot, holds the time), so the recording index and the replayed frames
 * share one time axis. Not thread-safe.
 */
final class DeviceClock {

    private static final long MOD = 1L << 32;
    private long lastRaw = -1;
    private long unwrapped;

    long unwrap(long raw) {
        if (lastRaw < 0) {
            unwrapped = raw;
        } else {
            long delta = Math.floorMod(raw - lastRaw, MOD);
            unwrapped += delta < MOD / 2 ? delta : 0;
        }
        lastRaw = raw;
        return unwrapped;
    }

    /** Continues from a known point: the packet with raw time {@code raw} is at unwrapped time {@code at}. */
    void seed(long raw, long at) {
        lastRaw = raw;
        unwrapped = at;
    }

    long lastRaw() {
        return lastRaw;
    }

    boolean started() {
        return lastRaw >= 0;
    }

    long current() {
        return unwrapped;
    }
}
