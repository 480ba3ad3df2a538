package io.tactus.device;

import io.tactus.protocol.Corruption;
import java.util.Map;

/**
 * Counters of a link, snapshotted for display.
 *
 * @param bytes     bytes read from the wire
 * @param packets   good packets decoded
 * @param corrupt   rejected input by kind (only non-zero kinds)
 * @param reconnects times the device came back after vanishing
 */
public record LinkStats(long bytes, long packets, Map<Corruption, Long> corrupt, long reconnects) {

    public static final LinkStats EMPTY = new LinkStats(0, 0, Map.of(), 0);

    public long corruptTotal() {
        return corrupt.values().stream().mapToLong(Long::longValue).sum();
    }
}
