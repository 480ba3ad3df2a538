package io.tactus.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged and crafted recordings: records Tactus never writes, resynchronisation cost. */
class RecordingDamageTest {

    @TempDir
    Path dir;

    private final DeviceDescriptor d = TestStreams.grid(4, 4, 100);

    private RecordingBytes withFrames(int n) {
        RecordingBytes b = new RecordingBytes().metadata(SessionMetadata.now().withDevice(d));
        for (TimedPacket p : TestStreams.stream(d, n, 1_000, 0)) {
            b.packet(p.hostNanos(), p.packet());
        }
        return b;
    }

    private static long countPackets(RecordingReader r) {
        RecordingReader.Cursor c = r.cursor();
        long n = 0;
        while (c.next() != null) {
            n++;
        }
        return n;
    }

    @Test
    void rangeCrcFromRunningCrcsMatchesADirectCrc() {
        Random rnd = new Random(7);
        byte[] data = new byte[5000];
        rnd.nextBytes(data);
        Crc32Ranges ranges = new Crc32Ranges();
        for (int i = 0; i < 500; i++) {
            int a = rnd.nextInt(data.length);
            int b = a + rnd.nextInt(data.length - a + 1);
            CRC32 direct = new CRC32();
            direct.update(data, a, b - a);
            CRC32 run = new CRC32();
            run.update(data, 0, a);
            int atA = (int) run.getValue();
            run.update(data, a, b - a);
            assertEquals((int) direct.getValue(), ranges.ofRange(atA, (int) run.getValue(), b - a), a + ".." + b);
        }
    }

    @Test
    void shortCorruptAndLossRecordsWithAValidCrcAreCountedNotFatal() throws Exception {
        RecordingBytes b = withFrames(20);
        b.record(RecordType.CORRUPT, new byte[0]);
        b.record(RecordType.CORRUPT, new byte[8]);          // host_ns only: no kind
        b.record(RecordType.CORRUPT, new byte[9]);          // host_ns + kind 0 (BAD_COBS), no byte count: tolerated
        b.record(RecordType.LOSS, new byte[15]);
        b.record(RecordType.LOSS, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(-5).array());
        b.record(RecordType.LOSS, ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(3).array());
        for (TimedPacket p : TestStreams.stream(d, 5, 1_000_000, 0).subList(1, 6)) {
            b.packet(p.hostNanos(), p.packet());
        }
        Path f = b.write(dir.resolve("short.tactus"));
        try (RecordingReader r = RecordingReader.open(f)) {
            RecordingReader.Cursor c = r.cursor();
            long n = 0;
            while (c.next() != null) {
                n++;
            }
            assertEquals(26, n);
            assertEquals(4, c.malformedRecords());
            assertEquals(3, c.lostPackets());
            assertEquals(1L, c.corruptNotes().get(io.tactus.protocol.Corruption.BAD_COBS));
            assertEquals(3, r.summary().lostPackets());
            SessionAnalysis a = new SessionAnalyzer(io.tactus.signal.SignalPipeline::new).analyze(r);
            assertEquals(25, a.metrics().frames());
        }
    }

    @Test
    void aCraftedRunOfPlausibleHeadersIsResynchronisedInLinearTime() throws Exception {
        // 4 MB of back-to-back headers each claiming a ~1 MiB body whose CRC fails: the old resync re-read and
        // re-checked up to 1 MiB at each of them (4 MB took > 300 s). The guard is generous (not a benchmark).
        byte[] header = {(byte) 0xA5, 0x04, 0, 0, (byte) 0xF0, (byte) 0xFF, 0x0F, 0};
        byte[] crafted = new byte[4 << 20];
        for (int i = 0; i + header.length <= crafted.length; i += header.length) {
            System.arraycopy(header, 0, crafted, i, header.length);
        }
        RecordingBytes b = withFrames(10).raw(crafted);
        for (TimedPacket p : TestStreams.stream(d, 5, 1_000_000, 0).subList(1, 6)) {
            b.packet(p.hostNanos(), p.packet());
        }
        Path f = b.write(dir.resolve("crafted.tactus"));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            try (RecordingReader r = RecordingReader.open(f)) {
                assertEquals(16, countPackets(r));
                IntegrityReport i = r.integrity();
                assertEquals(1, i.damagedRegions(), i.problems().toString());
                assertEquals(crafted.length, i.skippedBytes());
            }
        });
    }

    @Test
    void resyncTakesTheFirstValidRecordEvenWhenALaterOneVerifiesFirst() throws Exception {
        // A valid record whose body holds another valid record: resync must land on the outer (first) one.
        RecordingBytes inner = new RecordingBytes();
        inner.record(RecordType.ANNOTATION, "{\"id\":\"in\",\"device_time_us\":5,\"text\":\"inner\"}".getBytes());
        byte[] innerRecord = java.util.Arrays.copyOfRange(inner.bytes(), RecordingFormat.HEADER_BYTES, inner.bytes().length);
        byte[] outerBody = new byte[innerRecord.length + 40];
        System.arraycopy(innerRecord, 0, outerBody, 20, innerRecord.length);
        RecordingBytes b = withFrames(5).raw(new byte[] {(byte) 0xA5, 0x02, 0, 0, 1, 2, 3}) // damage
                .record(RecordType.COMMAND, outerBody);
        Path f = b.write(dir.resolve("nested.tactus"));
        try (RecordingReader r = RecordingReader.open(f)) {
            assertTrue(r.annotations().isEmpty(), "the inner record is part of the outer one's body");
            assertEquals(7, r.integrity().skippedBytes());
        }
    }

    @Test
    void damageRightBeforeTheEndIsACutTail() throws Exception {
        RecordingBytes b = withFrames(5).raw(new byte[] {(byte) 0xA5, 0x02, 0, 0, (byte) 0xFF, 0, 0, 0, 1, 2});
        Path f = b.write(dir.resolve("tail.tactus"));
        try (RecordingReader r = RecordingReader.open(f)) {
            assertEquals(6, countPackets(r));
            assertEquals(10, r.integrity().cutBytes());
            assertEquals(0, r.integrity().damagedRegions());
            assertFalse(r.integrity().clean());
            List<String> p = r.integrity().problems();
            assertTrue(p.get(0).contains("last 10 bytes cut"), p.toString());
        }
    }

    @Test
    void crcValidRecordsWithUnreadableContentAreCountedNeverSilent() throws Exception {
        // A PACKET record whose protocol version byte is not 1 (valid CRC): skipped, and counted.
        Packet frame = TestStreams.frame(d, 99, 2_000_000, 3);
        ByteBuffer body = ByteBuffer.allocate(RecordingFormat.PACKET_PREFIX + frame.payload().length)
                .order(ByteOrder.LITTLE_ENDIAN).putLong(0).put((byte) 9).put((byte) frame.type().code())
                .putShort((short) 99).putInt(2_000_000).put(frame.payload());
        Path f = withFrames(5).record(RecordType.PACKET, body.array()).write(dir.resolve("version.tactus"));
        try (RecordingReader r = RecordingReader.open(f)) {
            RecordingReader.Cursor c = r.cursor();
            while (c.next() != null) {
                // read all
            }
            assertEquals(1, c.integrity().malformedRecords());
            assertFalse(c.integrity().clean());
            assertTrue(c.integrity().summary().contains("1 malformed record(s) ignored"), c.integrity().summary());
        }

        // A closed file whose ANNOTATION record holds unreadable JSON with a valid CRC (opened through the index).
        Path closed = dir.resolve("closed.tactus");
        RecordingWriter w = new RecordingWriter(closed, SessionMetadata.now().withDevice(d), 64L << 20, null);
        for (TimedPacket p : TestStreams.stream(d, 20, 1_000, 0)) {
            w.offerPacket(p.packet().seq(), p);
        }
        w.offerAnnotation(Annotation.of(2_000, "note"));
        w.stop(20_000);
        byte[] b = java.nio.file.Files.readAllBytes(closed);
        int at = 16;
        while ((b[at + 1] & 0xFF) != RecordType.ANNOTATION.code()) {
            at += 12 + ByteBuffer.wrap(b, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
        int len = ByteBuffer.wrap(b, at + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        java.util.Arrays.fill(b, at + 8, at + 8 + len, (byte) '{');
        CRC32 crc = new CRC32();
        crc.update(b, at, 8 + len);
        ByteBuffer.wrap(b, at + 8 + len, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) crc.getValue());
        java.nio.file.Files.write(closed, b);
        try (RecordingReader r = RecordingReader.open(closed)) {
            assertTrue(r.integrity().complete(), "opened through the trailer's index");
            assertEquals(1, r.integrity().malformedRecords());
            assertFalse(r.integrity().clean(), r.integrity().summary());
        }
    }
}
