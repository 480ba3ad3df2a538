package io.tactus.protocol;

/**
 * Device time for transcoded text frames, which carry no clock of their own: a live port uses host time, a
 * capture file a fixed rate. The value is in microseconds and may exceed 32 bits; packets carry it modulo 2^32.
 */
@FunctionalInterface
public interface FrameClock {

    /** @param frameIndex 0 for the first good frame, then +1 per frame */
    long timeUs(long frameIndex);

    /** Host monotonic time since this clock was created, sampled when a frame is complete. */
    static FrameClock hostTime() {
        long t0 = System.nanoTime();
        return i -> (System.nanoTime() - t0) / 1000;
    }

    /** {@code index * 1e6 / hz}: for capture files with a known or assumed rate. */
    static FrameClock fixedRate(double hz) {
        if (!(hz > 0) || Double.isInfinite(hz)) {
            throw new IllegalArgumentException("rate must be > 0 Hz, got " + hz);
        }
        return i -> Math.round(i * 1e6 / hz);
    }
}
