package io.tactus.session;

import io.tactus.device.TimedPacket;

/**
 * One packet read back from a recording.
 *
 * @param ordinal      0-based position among the packets that came off the wire (synthetic packets share the
 *                     ordinal of the packet they precede; lost packets count, see LOSS records)
 * @param deviceTimeUs unwrapped device time (same axis as frames and flag events)
 * @param synthetic    made by the recorder (a HELLO from the metadata), not received
 * @param timed        the packet; {@code hostNanos} is the host receive time in ns since the recording started
 */
public record RecordedPacket(long ordinal, long deviceTimeUs, boolean synthetic, TimedPacket timed) {
}
