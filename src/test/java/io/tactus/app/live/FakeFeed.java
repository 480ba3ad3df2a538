package io.tactus.app.live;

import io.tactus.device.SourceState;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.metrics.RegionValue;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.function.Consumer;

/** A feed the test scripts frame by frame: publish snapshots and events, as the processing thread would. */
public final class FakeFeed implements FrameFeed {

    private final Queue<FeedEvent> events = new ArrayDeque<>();
    private volatile FrameSnapshot latest;
    private volatile long version;
    private volatile boolean closed;
    private long index;
    private final int rows;
    private final int cols;
    private FakeControl control;
    private volatile SourceState state = SourceState.CONNECTED;
    private volatile io.tactus.session.CoachingState coaching;
    private volatile long coachingVersion;
    private final java.util.concurrent.atomic.AtomicInteger coachingReads = new java.util.concurrent.atomic.AtomicInteger();

    public FakeFeed(int rows, int cols) {
        this.rows = rows;
        this.cols = cols;
    }

    /** Publishes a frame with the given region peaks and open flags. */
    public synchronized FrameSnapshot publish(long hostNanos, double[] regionPeaks, List<FlagEvent> open) {
        RegionValue[] rv = new RegionValue[BodyRegion.values().length];
        for (BodyRegion r : BodyRegion.values()) {
            double p = regionPeaks == null ? 0 : regionPeaks[r.ordinal()];
            rv[r.ordinal()] = new RegionValue(r, p / 2, p, p / 10, p > 0 ? 3 : 0);
        }
        FrameSnapshot s = new FrameSnapshot(index, index * 10_000, hostNanos, rows, cols, new float[rows * cols],
                0, 0, 0, Double.NaN, Double.NaN, rv, open);
        index++;
        latest = s;
        version++;
        return s;
    }

    /** Publishes a coaching picture, as the processing thread does when it changes. */
    public synchronized void coaching(io.tactus.session.CoachingState c) {
        coaching = c;
        coachingVersion++;
    }

    /** How often the coaching picture was read. */
    public int coachingReads() {
        return coachingReads.get();
    }

    @Override
    public io.tactus.session.CoachingState coaching() {
        coachingReads.incrementAndGet();
        return coaching;
    }

    @Override
    public long coachingVersion() {
        return coachingVersion;
    }

    /** Gives this feed a command port that records what it is asked (a feed without one has no pipeline). */
    public FakeControl withControl() {
        control = new FakeControl();
        return control;
    }

    @Override
    public java.util.Optional<FeedControl> control() {
        return java.util.Optional.ofNullable(control);
    }

    /** Records commands and recording calls; queries fail (there is no pipeline behind a script). */
    public static final class FakeControl implements FeedControl {
        public final List<io.tactus.session.PipelineCommand> commands = new java.util.concurrent.CopyOnWriteArrayList<>();
        public volatile java.nio.file.Path recordingTo;
        public volatile io.tactus.session.SessionMetadata metadata;
        public volatile int stops;
        public final java.util.concurrent.atomic.AtomicInteger queries = new java.util.concurrent.atomic.AtomicInteger();

        @Override
        public java.util.concurrent.CompletableFuture<Void> execute(io.tactus.session.PipelineCommand command) {
            commands.add(command);
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public <T> java.util.concurrent.CompletableFuture<T> query(
                java.util.function.Function<io.tactus.signal.SignalPipeline, T> query) {
            queries.incrementAndGet();
            return java.util.concurrent.CompletableFuture.failedFuture(
                    new IllegalStateException("a scripted feed has no pipeline"));
        }

        @Override
        public void startRecording(java.nio.file.Path file, io.tactus.session.SessionMetadata m) {
            recordingTo = file;
            metadata = m;
        }

        @Override
        public io.tactus.session.RecordingStatus stopRecording() {
            stops++;
            recordingTo = null;
            return null;
        }

        @Override
        public boolean recording() {
            return recordingTo != null;
        }
    }

    /** What the source says about its connection (device lost, stopped...). */
    public void state(SourceState s) {
        state = s;
    }

    public synchronized void event(FeedEvent e) {
        events.add(e);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public FrameSnapshot latest() {
        return latest;
    }

    @Override
    public long version() {
        return version;
    }

    @Override
    public DeviceDescriptor descriptor() {
        return null;
    }

    @Override
    public FeedStats stats() {
        return new FeedStats(state, "", index, 2, 1, 0, 0, "test", -1, 0);
    }

    @Override
    public synchronized void drainEvents(Consumer<FeedEvent> sink) {
        FeedEvent e;
        while ((e = events.poll()) != null) {
            sink.accept(e);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
