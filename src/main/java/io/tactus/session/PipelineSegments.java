package io.tactus.session;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.PipelineState;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The pipelines of one session, one per segment. Every HELLO goes through {@link #onDescriptor}: the running
 * pipeline continues when {@link SignalPipeline#continueWith} accepts the descriptor (the same sensor, perhaps at
 * a new rate); otherwise it is finished and kept, and a new segment starts. Earlier segments' events and metrics
 * are never dropped. Used by every engine that runs the core over a stream: live ({@link LiveSession}), analysis
 * and export ({@link CoreRunner}) and the app's replay. Not thread-safe: the engine's processing thread owns it.
 */
public final class PipelineSegments {

    /**
     * One segment: a pipeline and the device times of its first and last frame (-1 before its first frame).
     */
    public static final class Segment {
        private final SignalPipeline pipeline;
        /** The descriptor the pipeline was made for (a later HELLO of the same sensor may change its rate). */
        private final DeviceDescriptor madeFor;
        private long firstFrameUs = -1;
        private long lastFrameUs = -1;
        private long frames;

        Segment(SignalPipeline pipeline, DeviceDescriptor madeFor) {
            this.pipeline = pipeline;
            this.madeFor = madeFor;
        }

        public SignalPipeline pipeline() {
            return pipeline;
        }

        public long firstFrameUs() {
            return firstFrameUs;
        }

        public long lastFrameUs() {
            return lastFrameUs;
        }

        public long frames() {
            return frames;
        }
    }

    private final Function<DeviceDescriptor, SignalPipeline> factory;
    private final List<Segment> segments = new ArrayList<>();
    private long lastTimeUs;

    public PipelineSegments(Function<DeviceDescriptor, SignalPipeline> factory) {
        this.factory = factory;
    }

    /**
     * A descriptor arrived (HELLO, or the one a session starts with).
     *
     * @return the new pipeline when a segment started (so the caller can attach listeners), or null when the
     *         running pipeline continues
     */
    public SignalPipeline onDescriptor(DeviceDescriptor d) {
        Segment cur = current();
        if (cur != null && cur.pipeline.continueWith(d)) {
            return null;
        }
        if (cur != null) {
            cur.pipeline.finish(cur.lastFrameUs >= 0 ? cur.lastFrameUs : lastTimeUs);
        }
        Segment s = new Segment(factory.apply(d), d);
        segments.add(s);
        return s.pipeline;
    }

    /** Counts a frame the current pipeline has just processed. */
    public void frameProcessed(long deviceTimeUs) {
        Segment cur = current();
        if (cur != null) {
            if (cur.firstFrameUs < 0) {
                cur.firstFrameUs = deviceTimeUs;
            }
            cur.lastFrameUs = deviceTimeUs;
            cur.frames++;
        }
        lastTimeUs = deviceTimeUs;
    }

    /** Closes the open events of the current segment (earlier ones were closed when they ended). */
    public void finish(long endDeviceTimeUs) {
        Segment cur = current();
        if (cur != null) {
            cur.pipeline.finish(endDeviceTimeUs);
        }
    }

    /** The running pipeline, or null before the first descriptor. */
    public SignalPipeline pipeline() {
        Segment cur = current();
        return cur == null ? null : cur.pipeline;
    }

    public List<Segment> segments() {
        return List.copyOf(segments);
    }

    /** The events of every segment, in start order. */
    public List<FlagEvent> events() {
        if (segments.size() == 1) {
            return segments.get(0).pipeline.events();
        }
        List<FlagEvent> all = new ArrayList<>();
        for (Segment s : segments) {
            all.addAll(s.pipeline.events());
        }
        all.sort((a, b) -> Long.compare(a.startUs(), b.startUs()));
        return List.copyOf(all);
    }

    /** Every segment's pipeline state and frame span: a replay checkpoint's share of this object. */
    public record State(List<SegmentState> segments, long lastTimeUs) {
    }

    /** One segment in a {@link State}. */
    public record SegmentState(DeviceDescriptor madeFor, PipelineState pipeline, long firstFrameUs, long lastFrameUs,
                               long frames) {
    }

    public State checkpoint() {
        List<SegmentState> out = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            out.add(new SegmentState(s.madeFor, s.pipeline.checkpoint(), s.firstFrameUs, s.lastFrameUs, s.frames));
        }
        return new State(List.copyOf(out), lastTimeUs);
    }

    /**
     * Rebuilds the segments of a checkpoint, each with a fresh pipeline from the factory.
     *
     * @return their pipelines in order (the last is the running one), for the caller's listeners
     */
    public List<SignalPipeline> restore(State state) {
        segments.clear();
        List<SignalPipeline> out = new ArrayList<>();
        for (SegmentState ss : state.segments()) {
            SignalPipeline p = factory.apply(ss.madeFor());
            p.restore(ss.pipeline());
            Segment seg = new Segment(p, ss.madeFor());
            seg.firstFrameUs = ss.firstFrameUs();
            seg.lastFrameUs = ss.lastFrameUs();
            seg.frames = ss.frames();
            segments.add(seg);
            out.add(p);
        }
        lastTimeUs = state.lastTimeUs();
        return out;
    }

    private Segment current() {
        return segments.isEmpty() ? null : segments.get(segments.size() - 1);
    }
}
