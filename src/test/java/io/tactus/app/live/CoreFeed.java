package io.tactus.app.live;

import io.tactus.app.SyntheticSource;
import io.tactus.device.RawFrame;
import io.tactus.device.SourceState;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagListener;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.function.Consumer;

/**
 * A feed over the real signal core, stepped by the test on its own thread: each {@link #frame} runs the pipeline
 * on one frame of counts and publishes its snapshot and flag events exactly as the live session does, with no
 * thread timing in between. For checking the view against the real core's flags, debounce and region peaks.
 */
final class CoreFeed implements FrameFeed {

    private final DeviceDescriptor descriptor;
    private final SignalPipeline pipeline;
    private final Queue<FeedEvent> events = new ArrayDeque<>();
    private FrameSnapshot latest;
    private long version;
    private long index;
    private volatile SourceState state = SourceState.CONNECTED;

    CoreFeed(int rows, int cols, double hz) {
        descriptor = SyntheticSource.descriptor(rows, cols, hz);
        pipeline = new SignalPipeline(descriptor);
        pipeline.addListener(new FlagListener() {
            @Override
            public void onFlagStart(FlagEvent e) {
                events.add(new FeedEvent.FlagStarted(e, 0));
            }

            @Override
            public void onFlagEnd(FlagEvent e) {
                events.add(new FeedEvent.FlagEnded(e));
            }
        });
    }

    /** Processes one frame of raw counts and publishes it. */
    void frame(int[] counts, long hostNanos) {
        long us = (long) (index * 1e6 / descriptor.rateHz());
        pipeline.process(new RawFrame(index++, us, hostNanos, counts));
        latest = pipeline.snapshot();
        version++;
    }

    void state(SourceState s) {
        state = s;
    }

    @Override
    public String name() {
        return "core";
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
        return descriptor;
    }

    @Override
    public FeedStats stats() {
        return new FeedStats(state, "", index, 0, 0, 0, 0, "test", -1, 0);
    }

    @Override
    public void drainEvents(Consumer<FeedEvent> sink) {
        FeedEvent e;
        while ((e = events.poll()) != null) {
            sink.accept(e);
        }
    }

    /** Commands and queries run on the test's thread, between frames, as the processing thread runs them. */
    @Override
    public java.util.Optional<FeedControl> control() {
        return java.util.Optional.of(new FeedControl() {
            @Override
            public java.util.concurrent.CompletableFuture<Void> execute(io.tactus.session.PipelineCommand command) {
                io.tactus.session.PipelineCommands.apply(pipeline, command);
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public <T> java.util.concurrent.CompletableFuture<T> query(
                    java.util.function.Function<SignalPipeline, T> query) {
                return java.util.concurrent.CompletableFuture.completedFuture(query.apply(pipeline));
            }

            @Override
            public void startRecording(java.nio.file.Path file, io.tactus.session.SessionMetadata metadata) {
                throw new UnsupportedOperationException("no recording in this test feed");
            }

            @Override
            public io.tactus.session.RecordingStatus stopRecording() {
                return null;
            }

            @Override
            public boolean recording() {
                return false;
            }
        });
    }

    @Override
    public void close() {
    }
}
