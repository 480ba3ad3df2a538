package io.tactus.session;

import static io.tactus.session.TestStreams.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayTest {

    @TempDir
    Path dir;

    private final DeviceDescriptor d = TestStreams.grid(6, 6, 100);

    /** Records a live run of {@code n} frames; returns the file, the live final snapshot and events. */
    private record LiveRun(Path file, FrameSnapshot last, List<FlagEvent> events) {
    }

    private LiveRun live(int n) throws Exception {
        Path f = dir.resolve("live.tactus");
        CountDownLatch go = new CountDownLatch(1);
        TestStreams.ListSource src = new TestStreams.ListSource(TestStreams.stream(d, n, 7_000, 0), go);
        try (LiveSession s = new LiveSession(src, SignalPipeline::new)) {
            s.start();
            s.startRecording(f, SessionMetadata.now());
            go.countDown();
            assertTrue(eventually(() -> s.stats().frames() == n));
            assertTrue(eventually(() -> s.latest() != null && s.latest().index() == n));
            List<FlagEvent> ev = s.events().get(20, TimeUnit.SECONDS);
            FrameSnapshot last = s.latest();
            s.stopRecording();
            return new LiveRun(f, last, ev);
        }
    }

    private static void assertSameFrame(FrameSnapshot a, FrameSnapshot b) {
        assertEquals(a.index(), b.index());
        assertEquals(a.deviceTimeUs(), b.deviceTimeUs());
        assertArrayEquals(a.kpa(), b.kpa());
        assertEquals(a.totalForceN(), b.totalForceN());
        assertEquals(a.activeFlags(), b.activeFlags());
    }

    @Test
    void replayAndAnalysisReproduceTheLiveRun() throws Exception {
        LiveRun run = live(400);
        try (ReplayEngine engine = ReplayEngine.open(run.file(), SignalPipeline::new)) {
            RecordingReader r = engine.reader();
            assertSameFrame(run.last(), engine.at(Long.MAX_VALUE / 2));
            assertEquals(run.events(), engine.eventsSoFar(), "the replayed core raised the live flags");

            SessionAnalysis a = engine.scan(null);
            // A whole-file analysis finishes the stream: events still open when the live run stopped are
            // closed at the last frame's time; everything else is identical.
            long lastFrameUs = run.last().deviceTimeUs();
            List<FlagEvent> closedLive = run.events().stream()
                    .map(e -> e.isOpen() ? new FlagEvent(e.type(), e.startUs(), lastFrameUs, e.region(),
                            e.peakKpa(), e.detail()) : e)
                    .toList();
            assertEquals(closedLive, a.events());
            assertEquals(400, a.metrics().frames());
            assertEquals(7_000, a.metrics().firstFrameUs());
            assertEquals(3.99, a.metrics().durationSeconds(), 1e-9);
            assertEquals(a.events(), new SessionAnalyzer(SignalPipeline::new).analyze(r).events(),
                    "the engine's scan is the analyzer's pass");
            assertSameFrame(run.last(), engine.at(Long.MAX_VALUE / 2));
        }
    }

    @Test
    void stepsFrameByFrameThroughTheIndex() throws Exception {
        LiveRun run = live(50);
        try (ReplayEngine engine = ReplayEngine.open(run.file(), SignalPipeline::new)) {
            long first = 7_000;
            assertEquals(first + 10_000, engine.frameTime(first, 1));
            assertEquals(first + 3 * 10_000, engine.frameTime(first + 5_000, 3), "between frames: the next ones");
            assertEquals(first + 20_000, engine.frameTime(first + 25_000, -1), "between frames: the previous one");
            assertEquals(first, engine.frameTime(first + 10_000, -5), "stops at the first frame");
            assertEquals(first + 49 * 10_000, engine.frameTime(first + 48 * 10_000, 9), "stops at the last frame");
        }
    }

    @Test
    void seekBackwardsGivesTheStraightRunsFrame() throws Exception {
        LiveRun run = live(300);
        try (ReplayEngine engine = ReplayEngine.open(run.file(), SignalPipeline::new);
             ReplayEngine straight = ReplayEngine.open(run.file(), SignalPipeline::new)) {
            engine.scan(null);
            assertTrue(engine.checkpointCount() == 0, "3 s of recording: shorter than one checkpoint interval");
            engine.at(2_500_000);
            FrameSnapshot back = engine.at(1_000_000);
            assertEquals(997_000, back.deviceTimeUs());
            assertSameFrame(straight.at(1_000_000), back);
            assertEquals(100, back.index(), "the core processed exactly the frames up to t");
            assertNull(engine.at(6_999), "no frame that early");
        }
    }

    @Test
    void analyzesARawWireCapture() throws Exception {
        Path cap = dir.resolve("capture.bin");
        try (var out = java.nio.file.Files.newOutputStream(cap)) {
            for (var tp : TestStreams.stream(d, 120, 0, 0)) {
                out.write(io.tactus.protocol.PacketEncoder.encode(tp.packet()));
            }
            out.write(new byte[] {1, 2, 3, 0}); // garbage: one corrupt block
        }
        SessionAnalysis a = new SessionAnalyzer(SignalPipeline::new).analyzeCapture(cap, null, null);
        assertEquals(120, a.metrics().frames());
        assertEquals(121, a.stream().packets());
        assertEquals(1.19, a.metrics().durationSeconds(), 1e-9);
        assertEquals(1, a.stream().corrupt().values().stream().mapToLong(Long::longValue).sum());
        assertNotNull(a.descriptor());
        assertTrue(a.series().size() > 0);
    }
}
