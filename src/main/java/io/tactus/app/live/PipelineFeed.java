package io.tactus.app.live;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.RawFrame;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.signal.FlagEvent;
import io.tactus.signal.FlagListener;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A live feed without recording: source thread -> bounded queue -> one processing thread (FrameAssembler +
 * SignalPipeline) -> latest snapshot in an atomic reference. The source's thread only offers to the queue and
 * returns; when processing falls behind, packets are dropped and counted ({@code queueDropped}), never waited
 * for. Used where the session layer's LiveSession (which also records) is not wanted or not available.
 */
public final class PipelineFeed implements FrameFeed, PacketSink {

    private static final System.Logger LOG = System.getLogger(PipelineFeed.class.getName());
    private static final int QUEUE = 4096;
    private static final int MAX_EVENTS = 1024;

    private final PacketSource source;
    private final Function<DeviceDescriptor, SignalPipeline> pipelines;
    private final BlockingQueue<TimedPacket> queue = new ArrayBlockingQueue<>(QUEUE);
    private final ConcurrentLinkedQueue<FeedEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicReference<FrameSnapshot> latest = new AtomicReference<>();
    private final AtomicReference<SourceStatus> status =
            new AtomicReference<>(new SourceStatus(SourceState.CONNECTING, "connecting"));
    private final AtomicLong version = new AtomicLong();
    private final AtomicLong queueDropped = new AtomicLong();
    private final AtomicLong eventsDropped = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong badPayload = new AtomicLong();
    private volatile DeviceDescriptor descriptor;
    private volatile boolean running = true;
    private final Thread worker;
    // Processing-thread state.
    private final FrameAssembler assembler;
    private SignalPipeline pipeline;
    private long currentHostNanos;

    public PipelineFeed(PacketSource source, Function<DeviceDescriptor, SignalPipeline> pipelines) {
        this.source = source;
        this.pipelines = pipelines;
        this.assembler = new FrameAssembler(new Listener());
        this.worker = new Thread(this::process, "tactus-processing");
        this.worker.setDaemon(true);
    }

    /** Starts the processing thread, then the source. */
    public PipelineFeed start() {
        worker.start();
        source.start(this);
        return this;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public FrameSnapshot latest() {
        return latest.get();
    }

    @Override
    public long version() {
        return version.get();
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public FeedStats stats() {
        SourceStatus s = status.get();
        DeviceDescriptor d = descriptor;
        String calibration = d == null ? "-" : d.calibration() == null ? "none (raw counts)"
                : "factory " + d.calibration().model() + ", not tared";
        return new FeedStats(s.state(), s.message(), frames.get(), dropped.get(),
                source.stats().corruptTotal() + badPayload.get(), queueDropped.get(), source.stats().reconnects(),
                calibration, -1, 0);
    }

    @Override
    public void drainEvents(Consumer<FeedEvent> sink) {
        FeedEvent e;
        while ((e = events.poll()) != null) {
            sink.accept(e);
        }
    }

    @Override
    public void close() {
        running = false;
        source.close();
        worker.interrupt();
        status.set(new SourceStatus(SourceState.STOPPED, "disconnected"));
    }

    // ---- PacketSink, on the source's thread: offer and return.

    @Override
    public void onPacket(TimedPacket packet) {
        if (!queue.offer(packet)) {
            queueDropped.incrementAndGet();
        }
    }

    @Override
    public void onCorrupt(Corruption kind, int bytes) {
        // counted by the source's LinkStats
    }

    @Override
    public void onStatus(SourceStatus s) {
        status.set(s);
    }

    // ---- processing thread

    private void process() {
        while (running) {
            TimedPacket p;
            try {
                p = queue.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (p == null) {
                continue;
            }
            try {
                currentHostNanos = p.hostNanos();
                assembler.accept(p);
                dropped.set(assembler.dropped());
            } catch (RuntimeException e) {
                // One bad packet must not stop live feedback.
                LOG.log(System.Logger.Level.WARNING, "processing failed: " + e);
            }
        }
    }

    private void event(FeedEvent e) {
        if (events.size() < MAX_EVENTS) {
            events.add(e);
        } else {
            eventsDropped.incrementAndGet();
        }
    }

    private final class Listener implements FrameListener, FlagListener {
        @Override
        public void onDescriptor(DeviceDescriptor d) {
            if (pipeline == null || !d.equals(descriptor)) {
                pipeline = pipelines.apply(d);
                pipeline.addListener(this);
                descriptor = d;
            }
        }

        @Override
        public void onFrame(RawFrame frame) {
            if (pipeline == null) {
                return;
            }
            pipeline.process(frame);
            frames.incrementAndGet();
            latest.set(pipeline.snapshot());
            version.incrementAndGet();
        }

        @Override
        public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
            if (pipeline != null) {
                pipeline.onMarker(deviceTimeUs, marker);
            }
            event(new FeedEvent.Marker(deviceTimeUs, hostNanos, marker.code(), marker.text()));
        }

        @Override
        public void onPose(long deviceTimeUs, Payloads.Pose pose) {
            if (pipeline != null) {
                pipeline.onPose(deviceTimeUs, pose);
            }
        }

        @Override
        public void onDeviceMessage(long deviceTimeUs, int code, String text) {
            event(new FeedEvent.Message((code < 0 ? "device: " : "device error " + code + ": ") + text));
        }

        @Override
        public void onBadPayload(Corruption kind, TimedPacket packet, String why) {
            badPayload.incrementAndGet();
        }

        @Override
        public void onFlagStart(FlagEvent e) {
            event(new FeedEvent.FlagStarted(e, currentHostNanos));
        }

        @Override
        public void onFlagEnd(FlagEvent e) {
            event(new FeedEvent.FlagEnded(e));
        }
    }
}
