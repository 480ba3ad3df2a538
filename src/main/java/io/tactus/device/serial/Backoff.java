package io.tactus.device.serial;

import java.time.Duration;

/** Reconnect waits: starts at min, doubles up to max, back to min after a successful connect. */
final class Backoff {

    private final long minNanos;
    private final long maxNanos;
    private long next;

    Backoff(Duration min, Duration max) {
        this.minNanos = min.toNanos();
        this.maxNanos = max.toNanos();
        this.next = minNanos;
    }

    long nextNanos() {
        long n = next;
        next = Math.min(maxNanos, next * 2);
        return n;
    }

    void reset() {
        next = minNanos;
    }
}
