package io.tactus.protocol;

import java.util.Map;

/**
 * The counters every concrete {@link ByteStreamDecoder} keeps: bytes fed, packets delivered, rejections by kind.
 * Written by the one decoding thread, read by any (a monitor polling once a second), hence volatile.
 */
abstract class CountingDecoder implements ByteStreamDecoder {

    protected final CorruptionCounter corrupt = new CorruptionCounter();
    protected volatile long packets;
    protected volatile long bytesIn;

    @Override
    public final long packets() {
        return packets;
    }

    @Override
    public final long bytesIn() {
        return bytesIn;
    }

    @Override
    public final Map<Corruption, Long> corruptCounts() {
        return corrupt.byKind();
    }

    @Override
    public final long corruptTotal() {
        return corrupt.total();
    }
}
