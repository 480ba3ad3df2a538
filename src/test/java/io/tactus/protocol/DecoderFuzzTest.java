package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Seeded randomized corruption: good packets interleaved with damaged ones (flipped bits, truncation, inserted
 * garbage) and random bytes. The decoder must never throw, must deliver every good packet whose first byte follows
 * a 0x00 in the stream (the receiver has resynchronised by then), in order, and must never deliver anything else.
 */
class DecoderFuzzTest {

    private static final PacketType[] DEVICE_TYPES = {PacketType.HELLO, PacketType.FRAME_DENSE,
            PacketType.FRAME_SPARSE, PacketType.MARKER, PacketType.POSE, PacketType.LOG, PacketType.ERROR};

    private record Stream(byte[] bytes, List<Packet> mustDeliver, Set<Packet> good, int damaged) {
    }

    private static Packet randomPacket(Random rnd, int seq) {
        PacketType type = DEVICE_TYPES[rnd.nextInt(DEVICE_TYPES.length)];
        int len = switch (rnd.nextInt(4)) {
            case 0 -> rnd.nextInt(8);
            case 1 -> rnd.nextInt(300);
            case 2 -> 250 + rnd.nextInt(10); // around the 254-byte COBS block boundary
            default -> rnd.nextInt(3000);
        };
        byte[] payload = new byte[len];
        int zeroEvery = 1 + rnd.nextInt(400);
        for (int i = 0; i < len; i++) {
            payload[i] = rnd.nextInt(zeroEvery) == 0 ? 0 : (byte) rnd.nextInt(256);
        }
        return new Packet(type, seq & 0xFFFF, rnd.nextInt() & 0xFFFF_FFFFL, payload);
    }

    private static byte[] damage(Random rnd, byte[] wire) {
        byte[] w = wire.clone();
        switch (rnd.nextInt(4)) {
            case 0 -> { // flipped bits, anywhere but the final delimiter
                int flips = 1 + rnd.nextInt(4);
                for (int k = 0; k < flips; k++) {
                    w[rnd.nextInt(w.length - 1)] ^= (byte) (1 << rnd.nextInt(8));
                }
                return w;
            }
            case 1 -> { // truncated (the delimiter survives, as when bytes are lost in a driver)
                int keep = rnd.nextInt(w.length - 1);
                byte[] t = java.util.Arrays.copyOf(w, keep + 1);
                t[keep] = 0;
                return t;
            }
            case 2 -> { // garbage inserted in the middle
                int at = rnd.nextInt(w.length);
                byte[] g = new byte[1 + rnd.nextInt(40)];
                rnd.nextBytes(g);
                ByteArrayOutputStream o = new ByteArrayOutputStream();
                o.write(w, 0, at);
                o.writeBytes(g);
                o.write(w, at, w.length - at);
                return o.toByteArray();
            }
            default -> { // truncated without its delimiter: it merges with whatever comes next
                return java.util.Arrays.copyOf(w, rnd.nextInt(w.length - 1));
            }
        }
    }

    private static Stream build(Random rnd, int segments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Packet> mustDeliver = new ArrayList<>();
        Set<Packet> good = new HashSet<>();
        int damaged = 0;
        int seq = rnd.nextInt(65536);
        boolean atBoundary = true; // start of stream counts as synchronised
        for (int s = 0; s < segments; s++) {
            int what = rnd.nextInt(10);
            if (what < 6) {
                Packet p = randomPacket(rnd, seq++);
                good.add(p);
                if (atBoundary) {
                    mustDeliver.add(p);
                }
                out.writeBytes(PacketEncoder.encode(p));
                atBoundary = true;
            } else if (what < 9) {
                byte[] d = damage(rnd, PacketEncoder.encode(randomPacket(rnd, seq++)));
                out.writeBytes(d);
                damaged++;
                atBoundary = d.length > 0 && d[d.length - 1] == 0;
            } else {
                byte[] g = new byte[1 + rnd.nextInt(rnd.nextBoolean() ? 16 : 2000)];
                rnd.nextBytes(g);
                out.writeBytes(g);
                damaged++;
                atBoundary = g[g.length - 1] == 0;
            }
        }
        return new Stream(out.toByteArray(), mustDeliver, good, damaged);
    }

    @Test
    void randomizedCorruptionNeverLosesAResynchronisedPacket() {
        Random rnd = new Random(0x7AC7A5L);
        int totalMust = 0;
        for (int iter = 0; iter < 150; iter++) {
            Stream st = build(rnd, 40);
            Collecting sink = new Collecting();
            PacketDecoder decoder = new PacketDecoder(sink);
            byte[] b = st.bytes();
            int pos = 0;
            try {
                while (pos < b.length) {
                    int n = Math.min(b.length - pos, 1 + rnd.nextInt(rnd.nextBoolean() ? 64 : 4096));
                    decoder.feed(b, pos, n);
                    pos += n;
                }
                decoder.feed(new byte[] {0}, 0, 1); // flush whatever trails
            } catch (RuntimeException e) {
                fail("decoder threw on iteration " + iter + ": " + e);
            }
            for (Packet p : sink.packets) {
                assertTrue(st.good().contains(p), "iteration " + iter + ": delivered a packet never sent: " + p);
            }
            assertSubsequence(st.mustDeliver(), sink.packets, iter);
            if (st.damaged() > 0) {
                assertTrue(decoder.corruptTotal() > 0, "damage must be counted, iteration " + iter);
            }
            assertEquals(sink.corrupt.size(), decoder.corruptTotal());
            totalMust += st.mustDeliver().size();
        }
        assertTrue(totalMust > 2000, "the generator exercises enough good packets: " + totalMust);
    }

    private static void assertSubsequence(List<Packet> expected, List<Packet> actual, int iter) {
        int j = 0;
        for (Packet p : actual) {
            if (j < expected.size() && expected.get(j).equals(p)) {
                j++;
            }
        }
        assertEquals(expected.size(), j, "iteration " + iter + ": a resynchronised good packet was lost ("
                + (j < expected.size() ? expected.get(j) : "") + ")");
    }

    @Test
    void pureRandomBytesNeverThrow() {
        Random rnd = new Random(99);
        PacketDecoder decoder = new PacketDecoder(new Collecting());
        byte[] buf = new byte[1 << 20];
        for (int iter = 0; iter < 8; iter++) {
            rnd.nextBytes(buf);
            if (iter % 2 == 1) {
                for (int i = 0; i < buf.length; i++) {
                    if (buf[i] == 0) {
                        buf[i] = 1; // long zero-free stretches drive the oversize path
                    }
                }
            }
            decoder.feed(buf, 0, buf.length);
        }
        decoder.feed(new byte[] {0}, 0, 1);
        assertTrue(decoder.corruptTotal() > 1000);
        assertTrue(decoder.corruptCounts().containsKey(Corruption.OVERSIZE));
        Packet p = new Packet(PacketType.LOG, 1, 1, new byte[] {65});
        Collecting sink = new Collecting();
        PacketDecoder d2 = new PacketDecoder(sink);
        d2.feed(buf, 0, buf.length);
        byte[] w = PacketEncoder.encode(p);
        d2.feed(new byte[] {0}, 0, 1);
        d2.feed(w, 0, w.length);
        assertEquals(List.of(p), sink.packets);
    }
}
