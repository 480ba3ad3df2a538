package io.tactus.app.live;

import io.tactus.device.SourceStatus;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.session.CoachingState;
import io.tactus.session.LiveListener;
import io.tactus.session.LiveSession;
import io.tactus.session.LiveStats;
import io.tactus.session.PipelineCommand;
import io.tactus.session.RecordingStatus;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.technique.MovementFeedback;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The live view's feed over the session layer's {@link LiveSession} (processing thread, bounded queues,
 * recording). Listener callbacks arrive on the processing thread and only enqueue; the view model drains them
 * once per pulse.
 */
public final class LiveSessionFeed implements FrameFeed, FeedControl {

    private static final int MAX_EVENTS = 1024;

    private final LiveSession session;
    private final ConcurrentLinkedQueue<FeedEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final String calibration;

    public LiveSessionFeed(LiveSession session, String calibration) {
        this.session = session;
        this.calibration = calibration;
        session.addListener(new LiveListener() {
            @Override
            public void onFlagStart(FlagEvent e) {
                add(new FeedEvent.FlagStarted(e, session.processingFrameHostNanos()));
            }

            @Override
            public void onFlagEnd(FlagEvent e) {
                add(new FeedEvent.FlagEnded(e));
            }

            @Override
            public void onMarker(long deviceTimeUs, Payloads.Marker m) {
                add(new FeedEvent.Marker(deviceTimeUs, 0, m.code(), m.text()));
            }

            @Override
            public void onMovement(MovementFeedback f) {
                add(new FeedEvent.Movement(f));
            }

            @Override
            public void onDeviceMessage(long deviceTimeUs, int code, String text) {
                add(new FeedEvent.Message((code < 0 ? "device: " : "device error " + code + ": ") + text));
            }

            @Override
            public void onRecordingStopped(RecordingStatus s) {
                if (s.error() != null) {
                    add(new FeedEvent.Message("Recording stopped: " + s.error()));
                }
            }

            @Override
            public void onStatus(SourceStatus status) {
                // polled through stats()
            }
        });
    }

    /** Starts the session (processing thread, then the source). */
    public LiveSessionFeed start() {
        session.start();
        return this;
    }

    private void add(FeedEvent e) {
        if (queued.get() < MAX_EVENTS) {
            queued.incrementAndGet();
            events.add(e);
        }
    }

    @Override
    public String name() {
        return session.source().name();
    }

    @Override
    public FrameSnapshot latest() {
        return session.latest();
    }

    @Override
    public long version() {
        return session.version();
    }

    @Override
    public CoachingState coaching() {
        return session.coaching();
    }

    @Override
    public long coachingVersion() {
        return session.coachingVersion();
    }

    @Override
    public DeviceDescriptor descriptor() {
        return session.descriptor();
    }

    @Override
    public FeedStats stats() {
        LiveStats s = session.stats();
        RecordingStatus r = s.recording();
        return new FeedStats(s.state(), s.statusMessage(), s.frames(), s.dropped(), s.corruptTotal(),
                s.queueDrops(), session.source().stats().reconnects(), calibration,
                r != null && r.active() ? (long) (r.seconds() * 1e9) : -1, r == null ? 0 : r.bytes());
    }

    @Override
    public void drainEvents(Consumer<FeedEvent> sink) {
        FeedEvent e;
        while ((e = events.poll()) != null) {
            queued.decrementAndGet();
            sink.accept(e);
        }
    }

    @Override
    public Optional<FeedControl> control() {
        return Optional.of(this);
    }

    @Override
    public CompletableFuture<Void> execute(PipelineCommand command) {
        return session.execute(command);
    }

    @Override
    public <T> CompletableFuture<T> query(Function<SignalPipeline, T> query) {
        return session.withPipeline(query);
    }

    @Override
    public void startRecording(Path file, SessionMetadata metadata) throws IOException {
        session.startRecording(file, metadata);
    }

    @Override
    public RecordingStatus stopRecording() {
        return session.stopRecording();
    }

    @Override
    public boolean recording() {
        return session.isRecording();
    }

    @Override
    public void close() {
        session.close();
    }
}
