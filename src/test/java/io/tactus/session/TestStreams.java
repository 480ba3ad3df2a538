package io.tactus.session;

import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Synthetic packet streams and a scripted source for session tests. */
final class TestStreams {

    private TestStreams() {
    }

    static DeviceDescriptor grid(int rows, int cols, double rateHz) {
        return new DeviceDescriptor(1, "TestMat", "T1", "1.0", DeviceDescriptor.LAYOUT_GRID, rows, cols,
                new double[] {10, 10}, 12, rateHz, null, DeviceDescriptor.CalibrationSpec.linear(1.0, 0));
    }

    static Packet hello(DeviceDescriptor d, int seq, long timeUs) {
        return new Packet(PacketType.HELLO, seq & 0xFFFF, timeUs & 0xFFFF_FFFFL, d.toJson());
    }

    /** A frame with a moving blob whose value depends on i, so every frame differs. */
    static Packet frame(DeviceDescriptor d, int seq, long timeUs, int i) {
        int[] counts = new int[d.cellCount()];
        int c = i % d.cellCount();
        counts[c] = 100 + (i % 50);
        counts[(c + 1) % d.cellCount()] = 50;
        return new Packet(PacketType.FRAME_DENSE, seq & 0xFFFF, timeUs & 0xFFFF_FFFFL, Payloads.dense(counts));
    }

    /** HELLO then {@code n} frames at {@code rateHz}, host times 1 ms apart starting at {@code host0}. */
    static List<TimedPacket> stream(DeviceDescriptor d, int n, long startUs, long host0) {
        List<TimedPacket> out = new ArrayList<>();
        long periodUs = (long) (1e6 / d.rateHz());
        out.add(new TimedPacket(hello(d, 0, startUs), host0));
        for (int i = 0; i < n; i++) {
            out.add(new TimedPacket(frame(d, i + 1, startUs + i * periodUs, i), host0 + (i + 1) * 1_000_000L));
        }
        return out;
    }

    /** Plays a fixed list of packets on its own thread as fast as possible (or waits for a go signal). */
    static final class ListSource implements PacketSource {
        private final List<TimedPacket> packets;
        private final CountDownLatch go;
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean closed;
        private Thread thread;
        private volatile long sent;

        ListSource(List<TimedPacket> packets) {
            this(packets, new CountDownLatch(0));
        }

        ListSource(List<TimedPacket> packets, CountDownLatch go) {
            this.packets = packets;
            this.go = go;
        }

        @Override
        public String name() {
            return "list source";
        }

        @Override
        public void start(PacketSink sink) {
            thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                sink.onStatus(new SourceStatus(SourceState.CONNECTED, "connected"));
                for (TimedPacket p : packets) {
                    if (closed) {
                        break;
                    }
                    sink.onPacket(p);
                    sent++;
                }
                sink.onStatus(new SourceStatus(SourceState.STOPPED, "end of list"));
                done.countDown();
            }, "list-source");
            thread.setDaemon(true);
            thread.start();
        }

        boolean awaitDone(long seconds) throws InterruptedException {
            return done.await(seconds, TimeUnit.SECONDS);
        }

        long sent() {
            return sent;
        }

        @Override
        public LinkStats stats() {
            return new LinkStats(0, sent, java.util.Map.of(), 0);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** Polls until the condition holds or the generous timeout passes (only guards against hangs). */
    static boolean eventually(java.util.function.BooleanSupplier cond) throws InterruptedException {
        return io.tactus.Await.eventually(cond);
    }
}
