package io.tactus.device.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.SourceState;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketDecoder;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real serial path: socat pty pair -> jSerialComm -> SerialPacketSource, including unplug and replug. */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class SerialPacketSourcePtyTest {

    @TempDir
    Path dir;

    private static void write(OutputStream out, Packet p) throws IOException {
        out.write(TestDevice.wire(p));
    }

    private static void assertFrame(int seq, TimedPacket tp) {
        Packet p = tp.packet();
        assertEquals(PacketType.FRAME_DENSE, p.type(), "packet " + seq);
        assertEquals(seq, p.seq());
        int[] counts = new int[TestDevice.ROWS * TestDevice.COLS];
        assertTrue(Payloads.decodeFrame(p.type(), p.payload(), counts));
        assertArrayEquals(TestDevice.counts(seq), counts, "content of frame " + seq);
    }

    /** CPU time the source's reader thread uses in one second of wall time. */
    private static long readerCpuMsOverOneSecond(Path port) throws InterruptedException {
        Thread reader = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("serial-reader " + port)).findFirst().orElse(null);
        assertNotNull(reader, "reader thread is alive");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getThreadCpuTime(reader.getId());
        Thread.sleep(1000);
        return (mx.getThreadCpuTime(reader.getId()) - cpu0) / 1_000_000;
    }

    @Tag("pty")
    @Test
    void framesArriveIntactAndInOrderAndTheHandshakeReachesTheDevice() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(), SerialOptions.defaults())) {
            List<Packet> fromHost = new CopyOnWriteArrayList<>();
            FileInputStream deviceIn = new FileInputStream(pair.a().toFile());
            Thread hostReader = new Thread(() -> {
                PacketDecoder d = new PacketDecoder(fromHost::add);
                byte[] b = new byte[256];
                try {
                    for (int n; (n = deviceIn.read(b)) > 0; ) {
                        d.feed(b, 0, n);
                    }
                } catch (IOException e) {
                    // socat gone at the end of the test
                }
            });
            hostReader.setDaemon(true);
            hostReader.start();

            RecordingSink sink = new RecordingSink();
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            try (FileOutputStream out = new FileOutputStream(pair.a().toFile())) {
                write(out, TestDevice.hello(0));
                for (int seq = 1; seq <= 500; seq++) {
                    write(out, TestDevice.frame(seq));
                }
            }
            assertEquals(PacketType.HELLO, sink.take().packet().type());
            long lastNanos = 0;
            for (int seq = 1; seq <= 500; seq++) {
                TimedPacket tp = sink.take();
                assertFrame(seq, tp);
                assertTrue(tp.hostNanos() >= lastNanos, "receive times never go backwards");
                lastNanos = tp.hostNanos();
            }
            assertEquals(501, source.stats().packets());
            // Connected and idle: the semi-blocking read waits in the driver instead of spinning.
            assertTrue(readerCpuMsOverOneSecond(pair.b()) < 200, "idle reader CPU");
            assertEquals(0, source.stats().corruptTotal());
            assertTrue(source.name().contains("TestGrid #T-1"), source.name());

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (fromHost.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(List.of(PacketType.REQUEST_HELLO, PacketType.START),
                    fromHost.stream().map(Packet::type).toList());
            assertEquals(List.of(0, 1), fromHost.stream().map(Packet::seq).toList());
        }
    }

    @Tag("pty")
    @Test
    void aPortAlreadyInUseIsReportedAsBusy() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource first = new SerialPacketSource(pair.b().toString(), SerialOptions.defaults());
             SerialPacketSource second = new SerialPacketSource(pair.b().toString(), SerialOptions.defaults())) {
            RecordingSink sink1 = new RecordingSink();
            first.start(sink1);
            sink1.awaitState(SourceState.CONNECTED, 1);
            RecordingSink sink2 = new RecordingSink();
            second.start(sink2);
            sink2.awaitState(SourceState.FAILED, 1);
            assertTrue(second.status().message().contains(": port is busy"),
                    second.status().message());
            assertEquals(SourceState.CONNECTED, first.status().state());
        }
    }

    @Tag("pty")
    @Test
    void corruptBytesAreCountedAndTheFollowingPacketsArrive() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(),
                     SerialOptions.defaults().withFormat(WireFormat.binary()))) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            try (FileOutputStream out = new FileOutputStream(pair.a().toFile())) {
                write(out, TestDevice.hello(0));
                write(out, TestDevice.frame(1));
                out.write(new byte[] {0x11, 0x22, 0x33, 0x00}); // garbage block: too short
                byte[] flipped = TestDevice.wire(TestDevice.frame(2));
                flipped[40] ^= 0x10; // one bit flipped: bad CRC
                out.write(flipped);
                out.write(new byte[] {0x05, 0x7F, 0x7F}); // no delimiter: merges into the next block
                write(out, TestDevice.frame(3));
                write(out, TestDevice.frame(4));
            }
            assertEquals(PacketType.HELLO, sink.take().packet().type());
            assertFrame(1, sink.take());
            // frame 3 is lost to the unterminated garbage before it; frame 4 must arrive.
            assertFrame(4, sink.take());
            assertEquals(3, source.stats().corruptTotal(), source.stats().corrupt().toString());
            assertEquals(3, sink.corrupt.size());
            assertTrue(sink.corrupt.contains(io.tactus.protocol.Corruption.BAD_CRC), sink.corrupt.toString());
        }
    }

    @Tag("pty")
    @Test
    void unplugIsReportedWithoutSpinningAndTheSourceReconnectsToTheSamePath() throws Exception {
        Path a = dir.resolve("A");
        Path b = dir.resolve("B");
        RecordingSink sink = new RecordingSink();
        try (SerialPacketSource source = new SerialPacketSource(b.toString(), SerialOptions.defaults())) {
            SocatPair first = SocatPair.start(a, b);
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            FileOutputStream out = new FileOutputStream(a.toFile());
            write(out, TestDevice.hello(0));
            for (int seq = 1; seq <= 50; seq++) {
                write(out, TestDevice.frame(seq));
            }
            sink.take();
            for (int seq = 1; seq <= 50; seq++) {
                assertFrame(seq, sink.take());
            }
            // Unplug mid-stream: half a packet is on the wire when socat goes.
            byte[] half = TestDevice.wire(TestDevice.frame(51));
            out.write(half, 0, half.length / 2);
            out.flush();
            first.close();
            out.close();
            sink.awaitState(SourceState.RECONNECTING, 1);

            long cpuMs = readerCpuMsOverOneSecond(b);
            // A spinning reader burns ~1000 ms of CPU per second; a waiting one a few ms.
            assertTrue(cpuMs < 200, "reader used " + cpuMs + " ms CPU in 1 s while the port was gone");
            assertEquals(SourceState.RECONNECTING, source.status().state());

            try (SocatPair second = SocatPair.start(a, b)) {
                sink.awaitState(SourceState.CONNECTED, 2);
                try (FileOutputStream out2 = new FileOutputStream(a.toFile())) {
                    write(out2, TestDevice.hello(0));
                    for (int seq = 1; seq <= 50; seq++) {
                        write(out2, TestDevice.frame(seq));
                    }
                }
                assertEquals(PacketType.HELLO, sink.take().packet().type());
                for (int seq = 1; seq <= 50; seq++) {
                    assertFrame(seq, sink.take());
                }
                assertEquals(1, source.stats().reconnects());
                assertEquals(102, source.stats().packets(), "counters run on across the reconnect");
                assertEquals(0, source.stats().corruptTotal(), "the half packet died with the old decoder");
            }
        }
        assertEquals(SourceState.STOPPED, sink.statuses.get(sink.statuses.size() - 1).state());
    }
}
