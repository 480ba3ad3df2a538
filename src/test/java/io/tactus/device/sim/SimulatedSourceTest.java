package io.tactus.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.Await;
import io.tactus.device.PacketSink;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SimulatedSourceTest {

    private static final class Recorder implements PacketSink {
        final List<Packet> packets = new CopyOnWriteArrayList<>();
        final List<SourceStatus> statuses = new CopyOnWriteArrayList<>();
        final CountDownLatch stopped = new CountDownLatch(1);
        final AtomicLong firstFrameNanos = new AtomicLong();

        @Override
        public void onPacket(TimedPacket p) {
            if (p.packet().type().isFrame()) {
                firstFrameNanos.compareAndSet(0, p.hostNanos());
            }
            packets.add(p.packet());
        }

        @Override
        public void onStatus(SourceStatus s) {
            statuses.add(s);
            if (s.state() == SourceState.STOPPED || s.state() == SourceState.FAILED) {
                stopped.countDown();
            }
        }

        long frames() {
            return packets.stream().filter(p -> p.type().isFrame()).count();
        }
    }

    @Test
    void pacesByDeviceTime() throws Exception {
        // 10x speed: 100 Hz device frames arrive at ~1000 per wall second. Flat out they would all arrive at once.
        SimulatedSource src = new SimulatedSource(ScenarioStream.open("gentle-routine", SimOptions.defaults()), 10);
        Recorder r = new Recorder();
        long t0 = System.nanoTime();
        src.start(r);
        // Not stalled: 50 frames arrive (however busy the machine, within the hang guard).
        Await.until("50 frames", () -> r.frames() >= 50, r::frames);
        long frames = r.frames();
        long wallMs = (System.nanoTime() - t0) / 1_000_000;
        src.close();
        // Paced: never ahead of the clock (+1 frame). Flat out they would all be there at once.
        assertTrue(frames <= wallMs + 2, frames + " frames after " + wallMs + " ms");
        assertEquals(PacketType.HELLO, r.packets.get(0).type());
        assertEquals(r.packets.size(), src.stats().packets());
        assertTrue(src.stats().bytes() > r.packets.size() * 2000L, "dense 32x32 frames are > 2 kB on the wire");
    }

    @Test
    void closeStopsPromptlyAndReportsStopped() throws Exception {
        SimulatedSource src = new SimulatedSource("mistakes", SimOptions.defaults());
        Recorder r = new Recorder();
        src.start(r);
        Await.until("streaming", () -> r.frames() > 0, r::frames);
        long t0 = System.nanoTime();
        src.close();
        // Promptly: well under the 5 s bound even on a loaded machine (a stuck close would never return).
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "close returned promptly");
        assertTrue(r.stopped.await(Await.DEADLINE_S, TimeUnit.SECONDS));
        int n = r.packets.size();
        Thread.sleep(100);
        assertEquals(n, r.packets.size(), "nothing delivered after close");
        assertEquals(SourceState.CONNECTED, r.statuses.get(0).state());
        src.close(); // idempotent
        assertThrows(IllegalStateException.class, () -> src.start(new Recorder()));
    }

    @Test
    void loopsWithContinuingSequenceAndReachesTheEndWithoutLoop() throws Exception {
        SimOptions o = SimOptions.defaults().withRate(20);
        SimulatedSource once = new SimulatedSource(ScenarioStream.open("glove", o), Double.POSITIVE_INFINITY);
        Recorder r = new Recorder();
        once.start(r);
        assertTrue(r.stopped.await(Await.DEADLINE_S, TimeUnit.SECONDS), "an unlooped scenario ends");
        long frames = r.frames();
        assertEquals(ScenarioStream.open("glove", o).frameCount(), frames);
        once.close();

        SimulatedSource looping = new SimulatedSource(ScenarioStream.open("glove", o.withLoop(true)),
                Double.POSITIVE_INFINITY);
        Recorder l = new Recorder();
        looping.start(l);
        Await.eventually(() -> l.frames() >= 2 * frames + 10);
        looping.close();
        assertTrue(l.frames() >= 2 * frames + 10, "looped past the end");
        List<Packet> ps = List.copyOf(l.packets);
        assertEquals(1, ps.stream().filter(p -> p.type() == PacketType.HELLO).count());
        for (int i = 1; i < ps.size(); i++) {
            assertEquals((ps.get(i - 1).seq() + 1) & 0xFFFF, ps.get(i).seq());
            assertTrue(ps.get(i).deviceTimeUs() >= ps.get(i - 1).deviceTimeUs());
        }
    }

    @Test
    void requestHelloIsAnswered() throws Exception {
        SimulatedSource src = new SimulatedSource(ScenarioStream.open("gentle-routine", SimOptions.defaults()), 20);
        Recorder r = new Recorder();
        src.start(r);
        Await.until("the first HELLO", () -> !r.packets.isEmpty(), r.packets::size);
        src.send(new Packet(PacketType.REQUEST_HELLO, 0, 0, new byte[0]));
        src.send(new Packet(PacketType.STOP, 1, 0, new byte[0])); // ignored, must not throw
        Await.eventually(() -> r.packets.stream().filter(p -> p.type() == PacketType.HELLO).count() >= 2);
        src.close();
        assertEquals(2, r.packets.stream().filter(p -> p.type() == PacketType.HELLO).count());
        assertFalse(src.name().isBlank());
    }
}
