package io.tactus.session;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.PipelineState;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagListener;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs recorded packets through the same core as a live session (FrameAssembler, SignalPipeline), on the calling
 * thread, applying recorded pipeline commands at the packet position where they were applied live. This is what
 * makes replay and analysis reproduce the live flags: same packets, same commands, same order. Not thread-safe.
 */
final class CoreRunner {

    private static final System.Logger LOG = System.getLogger(CoreRunner.class.getName());

    /** A receiver marker seen in the stream. */
    record MarkerAt(long deviceTimeUs, int code, String text) {
    }

    private final PipelineSegments segments;
    private final List<CommandRecord> commands;
    private final FrameAssembler assembler;
    private final List<MarkerAt> markers = new ArrayList<>();
    private final List<FlagListener> flagListeners = new ArrayList<>();
    private SignalPipeline pipeline;
    private FrameListener frameTap;
    private int nextCommand;
    private long commandsFailed;
    private long frames;
    private boolean helloSeen;
    private long framesBeforeHello;
    private long firstFrameUs = -1;
    private long lastFrameUs = -1;
    private long lastTimeUs;
    private boolean frameDone;

    /**
     * @param commands recorded commands sorted by {@link CommandRecord#beforePacket()} (may be empty)
     * @param initial  descriptor to start with (a recording's metadata, a DIY text capture's or a headless
     *                 capture's options), used until the stream's own HELLO; or null
     */
    CoreRunner(Function<DeviceDescriptor, SignalPipeline> factory, List<CommandRecord> commands,
               DeviceDescriptor initial) {
        this.segments = new PipelineSegments(factory);
        List<CommandRecord> sorted = new ArrayList<>(commands);
        sorted.sort((a, b) -> Long.compare(a.beforePacket(), b.beforePacket()));
        this.commands = sorted;
        this.assembler = new FrameAssembler(new Frames(), initial);
        if (initial != null) {
            install(initial);
        }
    }

    void addFlagListener(FlagListener l) {
        flagListeners.add(l);
    }

    /** Sees every frame right after the pipeline processed it (for snapshots). */
    void setFrameTap(FrameListener tap) {
        this.frameTap = tap;
    }

    /** Feeds one packet; {@code ordinal} positions recorded commands (-1: no commands apply). */
    void feed(long ordinal, TimedPacket packet) {
        applyCommandsBefore(ordinal);
        frameDone = false;
        assembler.accept(packet);
    }

    /** Feeds a cursor's current packet, decoded straight from the reader's buffer (no allocation per frame). */
    void feed(RecordingReader.Cursor c) {
        applyCommandsBefore(c.ordinal());
        frameDone = false;
        assembler.accept(c.type(), c.seq(), c.rawTimeUs(), c.hostNanos(), c.payloadBuffer(), c.payloadStart(),
                c.payloadLength());
    }

    private void applyCommandsBefore(long ordinal) {
        while (ordinal >= 0 && nextCommand < commands.size() && commands.get(nextCommand).beforePacket() <= ordinal) {
            apply(commands.get(nextCommand++));
        }
    }

    /** True if the last {@link #feed} produced a processed frame. */
    boolean frameDone() {
        return frameDone;
    }

    private void apply(CommandRecord c) {
        if (pipeline == null) {
            commandsFailed++;
            return;
        }
        try {
            PipelineCommands.apply(pipeline, c.command());
        } catch (RuntimeException e) {
            commandsFailed++;
            if (commandsFailed == 1) {
                LOG.log(System.Logger.Level.WARNING, "recorded command not applied (logged once): " + e.getMessage());
            }
        }
    }

    /** Closes open events at the last frame's time. */
    void finish() {
        segments.finish(lastFrameUs >= 0 ? lastFrameUs : lastTimeUs);
    }

    /** Every segment of the stream (a new one per HELLO of a different sensor), in order. */
    List<PipelineSegments.Segment> segments() {
        return segments.segments();
    }

    /**
     * Everything the runner carries from packet to packet: the assembler's and the pipeline's state, which
     * recorded commands have been applied, the counters and the markers seen. Immutable; a replay checkpoint.
     */
    record State(FrameAssembler.State assembler, PipelineSegments.State segments, int nextCommand, long commandsFailed, long frames, boolean helloSeen, long framesBeforeHello,
                 long firstFrameUs, long lastFrameUs, long lastTimeUs, List<MarkerAt> markers) {
    }

    State checkpoint() {
        return new State(assembler.checkpoint(), segments.checkpoint(), nextCommand, commandsFailed, frames, helloSeen,
                framesBeforeHello, firstFrameUs, lastFrameUs, lastTimeUs, List.copyOf(markers));
    }

    /** Puts a runner made with the same factory and commands into a checkpointed state. */
    void restore(State s) {
        assembler.restore(s.assembler());
        pipeline = null;
        for (SignalPipeline p : segments.restore(s.segments())) {
            pipeline = p;
            forwardFlags(p);
        }
        nextCommand = s.nextCommand();
        commandsFailed = s.commandsFailed();
        frames = s.frames();
        helloSeen = s.helloSeen();
        framesBeforeHello = s.framesBeforeHello();
        firstFrameUs = s.firstFrameUs();
        lastFrameUs = s.lastFrameUs();
        lastTimeUs = s.lastTimeUs();
        markers.clear();
        markers.addAll(s.markers());
        frameDone = false;
    }

    /**
     * Continues at {@code p} as if the packets before it had been fed (for a preview): commands recorded before
     * it are skipped, the clock and sequence resume at it without counting a gap.
     */
    void jumpTo(RecordedPacket p) {
        while (nextCommand < commands.size() && commands.get(nextCommand).beforePacket() < p.ordinal()) {
            nextCommand++;
        }
        assembler.restore(assembler.checkpoint().resumingAt(p.timed().packet(), p.deviceTimeUs()));
    }

    SignalPipeline pipeline() {
        return pipeline;
    }

    FrameAssembler assembler() {
        return assembler;
    }

    FrameSnapshot snapshot() {
        return pipeline == null ? null : pipeline.snapshot();
    }

    /** The events of every segment. */
    List<FlagEvent> events() {
        return segments.events();
    }

    List<MarkerAt> markers() {
        return markers;
    }

    long frames() {
        return frames;
    }

    long firstFrameUs() {
        return firstFrameUs;
    }

    long lastFrameUs() {
        return lastFrameUs;
    }

    /** Frames decoded with the initial descriptor because no HELLO from the stream came before them. */
    long framesBeforeHello() {
        return framesBeforeHello;
    }

    long commandsFailed() {
        return commandsFailed;
    }

    private void install(DeviceDescriptor d) {
        SignalPipeline started = segments.onDescriptor(d);
        if (started != null) {
            pipeline = started;
            forwardFlags(started);
        }
    }

    private void forwardFlags(SignalPipeline p) {
        p.addListener(new FlagListener() {
            @Override
            public void onFlagStart(FlagEvent event) {
                for (FlagListener l : flagListeners) {
                    l.onFlagStart(event);
                }
            }

            @Override
            public void onFlagEnd(FlagEvent event) {
                for (FlagListener l : flagListeners) {
                    l.onFlagEnd(event);
                }
            }
        });
    }

    private final class Frames implements FrameListener {
        @Override
        public void onDescriptor(DeviceDescriptor d) {
            helloSeen = true;
            install(d);
        }

        @Override
        public void onFrame(RawFrame frame) {
            pipeline.process(frame);
            segments.frameProcessed(frame.deviceTimeUs());
            frames++;
            if (!helloSeen) {
                framesBeforeHello++;
            }
            if (firstFrameUs < 0) {
                firstFrameUs = frame.deviceTimeUs();
            }
            lastFrameUs = frame.deviceTimeUs();
            lastTimeUs = lastFrameUs;
            frameDone = true;
            if (frameTap != null) {
                frameTap.onFrame(frame);
            }
        }

        @Override
        public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
            markers.add(new MarkerAt(deviceTimeUs, marker.code(), marker.text()));
            if (pipeline != null) {
                pipeline.onMarker(deviceTimeUs, marker);
            }
        }

        @Override
        public void onPose(long deviceTimeUs, Payloads.Pose pose) {
            if (pipeline != null) {
                pipeline.onPose(deviceTimeUs, pose);
            }
        }
    }
}
