package io.tactus.protocol;

import java.util.Arrays;
import java.util.Objects;

/**
 * One decoded, CRC-checked protocol v1 packet: the 8-byte header fields plus the raw payload.
 * Payload interpretation lives in {@link Payloads}; keeping the raw bytes lets a recording store exactly
 * what came off the wire.
 *
 * @param type          packet type
 * @param seq           16-bit sequence number as sent (0..65535, wraps)
 * @param deviceTimeUs  32-bit device clock in microseconds as sent (0..2^32-1, wraps)
 * @param payload       payload bytes (never null, at most {@link #MAX_PAYLOAD}); treat as read-only
 */
public record Packet(PacketType type, int seq, long deviceTimeUs, byte[] payload) {

    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 8;
    public static final int CRC_BYTES = 4;
    public static final int MAX_PAYLOAD = 65_536;

    public Packet {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
        if (seq < 0 || seq > 0xFFFF) {
            throw new IllegalArgumentException("seq out of u16 range: " + seq);
        }
        if (deviceTimeUs < 0 || deviceTimeUs > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("device time out of u32 range: " + deviceTimeUs);
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload too large: " + payload.length);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Packet p && p.type == type && p.seq == seq && p.deviceTimeUs == deviceTimeUs
                && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, seq, deviceTimeUs, Arrays.hashCode(payload));
    }

    @Override
    public String toString() {
        return "Packet[" + type + " seq=" + seq + " t=" + deviceTimeUs + "us payload=" + payload.length + "B]";
    }
}
