package io.tactus.device;

import io.tactus.protocol.Corruption;

/**
 * Receives everything a source produces, on the source's own thread. Implementations must not block:
 * they hand off to bounded queues (see session.LiveSession).
 */
public interface PacketSink {

    void onPacket(TimedPacket packet);

    /** A rejected chunk of input; counted by the source, reported here so it can be logged/recorded. */
    default void onCorrupt(Corruption kind, int bytes) {
    }

    default void onStatus(SourceStatus status) {
    }
}
