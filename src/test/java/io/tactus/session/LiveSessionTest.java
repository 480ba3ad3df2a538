package io.tactus.session;

import static io.tactus.session.TestStreams.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LiveSessionTest {

    @TempDir
    Path dir;

    @Test
    void processesFramesAndPublishesLatestSnapshot() throws Exception {
        DeviceDescriptor d = TestStreams.grid(4, 4, 100);
        List<TimedPacket> packets = TestStreams.stream(d, 200, 1000, 0);
        TestStreams.ListSource src = new TestStreams.ListSource(packets);
        AtomicReference<String> descriptorThread = new AtomicReference<>();
        try (LiveSession s = new LiveSession(src, SignalPipeline::new)) {
            s.addListener(new LiveListener() {
                @Override
                public void onDescriptor(DeviceDescriptor descriptor) {
                    descriptorThread.set(Thread.currentThread().getName());
                }
            });
            assertNull(s.latest());
            s.start();
            assertTrue(eventually(() -> s.stats().frames() == 200), "all frames processed");
            assertTrue(eventually(() -> s.latest() != null && s.latest().index() == 200));
            FrameSnapshot last = s.latest();
            assertEquals(1000 + 199 * 10_000L, last.deviceTimeUs());
            assertTrue(s.version() > 0);
            assertEquals(4, s.descriptor().rows());
            assertEquals("tactus-processing", descriptorThread.get());
            assertEquals(201, s.stats().packets());
            assertEquals(0, s.stats().queueDrops());
            assertTrue(eventually(() -> s.stats().state() == SourceState.STOPPED));
        }
    }

    @Test
    void fullProcessingQueueDropsOldestAndCountsIt() throws Exception {
        DeviceDescriptor d = TestStreams.grid(2, 2, 100);
        List<TimedPacket> packets = TestStreams.stream(d, 100, 0, 0);
        TestStreams.ListSource src = new TestStreams.ListSource(packets);
        CountDownLatch release = new CountDownLatch(1);
        LiveOptions opts = LiveOptions.DEFAULT.withProcessingQueue(8);
        try (LiveSession s = new LiveSession(src, SignalPipeline::new, opts)) {
            // Block the processing thread inside the first listener call until the source has sent everything.
            s.addListener(new LiveListener() {
                @Override
                public void onDescriptor(DeviceDescriptor descriptor) {
                    try {
                        release.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            s.start();
            assertTrue(src.awaitDone(20), "source never blocks on a stuck consumer");
            release.countDown();
            assertTrue(eventually(() -> s.latest() != null && s.latest().index() == 100), () -> "newest frame is shown " + s.stats() + " " + (s.latest() == null ? null : s.latest().index()));
            LiveStats st = s.stats();
            assertEquals(101, st.packets());
            assertTrue(st.queueDrops() >= 100 - 8, "everything beyond the 8 newest frames was dropped: " + st);
            assertEquals(100, st.frames() + st.queueDrops(), "every frame was processed or counted as dropped");
            assertTrue(st.dropped() > 0, "the assembler saw the gap");
        }
    }

    @Test
    void recordsToFileAndReportsStatus() throws Exception {
        DeviceDescriptor d = TestStreams.grid(4, 4, 100);
        CountDownLatch go = new CountDownLatch(1);
        TestStreams.ListSource src = new TestStreams.ListSource(TestStreams.stream(d, 300, 0, 0), go);
        Path file = dir.resolve("a.tactus");
        try (LiveSession s = new LiveSession(src, SignalPipeline::new)) {
            s.start();
            s.startRecording(file, SessionMetadata.now().withTrainee("T-01"));
            assertThrows(IllegalStateException.class, () -> s.startRecording(dir.resolve("b"), null));
            go.countDown();
            assertTrue(src.awaitDone(20));
            assertTrue(eventually(() -> s.stats().recording().packets() == 301));
            RecordingStatus r = s.stopRecording();
            assertEquals(301, r.packets());
            assertNull(r.error());
            assertEquals(Files.size(file), r.bytes());
            assertTrue(r.bytes() > 301 * (32 + 28));
        }
    }

    @Test
    void recordingToAnUnwritablePathFailsWithOneLineAndLiveGoesOn() throws Exception {
        DeviceDescriptor d = TestStreams.grid(2, 2, 100);
        TestStreams.ListSource src = new TestStreams.ListSource(TestStreams.stream(d, 50, 0, 0));
        try (LiveSession s = new LiveSession(src, SignalPipeline::new)) {
            s.start();
            java.io.IOException e = assertThrows(java.io.IOException.class,
                    () -> s.startRecording(dir.resolve("no/such/dir/x.tactus"), null));
            assertTrue(e.getMessage().startsWith("cannot create recording"), e.getMessage());
            assertTrue(eventually(() -> s.stats().frames() == 50));
        }
    }

    @Test
    void pipelineActionsRunOnTheProcessingThread() throws Exception {
        DeviceDescriptor d = TestStreams.grid(2, 2, 100);
        TestStreams.ListSource src = new TestStreams.ListSource(TestStreams.stream(d, 10, 0, 0));
        try (LiveSession s = new LiveSession(src, SignalPipeline::new)) {
            s.start();
            assertTrue(eventually(() -> s.stats().frames() == 10));
            String thread = s.withPipeline(p -> Thread.currentThread().getName()).get(20, TimeUnit.SECONDS);
            assertEquals("tactus-processing", thread);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> s.execute(PipelineCommand.of("no-such-command")).get(20, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("unknown pipeline command"));
        }
    }

    @Test
    void aRecordedTareCommandReachesTheSignalCore() throws Exception {
        DeviceDescriptor d = TestStreams.grid(2, 2, 100);
        TestStreams.ListSource src = new TestStreams.ListSource(TestStreams.stream(d, 10, 0, 0));
        try (LiveSession s = new LiveSession(src, SignalPipeline::new)) {
            s.start();
            assertTrue(eventually(() -> s.stats().frames() == 10));
            s.execute(new PipelineCommand("tare", java.util.Map.of("seconds", "2"))).get(20, TimeUnit.SECONDS);
            io.tactus.signal.calibration.TareState.Status st = s.withPipeline(p -> p.tareState().status())
                    .get(20, TimeUnit.SECONDS);
            assertEquals(io.tactus.signal.calibration.TareState.Status.CAPTURING, st);
        }
    }

    @Test
    void statusChangesReachListeners() throws Exception {
        DeviceDescriptor d = TestStreams.grid(2, 2, 100);
        TestStreams.ListSource src = new TestStreams.ListSource(TestStreams.stream(d, 5, 0, 0));
        List<SourceStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (LiveSession s = new LiveSession(src, SignalPipeline::new)) {
            s.addListener(new LiveListener() {
                @Override
                public void onStatus(SourceStatus status) {
                    seen.add(status);
                }
            });
            s.start();
            assertTrue(eventually(() -> seen.size() == 2));
            assertEquals(SourceState.CONNECTED, seen.get(0).state());
            assertEquals(SourceState.STOPPED, seen.get(1).state());
            assertNotNull(s.stats().statusMessage());
        }
    }
}
