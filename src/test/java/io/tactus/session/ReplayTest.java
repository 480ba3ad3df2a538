package io.tactus.session;

import static io.tactus.session.TestStreams.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.SourceState;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
        try (RecordingReader r = RecordingReader.open(run.file());
             LiveSession s = new LiveSession(new ReplaySource(r), SignalPipeline::new)) {
            s.start();
            ReplaySource rs = (ReplaySource) s.source();
            rs.seek(Long.MAX_VALUE / 2); // fast-forward through the whole file
            assertTrue(eventually(() -> s.stats().frames() == 400), () -> "" + s.stats());
            assertTrue(eventually(() -> s.latest() != null && s.latest().index() == 400));
            assertSameFrame(run.last(), s.latest());
            assertEquals(run.events(), s.events().get(20, TimeUnit.SECONDS));
            assertEquals(0, s.stats().queueDrops(), "replays are lossless");

            SessionAnalysis a = new SessionAnalyzer(SignalPipeline::new).analyze(r);
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

            FrameSnapshot atEnd = new SnapshotSeeker(r, SignalPipeline::new).at(Long.MAX_VALUE);
            assertSameFrame(run.last(), atEnd);
        }
    }

    @Test
    void pausedReplayStepsFrameByFrame() throws Exception {
        LiveRun run = live(50);
        try (RecordingReader r = RecordingReader.open(run.file());
             LiveSession s = new LiveSession(new ReplaySource(r), SignalPipeline::new)) {
            s.start();
            ReplaySource rs = (ReplaySource) s.source();
            rs.stepFrame();
            rs.stepFrame();
            rs.stepFrame();
            assertTrue(eventually(() -> s.stats().frames() == 3));
            Thread.sleep(100);
            assertEquals(3, s.stats().frames(), "paused: nothing beyond the steps");
            assertEquals(7_000 + 2 * 10_000, rs.positionUs());
            assertTrue(eventually(() -> s.latest() != null && s.latest().index() == 3));
        }
    }

    @Test
    void seekBackwardsRebuildsExactStateAndMatchesTheSeeker() throws Exception {
        LiveRun run = live(300);
        AtomicInteger resets = new AtomicInteger();
        try (RecordingReader r = RecordingReader.open(run.file());
             LiveSession s = new LiveSession(new ReplaySource(r), SignalPipeline::new)) {
            s.addListener(new LiveListener() {
                @Override
                public void onReset() {
                    resets.incrementAndGet();
                }
            });
            s.start();
            ReplaySource rs = (ReplaySource) s.source();
            rs.seek(2_500_000);
            assertTrue(eventually(() -> rs.positionUs() == 2_497_000));
            rs.seek(1_000_000);
            assertTrue(eventually(() -> resets.get() == 1));
            assertTrue(eventually(() -> rs.positionUs() == 997_000));
            assertTrue(eventually(() -> s.latest() != null && s.latest().deviceTimeUs() == 997_000));
            SnapshotSeeker seeker = new SnapshotSeeker(r, SignalPipeline::new);
            seeker.at(2_500_000);
            FrameSnapshot back = seeker.at(1_000_000);
            assertSameFrame(back, s.latest());
            assertEquals(s.stats().frames(), back.index(), "the core processed exactly the frames up to t");
        }
    }

    @Test
    void playsToTheEndAndLoopsARange() throws Exception {
        LiveRun run = live(200);
        try (RecordingReader r = RecordingReader.open(run.file());
             LiveSession s = new LiveSession(new ReplaySource(r), SignalPipeline::new)) {
            AtomicInteger resets = new AtomicInteger();
            s.addListener(new LiveListener() {
                @Override
                public void onReset() {
                    resets.incrementAndGet();
                }
            });
            s.start();
            ReplaySource rs = (ReplaySource) s.source();
            rs.setSpeed(16);
            rs.play();
            assertTrue(eventually(() -> s.stats().state() == SourceState.STOPPED), "reaches the end");
            // The source stops once it has handed over its last packet; processing may still be draining.
            assertTrue(eventually(() -> s.stats().frames() == 200), () -> "every frame processed: " + s.stats());
            rs.setLoop(500_000, 800_000);
            rs.seek(500_000);
            rs.play();
            assertTrue(eventually(() -> resets.get() >= 3), "loops");
            long pos = rs.positionUs();
            assertTrue(pos >= 497_000 && pos <= 800_000, "inside the loop: " + pos);
            assertThrows(IllegalArgumentException.class, () -> rs.setSpeed(32));
            assertThrows(IllegalArgumentException.class, () -> rs.setSpeed(0.1));
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
