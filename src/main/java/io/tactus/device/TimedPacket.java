package io.tactus.device;

import io.tactus.protocol.Packet;

/**
 * A packet plus the host's monotonic receive time ({@link System#nanoTime()}), stamped on the reader thread
 * as the bytes leave the driver, before any thread hop. Device time stays inside the packet.
 */
public record TimedPacket(Packet packet, long hostNanos) {
}
