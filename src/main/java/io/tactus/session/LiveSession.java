package io.tactus.session;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.RawFrame;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagListener;
import io.tactus.signal.technique.MovementFeedback;
import io.tactus.signal.technique.RoutineProgress;
import io.tactus.signal.technique.TechniqueListener;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The live wiring: one packet source, one processing thread running {@link FrameAssembler} and
 * {@link SignalPipeline}, and (while recording) one recorder thread.
 *
 * <p>Threads. The source's thread only enqueues: into a bounded processing queue (full: drop the oldest FRAME
 * packet, counted in {@link LiveStats#queueDrops()}, because live feedback must show the present; HELLO, markers
 * and device messages are kept) and, while recording,
 * into the recorder's byte-bounded queue (full: the packet is counted as lost and the loss is written into the file
 * and reported; never silent). The processing thread publishes an immutable {@link FrameSnapshot} into an atomic
 * reference and bumps {@link #version()}; a UI pulls {@link #latest()} on its own timer. Snapshots are published
 * whenever the queue is empty and otherwise at most every 4 ms, so a 1 kHz device does not allocate a snapshot per
 * frame. {@link LiveListener}s are called on the processing thread. Pipeline actions from a UI (tare, calibration,
 * registration) go through {@link #execute} or {@link #withPipeline}, which run on the processing thread.
 *
 * <p>Coaching. The processing thread also publishes a {@link CoachingState} (routine progress, tracked contacts,
 * hold timer, balance) with its own {@link #coachingVersion()}, only when it changes: at once after a movement
 * ends, a step changes, a hand lands or a command runs, and at most every 50 ms while a hand is on the mat (the
 * trails and the hold timer move); nothing while nothing changes. Each movement is also told to listeners
 * ({@link LiveListener#onMovement}).
 */
public final class LiveSession implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(LiveSession.class.getName());
    private static final long PUBLISH_EVERY_NS = 4_000_000L;
    private static final long RATE_WINDOW_NS = 1_000_000_000L;
    /** While a hand is on the mat the coaching picture is republished at most this often (20 per second). */
    private static final long COACHING_EVERY_NS = 50_000_000L;

    private record Arrival(long arrival, TimedPacket packet) {
    }

    private final PacketSource source;
    private final Function<DeviceDescriptor, SignalPipeline> pipelineFactory;
    private final LiveOptions options;
    private final ArrayBlockingQueue<Object> processing;
    private final ConcurrentLinkedQueue<Runnable> control = new ConcurrentLinkedQueue<>();
    private final List<LiveListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<FrameSnapshot> latest = new AtomicReference<>();
    private final AtomicLong version = new AtomicLong();
    private final AtomicReference<CoachingState> coaching = new AtomicReference<>();
    private final AtomicLong coachingVersion = new AtomicLong();
    private final AtomicLong queueDrops = new AtomicLong();
    private final Object recordingLock = new Object();
    private final boolean lossless;
    private final Thread processingThread;
    private volatile DeviceDescriptor descriptor;
    private volatile SourceStatus status = new SourceStatus(SourceState.CONNECTING, "not started");
    private volatile RecordingWriter recorder;
    private volatile RecordingStatus lastRecording = RecordingStatus.NONE;
    private volatile boolean running;
    private volatile boolean started;
    private volatile long packets;
    private volatile long frames;
    private volatile long dropped;
    private volatile long badPayload;
    private volatile long processingErrors;
    private volatile double frameRate;

    // Processing-thread state.
    private FrameAssembler assembler;
    private SignalPipeline pipeline;
    /** Every segment's pipeline; {@link #pipeline} is the running one. Processing thread only. */
    private PipelineSegments segments;
    private long lastArrival = -1;
    private long lastPublishNs;
    private boolean unpublished;
    private boolean urgent;
    private long rateWindowStartNs;
    private long rateWindowFrames;
    private long lastDeviceTimeUs;
    private volatile long processingFrameHostNanos;
    /** A movement ended or the routine changed since the last coaching publish. Processing thread only. */
    private boolean coachingDirty;
    /** The last published coaching picture was {@link CoachingState#active()}. Processing thread only. */
    private boolean coachingActive;
    private long lastCoachingNs;
    /** Tracked contacts so far at the last coaching publish: a new contact (a hand lands) publishes at once. */
    private int coachingContactsSeen;

    public LiveSession(PacketSource source, Function<DeviceDescriptor, SignalPipeline> pipelineFactory) {
        this(source, pipelineFactory, LiveOptions.DEFAULT);
    }

    public LiveSession(PacketSource source, Function<DeviceDescriptor, SignalPipeline> pipelineFactory,
                       LiveOptions options) {
        this.source = Objects.requireNonNull(source, "source");
        this.pipelineFactory = Objects.requireNonNull(pipelineFactory, "pipelineFactory");
        this.options = Objects.requireNonNull(options, "options");
        this.processing = new ArrayBlockingQueue<>(options.processingQueuePackets());
        this.lossless = options.lossless();
        this.processingThread = new Thread(this::processLoop, "tactus-processing");
        this.processingThread.setDaemon(true);
    }

    /** Starts the processing thread, then the source. Call once. */
    public void start() {
        if (started) {
            throw new IllegalStateException("LiveSession already started");
        }
        started = true;
        running = true;
        processingThread.start();
        source.start(new Sink());
    }

    public PacketSource source() {
        return source;
    }

    /** The latest processed frame, or null before the first one. Any thread; never blocks. */
    public FrameSnapshot latest() {
        return latest.get();
    }

    /** Incremented each time a new snapshot is published: compare with the last value you drew. */
    public long version() {
        return version.get();
    }

    /**
     * The latest coaching picture (routine progress, contacts, hold timer, balance), or null before the first
     * device descriptor. Any thread; never blocks. Published only when it changes (see the class comment).
     */
    public CoachingState coaching() {
        return coaching.get();
    }

    /** Incremented each time a new coaching picture is published. */
    public long coachingVersion() {
        return coachingVersion.get();
    }

    /** The current device descriptor, or null before the first HELLO (or initial descriptor). */
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Host receive time (reader's {@code System.nanoTime()}) of the frame the processing thread is working on.
     * Meaningful inside a listener call on the processing thread: in {@code onFlagStart} it is the arrival of
     * the frame that confirmed the flag, the start of the alert-latency chain.
     */
    public long processingFrameHostNanos() {
        return processingFrameHostNanos;
    }

    public void addListener(LiveListener listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    public void removeListener(LiveListener listener) {
        listeners.remove(listener);
    }

    public LiveStats stats() {
        LinkStats link = source.stats();
        Map<Corruption, Long> corrupt = new EnumMap<>(Corruption.class);
        corrupt.putAll(link.corrupt());
        long bad = badPayload;
        if (bad > 0) {
            corrupt.merge(Corruption.BAD_PAYLOAD, bad, Long::sum);
        }
        RecordingWriter r = recorder;
        RecordingStatus rec = r != null ? r.status() : lastRecording;
        SourceStatus s = status;
        return new LiveStats(s.state(), s.message(), packets, frames, frameRate, dropped, Map.copyOf(corrupt),
                queueDrops.get(), processingErrors, rec);
    }

    /**
     * Starts recording what comes off the wire from now on. Opens the file and writes the metadata before
     * returning, so a bad path fails here. Missing metadata fields (device, source, app version) are filled in.
     *
     * @throws IOException           if the file cannot be created (message is one line)
     * @throws IllegalStateException if already recording
     */
    public void startRecording(Path file, SessionMetadata metadata) throws IOException {
        startRecording(metadata, (m, cap, cb) -> new RecordingWriter(file, m, cap, cb));
    }

    /** How a recorder is made (tests inject writers on failing channels). */
    interface WriterFactory {
        RecordingWriter create(SessionMetadata metadata, long queueCapBytes, Consumer<RecordingStatus> onStopped)
                throws IOException;
    }

    void startRecording(SessionMetadata metadata, WriterFactory factory) throws IOException {
        synchronized (recordingLock) {
            RecordingWriter r = recorder;
            if (r != null && r.isActive()) {
                throw new IllegalStateException("already recording to " + r.file());
            }
            SessionMetadata m = metadata == null ? SessionMetadata.now() : metadata;
            if (m.device() == null) {
                m = m.withDevice(descriptor);
            }
            if (m.source() == null) {
                m = m.withSource(source.name());
            }
            if (m.appVersion() == null) {
                String v = LiveSession.class.getPackage().getImplementationVersion();
                m = m.withAppVersion(v != null ? v : "dev");
            }
            recorder = factory.create(m, options.recorderQueueBytes(), this::onRecorderStopped);
        }
    }

    /** Stops the recording (writes index and trailer, forces to disk); returns its final state. Idempotent. */
    public RecordingStatus stopRecording() {
        RecordingWriter r;
        synchronized (recordingLock) {
            r = recorder;
            recorder = null;
        }
        if (r == null) {
            return lastRecording;
        }
        RecordingStatus s = r.stop(30_000);
        lastRecording = s;
        return s;
    }

    public boolean isRecording() {
        RecordingWriter r = recorder;
        return r != null && r.isActive();
    }

    /** Adds an instructor annotation to the running recording (ignored when not recording). */
    public void annotate(Annotation annotation) {
        RecordingWriter r = recorder;
        if (r != null) {
            r.offerAnnotation(annotation);
        }
    }

    /**
     * Applies a pipeline command on the processing thread and records it (when recording) at the packet position
     * where it took effect, so a replay applies it at the same point.
     */
    public CompletableFuture<Void> execute(PipelineCommand command) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        control.add(() -> {
            if (pipeline == null) {
                f.completeExceptionally(new IllegalStateException("no device yet: wait for the device descriptor"));
                return;
            }
            try {
                PipelineCommands.apply(pipeline, command);
                RecordingWriter r = recorder;
                if (r != null) {
                    r.offerCommand(lastArrival + 1, command);
                }
                publishCoaching(System.nanoTime()); // a routine start / skip / stop shows without waiting for a frame
                f.complete(null);
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Runs {@code action} with the current pipeline on the processing thread (for reading state, or for actions
     * that need not be replayed). NOT recorded: anything that changes what the pipeline computes should be a
     * {@link PipelineCommand} via {@link #execute}. Completes exceptionally before the first descriptor.
     */
    public <T> CompletableFuture<T> withPipeline(Function<SignalPipeline, T> action) {
        CompletableFuture<T> f = new CompletableFuture<>();
        control.add(() -> {
            if (pipeline == null) {
                f.completeExceptionally(new IllegalStateException("no device yet: wait for the device descriptor"));
                return;
            }
            try {
                f.complete(action.apply(pipeline));
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f;
    }

    /**
     * Flag events so far of every segment (a HELLO of a different sensor starts a new segment; one re-sent for
     * the same sensor continues the running one), fetched from the processing thread.
     */
    public CompletableFuture<List<FlagEvent>> events() {
        return withPipeline(p -> segments.events());
    }

    /**
     * Stops the source, the recording (completing the file) and the processing thread, closing any open flag.
     * Idempotent.
     */
    @Override
    public void close() {
        try {
            source.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "source close failed: " + e.getMessage());
        }
        stopRecording();
        if (running) {
            running = false;
            try {
                processingThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void onRecorderStopped(RecordingStatus s) {
        lastRecording = s;
        control.add(() -> {
            for (LiveListener l : listeners) {
                l.onRecordingStopped(s);
            }
        });
    }

    private void enqueue(Object item) {
        if (lossless) {
            try {
                processing.put(item);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        while (!processing.offer(item)) {
            if (dropOldestFrame() || processing.poll() != null) {
                queueDrops.incrementAndGet();
            }
        }
    }

    /**
     * Drops the oldest FRAME packet, keeping HELLO, markers and device messages (rare, and a lost HELLO would
     * make every later frame unreadable). Only runs when the queue is full; the oldest frame is almost always
     * at the head, so the scan is short.
     */
    private boolean dropOldestFrame() {
        for (java.util.Iterator<Object> it = processing.iterator(); it.hasNext(); ) {
            Object o = it.next();
            if (o instanceof Arrival a && a.packet.packet().type().isFrame()) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    /** The source's side: stamp an arrival number, hand off, return. Never waits (unless lossless). */
    private final class Sink implements PacketSink {
        private long arrivals;

        @Override
        public void onPacket(TimedPacket packet) {
            long n = arrivals++;
            packets = arrivals;
            RecordingWriter r = recorder;
            if (r != null) {
                r.offerPacket(n, packet);
            }
            enqueue(new Arrival(n, packet));
        }

        @Override
        public void onCorrupt(Corruption kind, int bytes) {
            RecordingWriter r = recorder;
            if (r != null) {
                r.offerCorrupt(kind, bytes, System.nanoTime());
            }
        }

        @Override
        public void onStatus(SourceStatus s) {
            status = s;
            control.add(() -> {
                for (LiveListener l : listeners) {
                    l.onStatus(s);
                }
            });
        }
    }

    // ---------------------------------------------------------------- processing thread

    private void processLoop() {
        newAssembler();
        rateWindowStartNs = System.nanoTime();
        try {
            while (running) {
                runControl();
                Object item;
                try {
                    item = processing.poll(20, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    break;
                }
                if (item == null) {
                    publishIfPending();
                    updateRate();
                    continue;
                }
                Arrival a = (Arrival) item;
                lastArrival = a.arrival;
                try {
                    assembler.accept(a.packet);
                } catch (RuntimeException e) {
                    processingErrors++;
                    if (processingErrors == 1) {
                        LOG.log(System.Logger.Level.ERROR, "processing a packet failed (logged once)", e);
                    }
                }
                dropped = assembler.dropped();
                badPayload = assembler.badPayload();
                if (unpublished && (urgent || processing.isEmpty()
                        || System.nanoTime() - lastPublishNs >= PUBLISH_EVERY_NS)) {
                    publish();
                }
                updateRate();
            }
            runControl();
        } finally {
            if (pipeline != null) {
                try {
                    segments.finish(lastDeviceTimeUs);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "pipeline.finish failed: " + e.getMessage());
                }
                publishIfPending();
            }
            runControl();
        }
    }


    private void runControl() {
        Runnable r;
        while ((r = control.poll()) != null) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "listener or action failed: " + e);
            }
        }
    }

    private void newAssembler() {
        assembler = new FrameAssembler(new Frames(), options.initialDescriptor());
        pipeline = null;
        segments = new PipelineSegments(pipelineFactory);
        if (options.initialDescriptor() != null) {
            installPipeline(options.initialDescriptor());
        }
    }


    private void installPipeline(DeviceDescriptor d) {
        SignalPipeline started = segments.onDescriptor(d);
        if (started != null) {
            pipeline = started;
            pipeline.addListener(new Flags());
            pipeline.addTechniqueListener(new Technique());
            publishCoaching(System.nanoTime());
        }
        descriptor = d;
        for (LiveListener l : listeners) {
            l.onDescriptor(d);
        }
    }

    private void publishIfPending() {
        if (unpublished) {
            publish();
        }
    }

    private void publish() {
        FrameSnapshot s = pipeline == null ? null : pipeline.snapshot();
        if (s != null) {
            latest.set(s);
            version.incrementAndGet();
        }
        unpublished = false;
        urgent = false;
        lastPublishNs = System.nanoTime();
    }

    /** Publishes the coaching picture now (processing thread; allocates, so only when it changed). */
    private void publishCoaching(long nowNs) {
        if (pipeline == null) {
            return;
        }
        CoachingState c = new CoachingState(pipeline.technique(), pipeline.routineProgress());
        coaching.set(c);
        coachingVersion.incrementAndGet();
        coachingDirty = false;
        coachingActive = c.active();
        coachingContactsSeen = c.technique().contactsSeen();
        lastCoachingNs = nowNs;
    }

    private void updateRate() {
        long now = System.nanoTime();
        long elapsed = now - rateWindowStartNs;
        if (elapsed >= RATE_WINDOW_NS) {
            frameRate = (frames - rateWindowFrames) * 1e9 / elapsed;
            rateWindowStartNs = now;
            rateWindowFrames = frames;
        }
    }

    private final class Frames implements FrameListener {
        @Override
        public void onDescriptor(DeviceDescriptor d) {
            installPipeline(d);
        }

        @Override
        public void onFrame(RawFrame frame) {
            processingFrameHostNanos = frame.hostNanos();
            pipeline.process(frame);
            segments.frameProcessed(frame.deviceTimeUs());
            if (coachingDirty || pipeline.contactsSeen() != coachingContactsSeen
                    || coachingActive && System.nanoTime() - lastCoachingNs >= COACHING_EVERY_NS) {
                publishCoaching(System.nanoTime());
            }
            frames++;
            lastDeviceTimeUs = frame.deviceTimeUs();
            unpublished = true;
        }

        @Override
        public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
            if (pipeline != null) {
                pipeline.onMarker(deviceTimeUs, marker);
            }
            for (LiveListener l : listeners) {
                l.onMarker(deviceTimeUs, marker);
            }
        }

        @Override
        public void onPose(long deviceTimeUs, Payloads.Pose pose) {
            if (pipeline != null) {
                pipeline.onPose(deviceTimeUs, pose);
            }
        }

        @Override
        public void onDeviceMessage(long deviceTimeUs, int code, String text) {
            for (LiveListener l : listeners) {
                l.onDeviceMessage(deviceTimeUs, code, text);
            }
        }
    }

    private final class Flags implements FlagListener {
        @Override
        public void onFlagStart(FlagEvent event) {
            // Publish the frame that raised the flag as soon as it is processed: an alert must not wait for the
            // 4 ms throttle (the snapshot is taken after process() returns, never mid-frame).
            urgent = true;
            for (LiveListener l : listeners) {
                l.onFlagStart(event);
            }
        }

        @Override
        public void onFlagEnd(FlagEvent event) {
            RecordingWriter r = recorder;
            if (r != null) {
                r.offerEvent(RecordedEvent.of(event, RecordedEvent.LIVE));
            }
            for (LiveListener l : listeners) {
                l.onFlagEnd(event);
            }
        }
    }

    private final class Technique implements TechniqueListener {
        @Override
        public void onMovement(MovementFeedback feedback) {
            coachingDirty = true; // published once the frame that ended it is processed
            for (LiveListener l : listeners) {
                l.onMovement(feedback);
            }
        }

        @Override
        public void onRoutineProgress(RoutineProgress progress) {
            coachingDirty = true;
        }
    }
}
