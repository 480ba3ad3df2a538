package io.tactus.app.fx;

import java.util.Arrays;

/**
 * FX-thread time spent per rendered frame, kept in a ring of the last {@code capacity} samples (no allocation
 * per sample). Read by the benchmark and the debug overlay.
 */
public final class FrameTimer {

    private final long[] samples;
    private int next;
    private long count;

    public FrameTimer(int capacity) {
        samples = new long[capacity];
    }

    public void add(long nanos) {
        samples[next] = nanos;
        next = (next + 1) % samples.length;
        count++;
    }

    public long count() {
        return count;
    }

    /** Percentile (0..100) in nanoseconds over the samples kept, or 0 when none. */
    public long percentile(double p) {
        int n = (int) Math.min(count, samples.length);
        if (n == 0) {
            return 0;
        }
        long[] copy = Arrays.copyOf(samples, n);
        Arrays.sort(copy);
        int i = (int) Math.min(n - 1, Math.max(0, Math.ceil(p / 100 * n) - 1));
        return copy[i];
    }

    public void reset() {
        next = 0;
        count = 0;
    }
}
