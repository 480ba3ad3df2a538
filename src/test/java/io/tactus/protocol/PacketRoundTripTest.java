package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PacketRoundTripTest {

    /** A representative payload for each type. */
    static byte[] samplePayload(PacketType type) {
        return switch (type) {
            case HELLO -> new DeviceDescriptor(1, "t", "S", "1", "grid", 2, 2, new double[] {10, 10}, 10, 100,
                    null, null).toJson();
            case FRAME_DENSE -> Payloads.dense(new int[] {0, 1, 255, 256, 65535, 0});
            case FRAME_SPARSE -> Payloads.sparse(new int[] {0, 0, 7, 0, 0, 1023});
            case MARKER -> Payloads.marker(Payloads.Marker.TOO_MUCH, "ouch \u00e9");
            case POSE -> Payloads.pose(123.5f, -4.25f);
            case LOG -> "boot ok".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            case ERROR -> Payloads.error(7, "adc timeout");
            case SET_RATE -> Payloads.setRate(1000);
            case REQUEST_HELLO, START, STOP -> new byte[0];
        };
    }

    @ParameterizedTest
    @EnumSource(PacketType.class)
    void everyTypeRoundTrips(PacketType type) {
        Packet p = new Packet(type, 0xFFFF, 0xFFFF_FFFFL, samplePayload(type));
        byte[] wire = PacketEncoder.encode(p);
        assertEquals(0, wire[wire.length - 1], "ends with the delimiter");
        for (int i = 0; i < wire.length - 1; i++) {
            assertTrue(wire[i] != 0, "no zero before the delimiter");
        }
        Collecting sink = new Collecting();
        new PacketDecoder(sink).feed(wire, 0, wire.length);
        assertEquals(List.of(p), sink.packets);
        assertTrue(sink.corrupt.isEmpty());
    }

    @Test
    void rawLayoutIsHeaderPayloadCrcLittleEndian() {
        Packet p = new Packet(PacketType.FRAME_DENSE, 0x1234, 0x89ABCDEFL, new byte[] {1, 2, 3});
        byte[] raw = PacketEncoder.raw(p);
        assertArrayEquals(Hex.parse("01 02 3412 EFCDAB89 010203"), java.util.Arrays.copyOf(raw, 11));
        CRC32 crc = new CRC32();
        crc.update(raw, 0, 11);
        assertEquals(crc.getValue(), LittleEndian.u32(raw, 11));
        assertEquals(15, raw.length);
    }

    @Test
    void payloadHelpersRoundTrip() {
        int[] counts = {0, 5, 0, 65535, 0, 0};
        int[] out = new int[6];
        assertTrue(Payloads.decodeFrame(PacketType.FRAME_DENSE, Payloads.dense(counts), out));
        assertArrayEquals(counts, out);
        int[] out2 = new int[] {9, 9, 9, 9, 9, 9};
        assertTrue(Payloads.decodeFrame(PacketType.FRAME_SPARSE, Payloads.sparse(counts), out2));
        assertArrayEquals(counts, out2, "cells not listed read 0");
        assertEquals(2 + 4 * 2, Payloads.sparse(counts).length);

        Payloads.Marker m = Payloads.decodeMarker(samplePayload(PacketType.MARKER));
        assertNotNull(m);
        assertEquals(new Payloads.Marker(1, "ouch \u00e9"), m);
        assertEquals(new Payloads.Pose(123.5f, -4.25f), Payloads.decodePose(samplePayload(PacketType.POSE)));
        assertEquals(new Payloads.DeviceError(7, "adc timeout"), Payloads.decodeError(samplePayload(PacketType.ERROR)));
        assertEquals(1000, Payloads.decodeSetRate(samplePayload(PacketType.SET_RATE)));
    }

    @Test
    void payloadDecodersRejectWrongShapes() {
        int[] out = new int[4];
        assertTrue(!Payloads.decodeFrame(PacketType.FRAME_DENSE, new byte[7], out), "dense wrong length");
        assertTrue(!Payloads.decodeFrame(PacketType.FRAME_SPARSE, new byte[1], out), "sparse too short");
        assertTrue(!Payloads.decodeFrame(PacketType.FRAME_SPARSE, Hex.parse("0100"), out), "n=1 but no pair");
        assertTrue(!Payloads.decodeFrame(PacketType.FRAME_SPARSE, Hex.parse("0100 0400 0100"), out),
                "cell index 4 out of range for 4 cells");
        assertTrue(!Payloads.decodeFrame(PacketType.MARKER, new byte[8], out), "not a frame type");
        assertEquals(null, Payloads.decodeMarker(new byte[0]));
        assertEquals(null, Payloads.decodePose(new byte[7]));
        assertEquals(null, Payloads.decodeError(new byte[1]));
        assertEquals(-1, Payloads.decodeSetRate(new byte[3]));
    }

    @Test
    void largestPayloadRoundTrips() {
        byte[] payload = new byte[Packet.MAX_PAYLOAD];
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) (i * 31 + (i >> 9));
        }
        Packet p = new Packet(PacketType.FRAME_DENSE, 1, 2, payload);
        byte[] wire = PacketEncoder.encode(p);
        Collecting sink = new Collecting();
        new PacketDecoder(sink).feed(wire, 0, wire.length);
        assertEquals(List.of(p), sink.packets);
    }
}
