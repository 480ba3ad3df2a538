package io.tactus.protocol;

import java.util.EnumMap;
import java.util.Map;

/**
 * Rejected-input counts by {@link Corruption} kind: incremented by one decoding thread, read by any (the UI or
 * a monitor polling once a second). Shared by every {@link ByteStreamDecoder}.
 */
public final class CorruptionCounter {

    private final long[] counts = new long[Corruption.values().length];

    public synchronized void add(Corruption kind) {
        counts[kind.ordinal()]++;
    }

    /** Non-zero kinds only. */
    public synchronized Map<Corruption, Long> byKind() {
        Map<Corruption, Long> m = new EnumMap<>(Corruption.class);
        for (Corruption c : Corruption.values()) {
            if (counts[c.ordinal()] > 0) {
                m.put(c, counts[c.ordinal()]);
            }
        }
        return m;
    }

    public synchronized long total() {
        long t = 0;
        for (long c : counts) {
            t += c;
        }
        return t;
    }
}
