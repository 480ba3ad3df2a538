package io.tactus.device.sim;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A scenario rendered as the exact packet sequence a device would send: HELLO first, then per frame (glove: a
 * POSE, then) FRAME_DENSE or FRAME_SPARSE, with MARKER packets at their own device times, all in device-time
 * order. The sequence number increments per packet (wrapping at 2^16), device time is in microseconds and wraps
 * at 2^32 on the wire. Deterministic: the same scenario and options give the same bytes. {@link #next()} and
 * {@link #requestHello()} belong to one thread (the player); {@link #truth()} may be called from any.
 *
 * <p>{@link #truth()} is the complete ground truth, available before the first packet, computed from the
 * noise-free pressure the frames are drawn from. Its times are unwrapped device time: {@code clockStartUs + scenario time}, which equals
 * {@code RawFrame.deviceTimeUs} of a {@code FrameAssembler} that received this stream from its HELLO.
 */
public final class ScenarioStream {

    private static final long TIME_MOD = 1L << 32;

    private final Scenario scenario;
    private final SimOptions options;
    private final FrameModel model;
    private final DeviceDescriptor descriptor;
    private final byte[] helloPayload;
    private final long frameCount;
    private final long durationUs;
    private List<TruthEvent> truth;
    private final Gaussian noise;
    private final int[] counts;

    private boolean helloPending = true;
    private long passOffsetUs;
    private long frameIndex;
    private int markerIndex;
    private boolean poseSent;
    private long lastElapsedUs;
    private int nextSeq;

    private ScenarioStream(Scenario scenario, SimOptions options) {
        this.scenario = scenario;
        this.options = options;
        this.model = newModel(scenario, options);
        this.descriptor = model.descriptor();
        this.helloPayload = descriptor.toJson();
        this.frameCount = Math.round(scenario.script().durationS() * options.rateHz());
        this.durationUs = frameTimeUs(frameCount);
        this.noise = new Gaussian(new SplittableRandom(options.seed()));
        this.counts = new int[descriptor.cellCount()];
    }

    /**
     * Opens a scenario by name.
     *
     * @throws IllegalArgumentException for an unknown scenario (the message lists the valid names)
     */
    public static ScenarioStream open(String scenario, SimOptions options) {
        return new ScenarioStream(Scenarios.get(scenario), options);
    }

    /** Opens a custom script (tests, tools). */
    public static ScenarioStream open(Scenario scenario, SimOptions options) {
        return new ScenarioStream(scenario, options);
    }

    public String scenarioName() {
        return scenario.name();
    }

    public Scenario scenario() {
        return scenario;
    }

    public SimOptions options() {
        return options;
    }

    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    /**
     * Ground truth of one pass, sorted by start time. Computed on first call from its own copy of the model (about
     * 0.1-0.3 s for a 32x32 scenario at 100 Hz), so it may be called from any thread, before or during streaming.
     */
    public synchronized List<TruthEvent> truth() {
        if (truth == null) {
            truth = computeTruth(newModel(scenario, options));
        }
        return truth;
    }

    /**
     * The scripted movements of one pass (strokes, circles, holds per hand), in device time like {@link #truth()};
     * empty for scenarios without movement truth.
     */
    public List<TruthMovement> movementTruth() {
        List<TruthMovement> out = new java.util.ArrayList<>();
        for (TruthMovement m : scenario.script().movements()) {
            out.add(m.shifted(options.clockStartUs()));
        }
        return List.copyOf(out);
    }

    /** Device time one pass covers: the frames' span (frame k is at k / rate s). */
    public long durationUs() {
        return durationUs;
    }

    public long frameCount() {
        return frameCount;
    }

    /** Device microseconds since the HELLO of the packet last returned by {@link #next()} (unwrapped, grows across loops). */
    public long elapsedUs() {
        return lastElapsedUs;
    }

    /** The next packet returned is a HELLO at the current device time (a host's REQUEST_HELLO). */
    public void requestHello() {
        helloPending = true;
    }

    /** @return the next packet, or null at the end (never, when looping) */
    public Packet next() {
        if (helloPending) {
            helloPending = false;
            return emit(PacketType.HELLO, lastElapsedUs, helloPayload);
        }
        List<Script.ScriptMarker> markers = scenario.script().markers();
        while (true) {
            long frameRel = frameIndex < frameCount ? frameTimeUs(frameIndex) : Long.MAX_VALUE;
            if (markerIndex < markers.size()) {
                Script.ScriptMarker m = markers.get(markerIndex);
                long markerRel = Math.min(toUs(m.t()), durationUs);
                if (markerRel <= frameRel) {
                    markerIndex++;
                    return emit(PacketType.MARKER, passOffsetUs + markerRel, Payloads.marker(m.code(), m.text()));
                }
            }
            if (frameIndex < frameCount) {
                double t = frameRel / 1e6;
                if (scenario.glove() && !poseSent) {
                    poseSent = true;
                    Path.Point p = model.poseMm(t);
                    return emit(PacketType.POSE, passOffsetUs + frameRel, Payloads.pose((float) p.x(), (float) p.y()));
                }
                poseSent = false;
                frameIndex++;
                double drift = options.driftCountsPerMinute() * (passOffsetUs + frameRel) / 60e6;
                model.counts(t, drift, counts, noise);
                return options.sparse()
                        ? emit(PacketType.FRAME_SPARSE, passOffsetUs + frameRel, sparsePayload())
                        : emit(PacketType.FRAME_DENSE, passOffsetUs + frameRel, Payloads.dense(counts));
            }
            if (!options.loop()) {
                return null;
            }
            passOffsetUs += durationUs;
            frameIndex = 0;
            markerIndex = 0;
        }
    }

    private byte[] sparsePayload() {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < MatSensor.SPARSE_THRESHOLD_COUNTS) {
                counts[i] = 0;
            }
        }
        return Payloads.sparse(counts);
    }

    private Packet emit(PacketType type, long elapsedUs, byte[] payload) {
        lastElapsedUs = elapsedUs;
        Packet p = new Packet(type, nextSeq, Math.floorMod(options.clockStartUs() + elapsedUs, TIME_MOD), payload);
        nextSeq = (nextSeq + 1) & 0xFFFF;
        return p;
    }

    private long frameTimeUs(long k) {
        return (long) Math.floor(k * 1_000_000.0 / options.rateHz() + 1e-6);
    }

    private static long toUs(double seconds) {
        return Math.round(seconds * 1e6);
    }

    private static FrameModel newModel(Scenario scenario, SimOptions options) {
        return scenario.glove() ? new GloveModel(scenario.script(), options) : new MatModel(scenario.script(), options);
    }

    private List<TruthEvent> computeTruth(FrameModel truthModel) {
        TruthTracker tracker = new TruthTracker(options.clockStartUs());
        int n = BackGeometry.REGIONS.size();
        double[] peak = new double[n];
        String[] note = new String[n];
        for (long k = 0; k < frameCount; k++) {
            long rel = frameTimeUs(k);
            truthModel.regionPeaks(rel / 1e6, peak, note);
            tracker.frame(rel, peak, note);
        }
        for (Script.ScriptMarker m : scenario.script().markers()) {
            tracker.marker(Math.min(toUs(m.t()), durationUs), m.region(), m.note());
        }
        return tracker.finish(durationUs);
    }

    /** The model behind the frames (tests inspect the true pressure field). */
    FrameModel model() {
        return model;
    }
}
