package io.tactus.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameAssemblerTest {

    private static final DeviceDescriptor GRID = new DeviceDescriptor(1, "test", "T1", "1.0", "grid", 2, 3,
            new double[] {10, 10}, 12, 100, null, DeviceDescriptor.CalibrationSpec.linear(0.1, 0));

    private final List<RawFrame> frames = new ArrayList<>();
    private final List<String> bad = new ArrayList<>();
    private final List<Payloads.Marker> markers = new ArrayList<>();
    private final FrameAssembler assembler = new FrameAssembler(new FrameListener() {
        @Override
        public void onFrame(RawFrame frame) {
            frames.add(frame);
        }

        @Override
        public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
            markers.add(marker);
        }

        @Override
        public void onBadPayload(Corruption kind, TimedPacket packet, String why) {
            bad.add(why);
        }
    });

    private void feed(PacketType type, int seq, long timeUs, byte[] payload) {
        assembler.accept(new TimedPacket(new Packet(type, seq, timeUs, payload), 0));
    }

    private void hello(int seq) {
        feed(PacketType.HELLO, seq, 0, GRID.toJson());
    }

    @Test
    void aLostBurstWithoutHelloIsStillAGap() {
        hello(40000);
        feed(PacketType.FRAME_DENSE, 40001, 10, Payloads.dense(new int[6]));
        feed(PacketType.FRAME_DENSE, 50001, 20, Payloads.dense(new int[6]));
        assertEquals(9999, assembler.dropped());
    }

    @Test
    void decodesDenseAndSparseFramesAgainstTheDescriptor() {
        hello(0);
        feed(PacketType.FRAME_DENSE, 1, 1000, Payloads.dense(new int[] {1, 2, 3, 4, 5, 6}));
        feed(PacketType.FRAME_SPARSE, 2, 2000, Payloads.sparse(new int[] {0, 0, 7, 0, 0, 9}));
        assertEquals(2, frames.size());
        assertArrayEquals(new int[] {1, 2, 3, 4, 5, 6}, frames.get(0).counts());
        assertArrayEquals(new int[] {0, 0, 7, 0, 0, 9}, frames.get(1).counts());
        assertEquals(0, assembler.dropped());
    }

    @Test
    void countsSequenceGapsAcrossTheWrap() {
        hello(65533);
        feed(PacketType.FRAME_DENSE, 65534, 10, Payloads.dense(new int[6]));
        // 65535 and 0 are lost
        feed(PacketType.FRAME_DENSE, 1, 20, Payloads.dense(new int[6]));
        assertEquals(2, assembler.dropped());
        assertEquals(65534, frames.get(0).index());
        assertEquals(65537, frames.get(1).index(), "index keeps counting across the 16-bit wrap");
    }

    @Test
    void aRebootIsNotAGap() {
        feed(PacketType.HELLO, 40000, 5_000_000, GRID.toJson());
        feed(PacketType.FRAME_DENSE, 40001, 5_010_000, Payloads.dense(new int[6]));
        feed(PacketType.HELLO, 0, 100, GRID.toJson()); // rebooted: counter and clock restart
        feed(PacketType.FRAME_DENSE, 1, 10_100, Payloads.dense(new int[6]));
        assertEquals(0, assembler.dropped());
        assertEquals(1, assembler.deviceResets());
        assertTrue(frames.get(1).index() > frames.get(0).index(), "frame index stays monotonic");
    }

    @Test
    void unwrapsTheDeviceClockAcross32Bits() {
        long nearWrap = 0xFFFF_FFFFL - 500;
        feed(PacketType.HELLO, 0, nearWrap - 100, GRID.toJson());
        feed(PacketType.FRAME_DENSE, 1, nearWrap, Payloads.dense(new int[6]));
        feed(PacketType.FRAME_DENSE, 2, 499, Payloads.dense(new int[6])); // 1000 us later, after the wrap
        assertEquals(nearWrap + 1000, frames.get(1).deviceTimeUs());
    }

    @Test
    void wrongLengthFrameIsCountedAndTheNextGoodFrameStillArrives() {
        hello(0);
        feed(PacketType.FRAME_DENSE, 1, 10, Payloads.dense(new int[5]));
        feed(PacketType.FRAME_SPARSE, 2, 20, new byte[] {1, 0, 99, 0, 1, 0}); // cell 99 out of range
        feed(PacketType.FRAME_DENSE, 3, 30, Payloads.dense(new int[] {1, 1, 1, 1, 1, 1}));
        assertEquals(2, assembler.badPayload());
        assertEquals(2, bad.size());
        assertTrue(bad.get(0).contains("2x3"), bad.get(0));
        assertEquals(1, frames.size());
        assertEquals(30, frames.get(0).deviceTimeUs());
    }

    @Test
    void framesBeforeHelloAreCountedNotGuessed() {
        feed(PacketType.FRAME_DENSE, 0, 10, Payloads.dense(new int[6]));
        assertEquals(1, assembler.framesWithoutHello());
        assertEquals(0, frames.size());
        hello(1);
        feed(PacketType.FRAME_DENSE, 2, 20, Payloads.dense(new int[6]));
        assertEquals(1, frames.size());
        assertNotNull(assembler.descriptor());
    }

    @Test
    void invalidHelloIsABadPayloadAndKeepsThePreviousDescriptor() {
        hello(0);
        feed(PacketType.HELLO, 1, 0, "{\"protocol\":1,\"layout\":\"grid\",\"rows\":-4}".getBytes());
        assertEquals(1, assembler.badPayload());
        assertEquals(2, assembler.descriptor().rows());
    }

    @Test
    void markersAndHostCommandsAreRoutedOrIgnored() {
        hello(0);
        feed(PacketType.MARKER, 1, 10, Payloads.marker(Payloads.Marker.TOO_MUCH, "ouch"));
        feed(PacketType.START, 7, 0, new byte[0]); // host->device echo: not part of the device's sequence
        feed(PacketType.FRAME_DENSE, 2, 20, Payloads.dense(new int[6]));
        assertEquals(1, markers.size());
        assertEquals("ouch", markers.get(0).text());
        assertEquals(0, assembler.dropped());
    }

    @Test
    void markerTextsAreCappedPerMarkerAndInTotalAndTheRestIsCounted() {
        long[] kept = {0, 0};
        FrameAssembler a = new FrameAssembler(new FrameListener() {
            @Override
            public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
                kept[0] += marker.text().length();
                kept[1]++;
            }
        });
        String big = "x".repeat(65_000);
        for (int i = 0; i < 2500; i++) {
            a.accept(new TimedPacket(new Packet(PacketType.MARKER, i, i * 1000L, Payloads.marker(1, big)), 0));
        }
        a.accept(new TimedPacket(new Packet(PacketType.MARKER, 2500, 2_500_000L, Payloads.marker(2, "ok")), 0));
        assertEquals(2501, kept[1], "every press is kept");
        assertEquals(FrameAssembler.MARKER_TEXT_TOTAL, kept[0], "text kept in all is capped");
        assertEquals(2501, a.markerTextsCut(), "1,024 cut to 256 characters, the rest (and the short one) to none");
        assertEquals(2500L * 65_000 + 2 - FrameAssembler.MARKER_TEXT_TOTAL, a.markerCharsCut());
    }

    /** What an assembler reported: every frame's header, every bad payload's reason, its counters. */
    private record Seen(List<String> frames, List<String> bad, List<Long> counters) {
    }

    private static Seen run(List<TimedPacket> packets, boolean headersOnly) {
        List<String> f = new ArrayList<>();
        List<String> b = new ArrayList<>();
        FrameAssembler a = new FrameAssembler(new FrameListener() {
            @Override
            public void onFrame(RawFrame frame) {
                if (headersOnly) {
                    assertNull(frame.counts(), "headers only: no cell is decoded");
                }
                f.add(frame.index() + "@" + frame.deviceTimeUs() + "/" + frame.hostNanos());
            }

            @Override
            public void onBadPayload(Corruption kind, TimedPacket packet, String why) {
                b.add(packet.packet().seq() + " " + why);
            }
        });
        a.decodeIntoOneBuffer();
        if (headersOnly) {
            a.headersOnly();
        }
        packets.forEach(a::accept);
        return new Seen(f, b, List.of(a.frames(), a.dropped(), a.badPayload(), a.framesWithoutHello(),
                a.deviceResets()));
    }

    @Test
    void headersOnlyReportsTheSameFramesGapsAndBadPayloadsAsDecoding() {
        List<TimedPacket> in = new ArrayList<>();
        int[] seq = {0};
        long[] t = {5_000};
        java.util.function.BiConsumer<PacketType, byte[]> add = (type, payload) -> {
            in.add(new TimedPacket(new Packet(type, seq[0]++ & 0xFFFF, t[0] & 0xFFFF_FFFFL, payload), t[0] * 1000));
            t[0] += 10_000;
        };
        add.accept(PacketType.FRAME_DENSE, Payloads.dense(new int[6])); // before any HELLO
        add.accept(PacketType.HELLO, GRID.toJson());
        Random rnd = new Random(9);
        for (int i = 0; i < 3000; i++) {
            int[] cells = new int[6];
            cells[rnd.nextInt(6)] = rnd.nextInt(4096);
            switch (rnd.nextInt(12)) {
                case 0 -> add.accept(PacketType.FRAME_DENSE, Payloads.dense(new int[rnd.nextInt(8)])); // often wrong
                case 1 -> { // sparse with a cell index that may be out of range
                    byte[] p = Payloads.sparse(cells);
                    p[2] = (byte) rnd.nextInt(9);
                    add.accept(PacketType.FRAME_SPARSE, p);
                }
                case 2 -> add.accept(PacketType.FRAME_SPARSE, java.util.Arrays.copyOf(Payloads.sparse(cells),
                        rnd.nextInt(9))); // cut or padded: length and count disagree
                case 3 -> seq[0] += rnd.nextInt(5); // packets lost
                case 4 -> add.accept(PacketType.MARKER, Payloads.marker(1, "m" + i));
                case 5 -> { // a reboot: the clock steps back, a HELLO, the sequence restarts
                    t[0] = 1_000;
                    seq[0] = 0;
                    add.accept(PacketType.HELLO, GRID.toJson());
                }
                default -> add.accept(rnd.nextBoolean() ? PacketType.FRAME_DENSE : PacketType.FRAME_SPARSE,
                        rnd.nextBoolean() ? Payloads.dense(cells) : Payloads.sparse(cells));
            }
        }
        Seen decoded = run(in, false);
        Seen headers = run(in, true);
        assertTrue(decoded.bad().size() > 300 && decoded.frames().size() > 500, decoded.counters().toString());
        assertTrue(decoded.counters().get(1) > 0 && decoded.counters().get(4) > 0, decoded.counters().toString());
        assertEquals(decoded, headers);
    }

    @Test
    void frameFitsIsExactlyWhatDecodingAccepts() {
        Random rnd = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            int cells = 1 + rnd.nextInt(40);
            byte[] p = new byte[rnd.nextInt(3) == 0 ? 2 * cells : 2 + 4 * rnd.nextInt(6) + rnd.nextInt(2)];
            rnd.nextBytes(p);
            if (p.length >= 2 && rnd.nextBoolean()) { // a plausible sparse count, indices often in range
                int n = (p.length - 2) / 4;
                p[0] = (byte) n;
                p[1] = 0;
                for (int k = 0; k < n; k++) {
                    p[2 + 4 * k] = (byte) rnd.nextInt(cells + 2);
                    p[3 + 4 * k] = 0;
                }
            }
            for (PacketType type : new PacketType[] {PacketType.FRAME_DENSE, PacketType.FRAME_SPARSE, PacketType.LOG}) {
                int[] out = new int[cells];
                assertEquals(Payloads.decodeFrame(type, p, 0, p.length, out),
                        Payloads.frameFits(type, p, 0, p.length, cells), type + " " + p.length + " bytes, " + cells);
            }
        }
    }
}
