package io.tactus.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming read path ({@link RecordingReader.Cursor#advance()} into {@link FrameAssembler}) that analysis and
 * export use: the same packets and frames as the copying path, without allocating per packet (a one-hour 32x32
 * recording used to make ~0.8 GB of garbage in the reader alone, which the default heap turned into RSS).
 */
class StreamingReadTest {

    @TempDir
    Path dir;

    @Test
    void advanceSeesExactlyThePacketsNextReturns() throws Exception {
        Path file = recording(32, 32, 3_000, true);
        try (RecordingReader r = RecordingReader.open(file)) {
            RecordingReader.Cursor copies = r.cursor();
            RecordingReader.Cursor views = r.cursor();
            RecordedPacket p;
            int n = 0;
            while ((p = copies.next()) != null) {
                assertTrue(views.advance(), "advance ended early at packet " + n);
                assertEquals(p.ordinal(), views.ordinal());
                assertEquals(p.deviceTimeUs(), views.deviceTimeUs());
                assertEquals(p.synthetic(), views.synthetic());
                assertEquals(p.timed().hostNanos(), views.hostNanos());
                Packet q = p.timed().packet();
                assertEquals(q.type(), views.type());
                assertEquals(q.seq(), views.seq());
                assertEquals(q.deviceTimeUs(), views.rawTimeUs());
                assertArrayEquals(q.payload(), views.payload());
                assertArrayEquals(q.payload(), Arrays.copyOfRange(views.payloadBuffer(), views.payloadStart(),
                        views.payloadStart() + views.payloadLength()));
                n++;
            }
            assertFalse(views.advance());
            assertEquals(3_001, n); // HELLO + frames
            assertEquals(copies.integrity(), views.integrity());
        }
    }

    @Test
    void damagedFileStreamsTheSamePacketsAndIntegrityBothWays() throws Exception {
        Path file = recording(8, 8, 2_000, false);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        for (int at : new int[] {bytes.length / 3, bytes.length / 2, 2 * bytes.length / 3}) {
            bytes[at] ^= 0x5A; // three damaged records: resync past each
        }
        java.nio.file.Files.write(file, bytes);
        try (RecordingReader r = RecordingReader.open(file)) {
            RecordingReader.Cursor copies = r.cursor();
            RecordingReader.Cursor views = r.cursor();
            RecordedPacket p;
            int n = 0;
            while ((p = copies.next()) != null) {
                assertTrue(views.advance());
                assertEquals(p.ordinal(), views.ordinal());
                assertEquals(p.deviceTimeUs(), views.deviceTimeUs());
                assertArrayEquals(p.timed().packet().payload(), views.payload());
                n++;
            }
            assertFalse(views.advance());
            assertTrue(n < 2_001 && n > 1_900, "damage costs a few packets, not the file: " + n);
            assertFalse(views.integrity().clean());
            assertEquals(copies.integrity(), views.integrity());
            assertTrue(views.integrity().damagedRegions() >= 1);
        }
    }

    @Test
    void assemblerDecodesFramesFromTheReadBufferLikeFromPackets() throws Exception {
        Path file = recording(16, 16, 500, true);
        List<RawFrame> fromPackets = new ArrayList<>();
        List<RawFrame> fromBuffer = new ArrayList<>();
        try (RecordingReader r = RecordingReader.open(file)) {
            FrameAssembler a = new FrameAssembler(collect(fromPackets));
            RecordingReader.Cursor c = r.cursor();
            RecordedPacket p;
            while ((p = c.next()) != null) {
                a.accept(p.timed());
            }
            FrameAssembler b = new FrameAssembler(collect(fromBuffer));
            RecordingReader.Cursor v = r.cursor();
            while (v.advance()) {
                b.accept(v.type(), v.seq(), v.rawTimeUs(), v.hostNanos(), v.payloadBuffer(), v.payloadStart(),
                        v.payloadLength());
            }
            assertEquals(a.checkpoint(), b.checkpoint());
        }
        assertEquals(500, fromPackets.size());
        assertEquals(fromPackets.size(), fromBuffer.size());
        for (int i = 0; i < fromPackets.size(); i++) {
            RawFrame x = fromPackets.get(i);
            RawFrame y = fromBuffer.get(i);
            assertEquals(x.index(), y.index());
            assertEquals(x.deviceTimeUs(), y.deviceTimeUs());
            assertEquals(x.hostNanos(), y.hostNanos());
            assertArrayEquals(x.counts(), y.counts());
        }
    }

    @Test
    void aPassOfAdvanceAllocatesNothingPerPacket() throws Exception {
        java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        assumeTrue(mx instanceof com.sun.management.ThreadMXBean t && t.isThreadAllocatedMemorySupported(),
                "this JVM does not count allocated bytes per thread");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) mx;
        Path file = recording(32, 32, 20_000, true);
        try (RecordingReader r = RecordingReader.open(file)) {
            long sink = pass(r.cursor()); // warm up: class loading, JIT
            RecordingReader.Cursor c = r.cursor();
            long before = threads.getCurrentThreadAllocatedBytes();
            sink += pass(c);
            long allocated = threads.getCurrentThreadAllocatedBytes() - before;
            assertNotNull(c.integrity());
            assertTrue(sink > 0);
            // the old path allocated a payload copy (2 KB) plus five small objects per packet: 40 MB here
            assertTrue(allocated < 64 * 1024, "a 20,001-packet pass allocated " + allocated + " bytes");
        }
    }

    /** Reads every packet's header and one payload byte (so nothing is optimised away). */
    private static long pass(RecordingReader.Cursor c) {
        long sum = 0;
        while (c.advance()) {
            sum += c.seq() + c.payloadBuffer()[c.payloadStart()] + c.deviceTimeUs();
        }
        return sum;
    }

    private Path recording(int rows, int cols, int frames, boolean closeNormally) throws Exception {
        DeviceDescriptor d = TestStreams.grid(rows, cols, 100);
        RecordingBytes b = new RecordingBytes().metadata(SessionMetadata.now().withDevice(d));
        for (TimedPacket p : TestStreams.stream(d, frames, 1_000, 0)) {
            b.packet(p.hostNanos(), p.packet());
        }
        Path file = b.write(dir.resolve("r" + rows + "x" + cols + ".tactus"));
        if (closeNormally) {
            // a writer-made file with index and trailer, like a recording that was closed
            Path closed = dir.resolve("closed-" + file.getFileName());
            RecordingWriter w = new RecordingWriter(closed, SessionMetadata.now().withDevice(d), 64L << 20, null);
            long n = 0;
            for (TimedPacket p : TestStreams.stream(d, frames, 1_000, 0)) {
                w.offerPacket(n++, p);
                while (n - w.status().packets() > 5_000) {
                    Thread.onSpinWait();
                }
            }
            RecordingStatus st = w.stop(60_000);
            assertEquals(null, st.error());
            return closed;
        }
        return file;
    }

    private static FrameListener collect(List<RawFrame> into) {
        return new FrameListener() {
            @Override
            public void onFrame(RawFrame frame) {
                into.add(new RawFrame(frame.index(), frame.deviceTimeUs(), frame.hostNanos(), frame.counts().clone()));
            }
        };
    }
}
