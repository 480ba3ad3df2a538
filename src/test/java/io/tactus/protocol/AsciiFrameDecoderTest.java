package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiFrameDecoderTest {

    private static final AsciiOptions GRID_2X3 = AsciiOptions.of(2, 3).withRateHz(10);

    private final Collecting sink = new Collecting();

    private AsciiFrameDecoder decoder(AsciiOptions o) {
        return new AsciiFrameDecoder(o, FrameClock.fixedRate(o.rateHz() > 0 ? o.rateHz() : 25), sink);
    }

    private static void feed(ByteStreamDecoder d, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        d.feed(b, 0, b.length);
    }

    /** The frames delivered, as cell arrays (HELLO checked separately). */
    private List<int[]> frames() {
        List<int[]> out = new ArrayList<>();
        for (Packet p : sink.packets) {
            if (p.type() == PacketType.FRAME_DENSE) {
                int[] c = new int[p.payload().length / 2];
                assertTrue(Payloads.decodeFrame(p.type(), p.payload(), c));
                out.add(c);
            }
        }
        return out;
    }

    private static final int[] F1 = {1, 2, 3, 4, 5, 6};
    private static final int[] F2 = {0, 65535, 0, 7, 0, 1023};

    private void assertFrames(int[]... expected) {
        List<int[]> got = frames();
        assertEquals(expected.length, got.size(), "frame count");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], got.get(i), "frame " + i);
        }
    }

    @Test
    void framePerLineStartsWithASynthesizedHello() throws Exception {
        AsciiFrameDecoder d = decoder(GRID_2X3);
        feed(d, "1 2 3 4 5 6\n0 65535 0 7 0 1023\n");
        assertEquals(3, sink.packets.size());
        Packet hello = sink.packets.get(0);
        assertEquals(PacketType.HELLO, hello.type());
        DeviceDescriptor desc = DeviceDescriptor.parse(hello.payload());
        assertEquals("ascii", desc.device());
        assertEquals("grid", desc.layout());
        assertEquals(2, desc.rows());
        assertEquals(3, desc.cols());
        assertEquals(AsciiOptions.DEFAULT_PITCH_MM, desc.pitchXmm());
        assertEquals(10, desc.adcBits());
        assertEquals(10.0, desc.rateHz());
        assertFrames(F1, F2);
        assertEquals(List.of(0, 1, 2), sink.packets.stream().map(Packet::seq).toList(), "consecutive seq");
        assertEquals(List.of(0L, 0L, 100_000L), sink.packets.stream().map(Packet::deviceTimeUs).toList());
        assertTrue(sink.corrupt.isEmpty());
        assertEquals(3, d.packets());
    }

    @Test
    void rowPerLineWithBlankOrLabelSeparatorsOrNone() {
        AsciiFrameDecoder d = decoder(GRID_2X3);
        feed(d, "Ready\n1 2 3\n4 5 6\n\n0 65535 0\n7 0 1023\nFrame 3:\n1 2 3\n4 5 6\n---\n0 65535 0\n7 0 1023\n1 2 3\n4 5 6\n");
        assertFrames(F1, F2, F1, F2, F1);
        assertTrue(sink.corrupt.isEmpty(), sink.corrupt.toString());
        assertEquals(3, d.labelLines());
    }

    @Test
    void mixedSeparatorsAndCrlf() {
        AsciiFrameDecoder d = decoder(GRID_2X3);
        feed(d, "1,2;3\t4  5 ,6,\r\n");
        feed(d, " 0;65535;0\r\n7,0,1023\r\n\r\n");
        feed(d, "\t1\t2\t3\t4\t5\t6\t\r\n");
        assertFrames(F1, F2, F1);
        assertTrue(sink.corrupt.isEmpty(), sink.corrupt.toString());
    }

    @Test
    void badLinesAreCountedAndTheNextGoodFrameSurvives() {
        AsciiFrameDecoder d = decoder(GRID_2X3);
        feed(d, "1 2 3 4 5\n");            // wrong count
        feed(d, "1 2 3 4 5 6 7\n");        // wrong count
        feed(d, "1 2 x 4 5 6\n");          // not a number
        feed(d, "1 2 3 4 5 65536\n");      // too large
        feed(d, "1 2 3 4 5 99999999999999999999\n"); // far too large, no overflow
        feed(d, "1.5 2 3 4 5 6\n");        // not an integer
        feed(d, "-1 2 3 4 5 6\n");         // negative
        feed(d, "1 2 3 4 5 6\n");
        feed(d, "1 2 3\n\n");              // row-per-line frame cut short by a blank line
        feed(d, "0 65535 0\n7 0 1023\n");
        feed(d, "1 2 3\nFrame\n");         // ... or by a label line
        feed(d, "1 2 3\n1 2 3 4 5 6\n");   // ... or by a whole-frame line (which itself is good)
        assertFrames(F1, F2, F1);
        assertEquals(Map.of(Corruption.BAD_TEXT, 10L), d.corruptCounts());
    }

    @Test
    void overlongLineIsCappedCountedAndSkipped() {
        AsciiFrameDecoder d = decoder(GRID_2X3);
        int cap = AsciiFrameDecoder.lineCap(6);
        feed(d, "1 ".repeat(200_000));
        assertTrue(d.pendingBytes() <= cap, "line buffer is capped");
        feed(d, "\n1 2 3 4 5 6\n");
        assertFrames(F1);
        assertEquals(Map.of(Corruption.OVERSIZE, 1L), d.corruptCounts());
    }

    @Test
    void splitAcrossChunksAtEveryBytePosition() {
        String text = "1 2 3\r\n4 5 6\r\n\r\n0 65535 0 7 0 1023\r\nbad line 1\r\n1,2,3,4,5,6\r\n";
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        for (int cut = 0; cut <= b.length; cut++) {
            Collecting s = new Collecting();
            AsciiFrameDecoder d = new AsciiFrameDecoder(GRID_2X3, FrameClock.fixedRate(10), s);
            d.feed(b, 0, cut);
            d.feed(b, cut, b.length - cut);
            assertEquals(4, s.packets.size(), "cut " + cut);
            assertTrue(s.corrupt.isEmpty(), "cut " + cut + ": " + s.corrupt);
        }
    }

    @Test
    void incompleteLineStaysBufferedUntilItsEndOrFinish() {
        AsciiFrameDecoder d = decoder(GRID_2X3);
        feed(d, "1 2 3 4 5");
        assertEquals(0, d.packets());
        assertEquals(9, d.pendingBytes());
        feed(d, " 6");
        d.finish(); // a capture file whose last line has no line end
        assertFrames(F1);
        assertEquals(0, d.pendingBytes());
    }

    @Test
    void finishReportsACutOffRowFrame() {
        AsciiFrameDecoder d = decoder(GRID_2X3);
        feed(d, "1 2 3 4 5 6\n1 2 3\n");
        d.finish();
        assertFrames(F1);
        assertEquals(Map.of(Corruption.BAD_TEXT, 1L), d.corruptCounts());
    }

    @Test
    void rateIsEstimatedFromTheFirstFramesWhenNotGiven() throws Exception {
        AsciiFrameDecoder d = new AsciiFrameDecoder(AsciiOptions.of(1, 2), FrameClock.fixedRate(25), sink);
        for (int i = 0; i < AsciiFrameDecoder.ESTIMATE_FRAMES - 1; i++) {
            feed(d, i + " 1\n");
        }
        assertEquals(0, sink.packets.size(), "held back while estimating");
        feed(d, "9 1\n");
        assertEquals(AsciiFrameDecoder.ESTIMATE_FRAMES + 1, sink.packets.size());
        assertEquals(25.0, DeviceDescriptor.parse(sink.packets.get(0).payload()).rateHz());
        assertEquals(25.0, d.announcedRateHz());
        feed(d, "10 1\n");
        List<int[]> f = frames();
        for (int i = 0; i <= 10; i++) {
            assertEquals(i, f.get(i)[0], "frames keep their order");
            assertEquals(i + 1, sink.packets.get(i + 1).seq());
            assertEquals(i * 40_000L, sink.packets.get(i + 1).deviceTimeUs());
        }
    }

    @Test
    void shortStreamsAreFlushedWithTheEstimateSoFar() throws Exception {
        AsciiFrameDecoder d = new AsciiFrameDecoder(AsciiOptions.of(1, 2), FrameClock.fixedRate(4), sink);
        feed(d, "1 1\n2 2\n3 3\n");
        d.finish();
        assertEquals(4, sink.packets.size());
        assertEquals(4.0, DeviceDescriptor.parse(sink.packets.get(0).payload()).rateHz());

        Collecting s2 = new Collecting();
        AsciiFrameDecoder one = new AsciiFrameDecoder(AsciiOptions.of(1, 2), FrameClock.fixedRate(4), s2);
        one.feed("5 5\n".getBytes(StandardCharsets.US_ASCII), 0, 4);
        one.finish();
        assertEquals(AsciiFrameDecoder.FALLBACK_RATE_HZ, DeviceDescriptor.parse(s2.packets.get(0).payload()).rateHz());
    }

    @Test
    void seqWrapsAndTimeIsCarriedModulo32Bits() {
        long start = 0xFFFF_FFFFL - 5;
        AsciiFrameDecoder d = new AsciiFrameDecoder(AsciiOptions.of(1, 1).withRateHz(1000), i -> start + 10 * i, sink);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 70_000; i++) {
            sb.append(i % 1000).append('\n');
        }
        feed(d, sb.toString());
        assertEquals(70_001, sink.packets.size());
        assertEquals(0xFFFF, sink.packets.get(0xFFFF).seq());
        assertEquals(0, sink.packets.get(0x10000).seq());
        assertEquals(start, sink.packets.get(1).deviceTimeUs());
        assertEquals(4, sink.packets.get(2).deviceTimeUs(), "wrapped");
    }

    @Test
    void transcodedPacketsSurviveTheWireFormat() {
        AsciiFrameDecoder d = decoder(GRID_2X3);
        feed(d, "1 2 3 4 5 6\n0 65535 0 7 0 1023\n");
        Collecting again = new Collecting();
        PacketDecoder binary = new PacketDecoder(again);
        for (Packet p : sink.packets) {
            byte[] w = PacketEncoder.encode(p);
            binary.feed(w, 0, w.length);
        }
        assertEquals(sink.packets, again.packets);
    }

    @Test
    void randomGarbageNeverLosesALineThatFollowsALineEnd() {
        Random rnd = new Random(1234);
        AsciiOptions o = AsciiOptions.of(4, 4).withRateHz(50);
        for (int iter = 0; iter < 40; iter++) {
            Collecting s = new Collecting();
            AsciiFrameDecoder d = new AsciiFrameDecoder(o, FrameClock.fixedRate(50), s);
            StringBuilder text = new StringBuilder();
            List<String> mustDeliver = new ArrayList<>();
            List<String> good = new ArrayList<>();
            boolean atLineStart = true;
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            for (int k = 0; k < 60; k++) {
                if (rnd.nextInt(3) > 0) {
                    StringBuilder line = new StringBuilder();
                    for (int c = 0; c < 16; c++) {
                        line.append(rnd.nextInt(1024)).append(rnd.nextBoolean() ? " " : ",");
                    }
                    String l = line.toString().trim();
                    good.add(l);
                    if (atLineStart) {
                        mustDeliver.add(l);
                    }
                    bytes.writeBytes((l + (rnd.nextBoolean() ? "\r\n" : "\n")).getBytes(StandardCharsets.US_ASCII));
                    atLineStart = true;
                } else {
                    byte[] g = new byte[1 + rnd.nextInt(rnd.nextBoolean() ? 30 : 3000)];
                    rnd.nextBytes(g);
                    bytes.writeBytes(g);
                    atLineStart = g[g.length - 1] == '\n';
                }
            }
            byte[] b = bytes.toByteArray();
            for (int pos = 0; pos < b.length; ) {
                int n = Math.min(b.length - pos, 1 + rnd.nextInt(500));
                d.feed(b, pos, n);
                pos += n;
            }
            d.finish();
            List<String> delivered = new ArrayList<>();
            for (int[] f : framesOf(s)) {
                delivered.add(java.util.Arrays.toString(f));
            }
            List<String> goodCells = good.stream().map(AsciiFrameDecoderTest::cells).toList();
            for (String f : delivered) {
                assertTrue(goodCells.contains(f), "iteration " + iter + ": delivered a frame never sent: " + f);
            }
            int j = 0;
            List<String> must = mustDeliver.stream().map(AsciiFrameDecoderTest::cells).toList();
            for (String f : delivered) {
                if (j < must.size() && must.get(j).equals(f)) {
                    j++;
                }
            }
            assertEquals(must.size(), j, "iteration " + iter + ": a good line after a line end was lost");
        }
        assertThrows(IllegalArgumentException.class, () -> AsciiOptions.parseSize("16 by 16"));
    }

    private static String cells(String line) {
        return java.util.Arrays.toString(java.util.Arrays.stream(line.split("[ ,]+")).mapToInt(Integer::parseInt).toArray());
    }

    private static List<int[]> framesOf(Collecting s) {
        List<int[]> out = new ArrayList<>();
        for (Packet p : s.packets) {
            if (p.type() == PacketType.FRAME_DENSE) {
                int[] c = new int[p.payload().length / 2];
                Payloads.decodeFrame(p.type(), p.payload(), c);
                out.add(c);
            }
        }
        return out;
    }

    @Test
    void optionsParseAndValidate() {
        AsciiOptions o = AsciiOptions.parseSize("16x32");
        assertEquals(16, o.rows());
        assertEquals(32, o.cols());
        assertEquals(AsciiOptions.ESTIMATE_RATE, o.rateHz());
        assertEquals(8, AsciiOptions.parseSize(" 8 X 8 ").cols());
        for (String bad : new String[] {"", "16", "0x16", "16x", "axb", "300x300", "1000000x1000000"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AsciiOptions.parseSize(bad),
                    bad);
            assertTrue(!e.getMessage().contains("\n"));
        }
        assertThrows(IllegalArgumentException.class, () -> AsciiOptions.of(4, 4).withRateHz(-1));
        assertThrows(IllegalArgumentException.class, () -> AsciiOptions.of(4, 4).withAdcBits(17));
        assertThrows(IllegalArgumentException.class, () -> AsciiOptions.of(4, 4).withPitchMm(0));
    }

    @Test
    void hostTimeClockIsMonotonic() {
        FrameClock c = FrameClock.hostTime();
        long a = c.timeUs(0);
        long b = c.timeUs(1);
        assertTrue(a >= 0 && b >= a);
        assertEquals(2_000_000L, FrameClock.fixedRate(0.5).timeUs(1));
    }
}
