package io.tactus.session;

import static io.tactus.session.TestStreams.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.PacketType;
import io.tactus.signal.SignalPipeline;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class RecordingFormatTest {

    @TempDir
    Path dir;

    private final DeviceDescriptor d = TestStreams.grid(4, 4, 100);

    /** Writes {@code packets} through a writer and closes it normally. */
    private Path record(String name, List<TimedPacket> packets, SessionMetadata meta) throws Exception {
        Path f = dir.resolve(name);
        RecordingWriter w = new RecordingWriter(f, meta, 64L << 20, null);
        long n = 0;
        for (TimedPacket p : packets) {
            w.offerPacket(n++, p);
        }
        RecordingStatus s = w.stop(20_000);
        assertFalse(s.active());
        assertNull(s.error());
        return f;
    }

    private static List<RecordedPacket> readAll(RecordingReader r) {
        List<RecordedPacket> out = new ArrayList<>();
        RecordingReader.Cursor c = r.cursor();
        RecordedPacket p;
        while ((p = c.next()) != null) {
            out.add(p);
        }
        return out;
    }

    @Test
    void roundTripsPacketsMetadataAndSideRecords() throws Exception {
        List<TimedPacket> packets = TestStreams.stream(d, 500, 5_000, 1_000_000);
        Path f = dir.resolve("rt.tactus");
        SessionMetadata meta = SessionMetadata.now().withTrainee("T-07").withReceiver("R-02").withNotes("first try")
                .withProfile("gentle").withDevice(d).withAppVersion("test");
        RecordingWriter w = new RecordingWriter(f, meta, 64L << 20, null);
        long base = w.startHostNanos();
        List<TimedPacket> shifted = new ArrayList<>();
        for (TimedPacket p : packets) {
            shifted.add(new TimedPacket(p.packet(), base + p.hostNanos()));
        }
        for (int i = 0; i < shifted.size(); i++) {
            w.offerPacket(100 + i, shifted.get(i));
            if (i == 10) {
                w.offerCorrupt(Corruption.BAD_CRC, 37, base);
                w.offerCommand(100 + 11, PipelineCommand.of("tare"));
            }
        }
        Annotation a = Annotation.of(2_000_000, "nice slow strokes");
        w.offerAnnotation(a);
        w.offerEvent(new RecordedEvent("spine_contact", 1000, 2000, "spine", 55.5, null, RecordedEvent.LIVE));
        w.stop(20_000);

        try (RecordingReader r = RecordingReader.open(f)) {
            assertTrue(r.integrity().clean(), r.integrity().summary());
            assertFalse(r.integrity().indexRebuilt());
            assertEquals("T-07", r.metadata().trainee());
            assertEquals("R-02", r.metadata().receiver());
            assertEquals("gentle", r.metadata().profile());
            assertEquals(4, r.metadata().device().rows());
            assertEquals(501, r.summary().packets());
            assertEquals(500, r.summary().frames());
            assertEquals(1, r.summary().corruptRecords());
            assertEquals(5_000, r.firstTimeUs());
            assertEquals(5_000 + 499 * 10_000, r.lastTimeUs());
            assertEquals(List.of(a), r.annotations());
            assertEquals(1, r.recordedEvents().size());
            assertEquals(55.5, r.recordedEvents().get(0).peakKpa());
            assertEquals(1, r.commands().size());
            assertEquals(11, r.commands().get(0).beforePacket());
            assertEquals("tare", r.commands().get(0).command().name());

            RecordingReader.Cursor c = r.cursor();
            List<RecordedPacket> back = new ArrayList<>();
            RecordedPacket p;
            while ((p = c.next()) != null) {
                back.add(p);
            }
            assertEquals(501, back.size());
            for (int i = 0; i < back.size(); i++) {
                assertEquals(packets.get(i).packet(), back.get(i).timed().packet(), "packet " + i);
                assertEquals(packets.get(i).hostNanos(), back.get(i).timed().hostNanos(), "host time " + i);
                assertEquals(i, back.get(i).ordinal());
                assertFalse(back.get(i).synthetic());
            }
            assertEquals(Map.of(Corruption.BAD_CRC, 1L), c.corruptNotes());
        }
    }

    @Test
    void recordingStartedAfterHelloGetsASyntheticHelloFromMetadata() throws Exception {
        List<TimedPacket> frames = TestStreams.stream(d, 20, 0, 0).subList(1, 21);
        Path f = record("late.tactus", frames, SessionMetadata.now().withDevice(d));
        try (RecordingReader r = RecordingReader.open(f)) {
            List<RecordedPacket> all = readAll(r);
            assertEquals(21, all.size());
            RecordedPacket hello = all.get(0);
            assertTrue(hello.synthetic());
            assertEquals(PacketType.HELLO, hello.timed().packet().type());
            assertEquals(0, hello.timed().packet().seq(), "one before the first frame's seq 1");
            assertEquals(0, hello.ordinal());
            assertEquals(0, all.get(1).ordinal(), "synthetic packets take no ordinal");
            assertEquals(DeviceDescriptor.parse(hello.timed().packet().payload()).cols(), 4);
        }
    }

    @Test
    void cutFileRecoversEveryCompleteRecordAndSaysWhatWasCut() throws Exception {
        Path f = record("cut.tactus", TestStreams.stream(d, 100, 0, 0), SessionMetadata.now());
        byte[] all = Files.readAllBytes(f);
        int frameRecord = RecordingFormat.RECORD_OVERHEAD + RecordingFormat.PACKET_PREFIX + 32;
        // Cut in the middle of packet 60 (HELLO is bigger; find offsets by reading the complete file).
        long off60;
        try (RecordingReader r = RecordingReader.open(f)) {
            off60 = offsetOfPacket(r, f, 60);
        }
        Path cut = dir.resolve("cut2.tactus");
        Files.write(cut, java.util.Arrays.copyOf(all, (int) off60 + frameRecord / 2));
        try (RecordingReader r = RecordingReader.open(cut)) {
            IntegrityReport rep = r.integrity();
            assertFalse(rep.complete());
            assertTrue(rep.indexRebuilt());
            assertEquals(frameRecord / 2, rep.cutBytes(), rep.summary());
            assertEquals(0, rep.damagedRegions());
            assertEquals(60, r.summary().packets());
            assertEquals(60, readAll(r).size());
            assertTrue(rep.summary().contains("cut"), rep.summary());
        }
    }

    /** File offset of the n-th PACKET record, found with an independent walk over record lengths. */
    private static long offsetOfPacket(RecordingReader r, Path f, int n) throws IOException {
        byte[] b = Files.readAllBytes(f);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        int pos = RecordingFormat.HEADER_BYTES;
        int k = 0;
        while (pos < b.length) {
            int type = b[pos + 1] & 0xFF;
            int len = bb.getInt(pos + 4);
            if (type == RecordType.PACKET.code() && k++ == n) {
                return pos;
            }
            pos += 12 + len;
        }
        throw new AssertionError("no packet " + n);
    }

    @Test
    void everyTruncationOpensOrFailsCleanly() throws Exception {
        Path f = record("t.tactus", TestStreams.stream(d, 30, 0, 0), SessionMetadata.now());
        byte[] all = Files.readAllBytes(f);
        long lastPackets = -1;
        for (int len = 0; len <= all.length; len += 3) {
            Path t = dir.resolve("trunc.tactus");
            Files.write(t, java.util.Arrays.copyOf(all, len));
            try (RecordingReader r = RecordingReader.open(t)) {
                long n = readAll(r).size();
                assertTrue(n >= lastPackets, "more bytes never give fewer packets (" + len + ")");
                assertEquals(r.summary().packets(), n);
                lastPackets = n;
            } catch (RecordingException e) {
                assertTrue(len < 200, "only a file without metadata fails to open: " + len + " " + e.getMessage());
                assertFalse(e.getMessage().contains("\n"));
            }
        }
        assertEquals(31, lastPackets);
    }

    @Test
    void crcErrorInTheMiddleSkipsOnlyTheDamagedRecord() throws Exception {
        Path f = record("crc.tactus", TestStreams.stream(d, 50, 0, 0), SessionMetadata.now());
        long off;
        try (RecordingReader r = RecordingReader.open(f)) {
            off = offsetOfPacket(r, f, 25);
        }
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {0x5A}), off + 30);
        }
        try (RecordingReader r = RecordingReader.open(f)) {
            List<RecordedPacket> back = readAll(r);
            assertEquals(50, back.size(), "one of 51 packets lost");
            assertEquals(24, back.get(24).timed().packet().seq());
            assertEquals(26, back.get(25).timed().packet().seq(), "reading resumes at the next record");
            IntegrityReport v = r.verify();
            assertEquals(1, v.damagedRegions());
            assertEquals(12 + 16 + 32, v.skippedBytes());
            assertFalse(v.clean());
        }
    }

    @Test
    void hostileFilesGiveOneLineErrors() throws Exception {
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertMessage(empty, "only 0 bytes");
        Path magic = Files.write(dir.resolve("magic"), "hello world, not a recording".getBytes());
        assertMessage(magic, "wrong magic");
        byte[] header = RecordingFormat.header().array();
        byte[] badCrc = header.clone();
        badCrc[15] ^= 1;
        assertMessage(Files.write(dir.resolve("hdr"), badCrc), "header");
        byte[] newer = header.clone();
        newer[8] = 9;
        newer[10] = 9;
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(newer, 0, 12);
        ByteBuffer.wrap(newer).order(ByteOrder.LITTLE_ENDIAN).putInt(12, (int) crc.getValue());
        assertMessage(Files.write(dir.resolve("v9"), newer), "format v9");
        assertMessage(Files.write(dir.resolve("hdronly"), header), "no readable records");
        assertMessage(dir.resolve("missing"), "no such file");
    }

    @Test
    @Timeout(300) // a hang guard: a busy machine takes longer
    void absurdLengthsAndRandomGarbageNeverAllocateOrHang() throws Exception {
        // A record header claiming a 4 GB body, then garbage.
        ByteBuffer b = ByteBuffer.allocate(16 + 8 + 1000).order(ByteOrder.LITTLE_ENDIAN);
        b.put(RecordingFormat.header());
        b.put((byte) 0xA5).put((byte) 2).putShort((short) 0).putInt(0xFFFF_FFF0);
        Path huge = Files.write(dir.resolve("huge"), b.array());
        assertMessage(huge, "no readable records");
        Random rnd = new Random(42);
        for (int i = 0; i < 30; i++) {
            byte[] junk = new byte[1 + rnd.nextInt(200_000)];
            rnd.nextBytes(junk);
            // Sprinkle sync bytes and plausible lengths to exercise the resync path.
            for (int k = 0; k < junk.length / 50; k++) {
                junk[rnd.nextInt(junk.length)] = (byte) 0xA5;
            }
            byte[] file = new byte[16 + junk.length];
            System.arraycopy(RecordingFormat.header().array(), 0, file, 0, 16);
            System.arraycopy(junk, 0, file, 16, junk.length);
            Path p = Files.write(dir.resolve("junk" + i), file);
            try (RecordingReader r = RecordingReader.open(p)) {
                readAll(r);
            } catch (RecordingException e) {
                assertFalse(e.getMessage().contains("\n"));
            }
        }
        // A real recording with random bytes flipped: opens, reads, reports damage.
        Path f = record("flip.tactus", TestStreams.stream(d, 200, 0, 0), SessionMetadata.now());
        byte[] all = Files.readAllBytes(f);
        for (int i = 0; i < 40; i++) {
            all[16 + 300 + rnd.nextInt(all.length - 400)] ^= (byte) (1 + rnd.nextInt(255));
        }
        Path flipped = Files.write(dir.resolve("flipped.tactus"), all);
        try (RecordingReader r = RecordingReader.open(flipped)) {
            int n = readAll(r).size();
            assertTrue(n > 100 && n < 201, "most packets survive: " + n);
            assertTrue(r.verify().damagedRegions() > 0);
        }
    }

    private static void assertMessage(Path p, String expected) {
        RecordingException e = assertThrows(RecordingException.class, () -> RecordingReader.open(p).close());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void cursorAtSeeksThroughTheIndex() throws Exception {
        // 30 s at 100 Hz: about 30 index entries.
        Path f = record("seek.tactus", TestStreams.stream(d, 3000, 0, 0), SessionMetadata.now());
        try (RecordingReader r = RecordingReader.open(f)) {
            assertTrue(r.index().size() >= 29, "index entries: " + r.index().size());
            for (long t : new long[] {0, 5_000, 12_345_678, 29_990_000, 99_000_000}) {
                RecordingReader.Cursor c = r.cursorAt(t);
                RecordedPacket p = c.next();
                assertNotNull(p);
                if (p.timed().packet().type() == PacketType.HELLO) {
                    p = c.next();
                }
                assertTrue(p.deviceTimeUs() <= Math.max(t, 0), "starts at or before " + t);
                assertTrue(Math.min(t, r.lastTimeUs()) - p.deviceTimeUs() <= 1_000_000, "at most 1 s before");
                assertEquals(p.deviceTimeUs() / 10_000 + 1, p.timed().packet().seq(), "time axis is consistent");
                assertEquals(p.timed().packet().seq(), p.ordinal());
            }
        }
    }

    @Test
    void annotationsAndEventsAppendAfterTheFactToCompleteAndCutFiles() throws Exception {
        Path f = record("ann.tactus", TestStreams.stream(d, 100, 0, 0), SessionMetadata.now());
        Annotation a1 = Annotation.of(100_000, "too fast here");
        Annotation a2 = Annotation.of(50_000, "good");
        RecordingAppender.append(f, List.of(a1, a2), List.of());
        RecordingAppender.append(f, List.of(a1.withText("much too fast"), a2.asDeleted()),
                List.of(new RecordedEvent("bone_contact", 0, 10, "scapula_l", 80, "instructor saw it",
                        RecordedEvent.INSTRUCTOR)));
        try (RecordingReader r = RecordingReader.open(f)) {
            assertTrue(r.integrity().clean());
            assertEquals(List.of(a1.withText("much too fast")), r.annotations());
            assertEquals("scapula_l", r.recordedEvents().get(0).region());
            assertEquals(101, readAll(r).size());
        }
        // Crashed file: the appender cuts the incomplete tail and leaves a complete file.
        byte[] all = Files.readAllBytes(record("ann2.tactus", TestStreams.stream(d, 100, 0, 0), SessionMetadata.now()));
        Path cut = Files.write(dir.resolve("ann3.tactus"), java.util.Arrays.copyOf(all, all.length - 200));
        int before;
        try (RecordingReader r = RecordingReader.open(cut)) {
            before = readAll(r).size();
            assertFalse(r.integrity().complete());
        }
        RecordingAppender.append(cut, List.of(Annotation.of(0, "after crash")), List.of());
        try (RecordingReader r = RecordingReader.open(cut)) {
            assertTrue(r.integrity().clean(), r.integrity().summary());
            assertEquals(before, readAll(r).size());
            assertEquals("after crash", r.annotations().get(0).text());
        }
    }

    @Test
    void fullDiskStopsTheRecordingWithAClearMessageAndLiveGoesOn() throws Exception {
        List<TimedPacket> packets = TestStreams.stream(d, 2000, 0, 0);
        TestStreams.ListSource src = new TestStreams.ListSource(packets, new java.util.concurrent.CountDownLatch(0));
        Path f = dir.resolve("full.tactus");
        AtomicReference<RecordingStatus> stopped = new AtomicReference<>();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        TestStreams.ListSource gated = new TestStreams.ListSource(packets, go);
        try (LiveSession s = new LiveSession(gated, SignalPipeline::new)) {
            s.addListener(new LiveListener() {
                @Override
                public void onRecordingStopped(RecordingStatus status) {
                    stopped.set(status);
                }
            });
            s.start();
            s.startRecording(SessionMetadata.now(), (m, cap, cb) -> new RecordingWriter(f,
                    new FailingChannel(FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                            StandardOpenOption.READ), 20_000), m, cap, cb));
            go.countDown();
            assertTrue(eventually(() -> stopped.get() != null), "recording stopped");
            assertTrue(stopped.get().error().contains("disk full (no space left on device)"), stopped.get().error());
            assertTrue(stopped.get().error().contains("live feedback continues"));
            assertFalse(s.isRecording());
            assertTrue(eventually(() -> s.stats().frames() == 2000), "live processing went on");
            assertNotNull(s.stats().recording().error());
        }
        try (RecordingReader r = RecordingReader.open(f)) {
            assertFalse(r.integrity().complete());
            assertTrue(r.summary().packets() > 100, "what was written before the disk filled is readable");
        }
        src.close();
    }
}
