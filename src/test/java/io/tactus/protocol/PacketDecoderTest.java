package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class PacketDecoderTest {

    private final Collecting sink = new Collecting();
    private final PacketDecoder decoder = new PacketDecoder(sink);

    private static Packet frame(int seq) {
        int[] counts = new int[16];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = (seq * 17 + i * 255) & 0xFFFF; // includes zero bytes and 0xFF bytes
        }
        return new Packet(PacketType.FRAME_DENSE, seq, 1000L * seq, Payloads.dense(counts));
    }

    private static byte[] wire(Packet... packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Packet p : packets) {
            out.writeBytes(PacketEncoder.encode(p));
        }
        return out.toByteArray();
    }

    /** Wire form of a raw (pre-COBS) block, with a correct or deliberately chosen CRC. */
    private static byte[] wireOfRaw(byte[] raw) {
        byte[] enc = Cobs.encode(raw);
        byte[] w = java.util.Arrays.copyOf(enc, enc.length + 1);
        return w;
    }

    private static byte[] withCrc(byte[] headerAndPayload) {
        byte[] raw = java.util.Arrays.copyOf(headerAndPayload, headerAndPayload.length + 4);
        CRC32 crc = new CRC32();
        crc.update(headerAndPayload);
        LittleEndian.putU32(raw, headerAndPayload.length, crc.getValue());
        return raw;
    }

    private void feed(byte[] b) {
        decoder.feed(b, 0, b.length);
    }

    @Test
    void splitAcrossTwoReadsAtEveryBytePosition() {
        Packet a = frame(1);
        Packet b = frame(2);
        byte[] w = wire(a, b);
        for (int cut = 0; cut <= w.length; cut++) {
            Collecting s = new Collecting();
            PacketDecoder d = new PacketDecoder(s);
            d.feed(w, 0, cut);
            d.feed(w, cut, w.length - cut);
            assertEquals(List.of(a, b), s.packets, "cut at " + cut);
            assertTrue(s.corrupt.isEmpty());
            assertEquals(0, d.pendingBytes());
        }
    }

    @Test
    void oneByteAtATime() {
        byte[] w = wire(frame(1), frame(2), frame(3));
        for (int i = 0; i < w.length; i++) {
            decoder.feed(w, i, 1);
        }
        assertEquals(List.of(frame(1), frame(2), frame(3)), sink.packets);
        assertEquals(w.length, decoder.bytesIn());
        assertEquals(3, decoder.packets());
    }

    @Test
    void incompleteTrailingPacketStaysBuffered() {
        byte[] w = wire(frame(1), frame(2));
        int firstLen = PacketEncoder.encode(frame(1)).length;
        decoder.feed(w, 0, w.length - 1); // everything but the last delimiter
        assertEquals(List.of(frame(1)), sink.packets);
        assertEquals(w.length - 1 - firstLen, decoder.pendingBytes());
        decoder.feed(new byte[] {0}, 0, 1);
        assertEquals(List.of(frame(1), frame(2)), sink.packets);
        assertEquals(0, decoder.pendingBytes());
        assertTrue(sink.corrupt.isEmpty());
    }

    @Test
    void badCrcDropsOnlyItsPacket() {
        byte[] bad = PacketEncoder.encode(frame(2));
        byte[] raw = Cobs.decode(java.util.Arrays.copyOf(bad, bad.length - 1));
        raw[raw.length - 1] ^= 0x01; // CRC byte damaged
        feed(wire(frame(1)));
        feed(wireOfRaw(raw));
        feed(wire(frame(3)));
        assertEquals(List.of(frame(1), frame(3)), sink.packets);
        assertEquals(List.of(Corruption.BAD_CRC), sink.corrupt);
        assertEquals(Map.of(Corruption.BAD_CRC, 1L), decoder.corruptCounts());
    }

    @Test
    void badVersionAndUnknownTypeAreCountedAfterTheCrc() {
        feed(wireOfRaw(withCrc(Hex.parse("02 02 0000 00000000"))));
        feed(wireOfRaw(withCrc(Hex.parse("01 06 0000 00000000"))));
        feed(wireOfRaw(withCrc(Hex.parse("01 80 0000 00000000"))));
        feed(wire(frame(4)));
        assertEquals(List.of(Corruption.BAD_VERSION, Corruption.UNKNOWN_TYPE, Corruption.UNKNOWN_TYPE), sink.corrupt);
        assertEquals(List.of(frame(4)), sink.packets);
        assertEquals(3, decoder.corruptTotal());
    }

    @Test
    void tooShortAndBadCobsAreCounted() {
        feed(Hex.parse("0411223300")); // 3 bytes decoded: shorter than header + CRC
        feed(Hex.parse("0511223300")); // code 5 runs past the delimiter
        feed(wire(frame(5)));
        assertEquals(List.of(Corruption.TOO_SHORT, Corruption.BAD_COBS), sink.corrupt);
        assertEquals(List.of(frame(5)), sink.packets);
    }

    @Test
    void emptyPayloadIsValid() {
        Packet p = new Packet(PacketType.START, 0, 0, new byte[0]);
        feed(wire(p));
        assertEquals(List.of(p), sink.packets);
    }

    @Test
    void oversizeIsCountedAndTheNextPacketSurvives() {
        byte[] junk = new byte[200_000];
        java.util.Arrays.fill(junk, (byte) 0x55);
        feed(junk);
        feed(new byte[] {0});
        feed(wire(frame(6)));
        assertEquals(List.of(Corruption.OVERSIZE), sink.corrupt);
        assertEquals(List.of(frame(6)), sink.packets);
    }

    @Test
    void blockThatFitsTheBufferButDecodesTooLargeIsOversize() {
        // A payload one byte over the limit, with a valid CRC: COBS-valid, but too large for v1.
        byte[] raw = withCrc(new byte[Packet.HEADER_BYTES + Packet.MAX_PAYLOAD + 1]);
        raw[0] = 1;
        raw[1] = 2;
        byte[] fixed = withCrc(java.util.Arrays.copyOf(raw, raw.length - 4));
        feed(wireOfRaw(fixed));
        feed(wire(frame(7)));
        assertEquals(List.of(Corruption.OVERSIZE), sink.corrupt);
        assertEquals(List.of(frame(7)), sink.packets);
    }

    @Test
    void consecutiveDelimitersAreIgnored() {
        feed(new byte[] {0, 0, 0});
        feed(wire(frame(1)));
        feed(new byte[] {0, 0});
        feed(wire(frame(2)));
        assertEquals(List.of(frame(1), frame(2)), sink.packets);
        assertTrue(sink.corrupt.isEmpty());
    }

    @Test
    void garbageBeforeTheFirstDelimiterIsOneCorruptBlock() {
        // Joining mid-stream: the tail of a packet arrives first. It is rejected, then decoding continues.
        byte[] w = PacketEncoder.encode(frame(1));
        feed(java.util.Arrays.copyOfRange(w, 10, w.length));
        feed(wire(frame(2)));
        assertEquals(1, sink.corrupt.size());
        assertEquals(List.of(frame(2)), sink.packets);
    }

    @Test
    void countersAreReadableFromAnotherThread() throws Exception {
        byte[] w = wire(frame(1));
        Thread t = new Thread(() -> {
            for (int i = 0; i < 1000; i++) {
                decoder.feed(w, 0, w.length);
            }
        });
        t.start();
        t.join(30_000);
        assertEquals(1000, decoder.packets());
        assertEquals(1000L * w.length, decoder.bytesIn());
    }
}
