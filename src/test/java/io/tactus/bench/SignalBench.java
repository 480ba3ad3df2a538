package io.tactus.bench;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.calibration.CalibrationCurve;
import io.tactus.signal.calibration.CountsLut;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The whole signal pipeline per frame (calibrate, dead-cell fill, filter, noise floor, regions, flags, session
 * metrics, per-contact tracking with movements and a running routine, drift) on one thread, with tracking on and
 * off in the same run (its cost), over a pre-generated stream of noisy frames with two moving hands,
 * optionally a thumb on the spine (flags open and close) and idle stretches (drift tracking runs). Frames are
 * generated in setup, so the measured loop is only {@link SignalPipeline#process}; the pipeline is built once
 * per trial so its construction does not show in the gc profile.
 *
 * <p>Three benchmarks in one run, so they share the machine's load: {@code process} (the pipeline alone, as
 * before), {@code parseProcessSnapshot} (what offline analysis does per frame: decode the dense payload into a
 * reused counts buffer, process, take the snapshot into a reused cell buffer) and {@code fusedLoop}, the
 * reference: the minimal per-cell work the pipeline cannot avoid (zero, calibrate through the same lookup table,
 * filter, noise floor, the per-cell output, force, peak, per-region sums), written as tight as we can.
 *
 * <p>Run: {@code bench/run.sh SignalBench -f 1 -wi 3 -i 5 -prof gc}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
@State(Scope.Thread)
public class SignalBench {

    @Param({"32", "64"})
    public int size;

    /**
     * "hands": two hands moving beside the spine, no flag (a stress case: each hand a 110 mm dome, about twice the
     * area a flat hand loads, both on the mat in every frame but idle stretches); "flags": plus a thumb on the
     * spine every 5 s; "routine": the simulator's 42 s two-hand routine ({@link Scenarios#TWO_HAND_ROUTINE}:
     * strokes, circles and a hold, the hands sometimes doing different things, real hand sizes, lifts between
     * movements), tared like a session, on a {@code size} x {@code size} mat.
     */
    @Param({"hands", "flags", "routine"})
    public String scene;

    /** Per-contact tracking, movements and routine coaching (signal.technique) on or off: the cost of tracking. */
    @Param({"true", "false"})
    public boolean tracking;

    private static final int STREAM = 1000;
    /** The distinct frames the timeline cycles through. */
    private int stream;
    private RawFrame[] frames;
    private static final int TIMELINE = 1 << 20;
    private RawFrame[] timeline;
    private DeviceDescriptor descriptor;
    private SignalPipeline pipeline;
    private int next;
    private byte[][] payloads;
    private int[] countsBuffer;
    private float[] cellsBuffer;
    // the fused reference loop's state
    private CountsLut lut;
    private float[] base;
    private float[] filt;
    private float[] floor;
    private int[] region;
    private io.tactus.signal.body.RegionRuns regionRuns;
    private double[] regionSum;
    private float[] fusedRaw;
    private float[] fusedOut;

    @Setup(Level.Trial)
    public void setup() {
        double px = 400.0 / size;
        double py = 600.0 / size;
        DeviceDescriptor d = new DeviceDescriptor(1, "bench", "BENCH", "1", "grid", size, size, new double[] {px, py},
                12, 100, null, DeviceDescriptor.CalibrationSpec.power(0.0123, 1.25, 40));
        SplittableRandom rnd = new SplittableRandom(42);
        if ("routine".equals(scene)) {
            setupRoutine();
            return;
        }
        stream = STREAM;
        frames = new RawFrame[STREAM];
        for (int f = 0; f < STREAM; f++) {
            int[] counts = new int[size * size];
            double t = f / 100.0;
            boolean idle = f % 250 > 220;
            boolean spine = "flags".equals(scene) && f % 500 > 100 && f % 500 < 140;
            for (int r = 0, i = 0; r < size; r++) {
                double y = (r + 0.5) * py;
                for (int c = 0; c < size; c++, i++) {
                    double x = (c + 0.5) * px - 200;
                    double kpa = 0;
                    if (!idle) {
                        // inner edges >= 30 mm from the midline, clear of the scapulae and the pelvis: no flag
                        kpa += dome(x, y, -100 + 15 * Math.cos(t), 340 - 50 * Math.sin(t / 2), 55, 40);
                        kpa += dome(x, y, 100 + 15 * Math.cos(t), 340 - 50 * Math.sin(t / 2), 55, 40);
                        if (spine) {
                            kpa += dome(x, y, 0, 200, 15, 60);
                        }
                    }
                    double v = 40 + (kpa > 0 ? Math.pow(kpa / 0.0123, 0.8) : 0) + rnd.nextGaussian() * 2;
                    counts[i] = (int) Math.max(0, Math.min(4095, Math.round(v)));
                }
            }
            frames[f] = new RawFrame(f, 0, 0, counts);
        }
        descriptor = d;
        buffers();
    }

    /** Payloads, buffers, the fused loop's state, the pipeline and the timeline over {@link #frames}. */
    private void buffers() {
        payloads = new byte[stream][];
        for (int f = 0; f < stream; f++) {
            payloads[f] = Payloads.dense(frames[f].counts());
        }
        countsBuffer = new int[size * size];
        cellsBuffer = new float[size * size];
        lut = new CountsLut(CalibrationCurve.power(0.0123, 1.25, 40), 12);
        base = new float[size * size];
        java.util.Arrays.fill(base, 40f);
        filt = new float[size * size];
        floor = new float[size * size];
        java.util.Arrays.fill(floor, 1f);
        region = new int[size * size];
        for (int i = 0; i < region.length; i++) {
            region[i] = (i % size) * 14 / size; // 14 column bands, as many groups as body regions
        }
        regionRuns = io.tactus.signal.body.RegionRuns.of(region, size, size);
        regionSum = new double[14];
        fusedRaw = new float[size * size];
        fusedOut = new float[size * size];
        // RawFrame is an immutable record made by the FrameAssembler (its allocation, not the pipeline's): prebuild
        // a long timeline of frames with increasing device time over the distinct count arrays
        pipeline = new SignalPipeline(descriptor, io.tactus.signal.SignalSettings.defaults().withTechnique(tracking));
        if (tracking) {
            pipeline.startRoutine(io.tactus.signal.technique.Routine.defaultRoutine());
        }
        next = 0;
        timeline = new RawFrame[TIMELINE];
        for (int k = 0; k < TIMELINE; k++) {
            timeline[k] = new RawFrame(k, 10_000L * k, 0, frames[k % stream].counts());
        }
    }

    /**
     * The routine scene: the simulator's frames as the device sends them, assembled like a recording's; the
     * pipeline tares on the first 2 s (no touch) and runs the scene once before the measurement, as a session
     * would have.
     */
    private void setupRoutine() {
        ScenarioStream s = ScenarioStream.open(Scenarios.TWO_HAND_ROUTINE, SimOptions.defaults().withGrid(size, size));
        java.util.List<RawFrame> got = new java.util.ArrayList<>();
        FrameAssembler asm = new FrameAssembler(new FrameListener() {
            @Override
            public void onFrame(RawFrame frame) {
                got.add(new RawFrame(frame.index(), frame.deviceTimeUs(), frame.hostNanos(), frame.counts().clone()));
            }
        });
        for (Packet p = s.next(); p != null; p = s.next()) {
            asm.accept(new TimedPacket(p, 0));
        }
        descriptor = s.descriptor();
        frames = got.toArray(new RawFrame[0]);
        stream = frames.length;
        buffers();
        pipeline.startTare(2.0);
        for (int k = 0; k < stream; k++) {
            pipeline.process(timeline[next++]);
        }
    }

    private static double dome(double x, double y, double cx, double cy, double r, double peak) {
        double rho2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r * r);
        return rho2 < 1 ? peak * (1 - rho2) : 0;
    }

    @Benchmark
    public void process(Blackhole bh) {
        if (next == timeline.length) {
            // the timeline wraps every 2^20 frames: device time steps back once, which the pipeline treats as
            // a zero-length frame interval (no allocation, no reset)
            next = 0;
        }
        pipeline.process(timeline[next++]);
        bh.consume(pipeline);
    }

    /** One frame, outside JMH (TrackingCostMain); returns something to keep the work alive. */
    long processOnce() {
        if (next == timeline.length) {
            next = 0;
        }
        pipeline.process(timeline[next++]);
        return pipeline.contactsSeen();
    }

    /** Tells {@code l} about the movements the pipeline finishes (TrackingCostMain counts them). */
    void addTechniqueListener(io.tactus.signal.technique.TechniqueListener l) {
        pipeline.addTechniqueListener(l);
    }

    /** Decode, process, snapshot: the per-frame work of {@code tactus analyze}, with its reused buffers. */
    @Benchmark
    public void parseProcessSnapshot(Blackhole bh) {
        if (next == timeline.length) {
            next = 0;
        }
        int k = next++;
        Payloads.decodeFrame(PacketType.FRAME_DENSE, payloads[k % stream], countsBuffer);
        pipeline.process(new RawFrame(k, 10_000L * k, 0, countsBuffer));
        bh.consume(pipeline.snapshotInto(cellsBuffer));
    }

    /**
     * The reference: only the per-cell arithmetic no pipeline can avoid, written as tight as we can: counts minus
     * the zero-load baseline through the same lookup table ({@link CountsLut#kpa(int, float)}), the exponential
     * filter, the noise floor, the per-cell output (the pressure image every consumer reads), total force, peak
     * and per-region sums. The filter is a loop of its own (the JIT vectorises it); region sums are kept in a
     * local along precomputed runs of one region (no scatter into an array per cell); cells below the floor add
     * nothing. No dead-cell watch, centre of pressure, area, coverage, region peaks or means, drift, flags or
     * session figures: those are the pipeline's extra work.
     */
    @Benchmark
    public void fusedLoop(Blackhole bh) {
        if (next == timeline.length) {
            next = 0;
        }
        int[] counts = timeline[next++].counts();
        final float[] b = base;
        final float[] f = filt;
        final float[] fl = floor;
        final float[] raw = fusedRaw;
        final float[] out = fusedOut;
        final CountsLut l = lut;
        final int n = counts.length;
        for (int i = 0; i < n; i++) {
            raw[i] = l.kpa(counts[i], b[i]);
        }
        for (int i = 0; i < n; i++) {
            f[i] = f[i] + 0.5f * (raw[i] - f[i]);
        }
        final int[] runEnd = regionRuns.runEnd();
        final int[] runRegion = regionRuns.runRegion();
        final double[] rs = regionSum;
        java.util.Arrays.fill(rs, 0);
        double force = 0;
        float peak = 0;
        for (int run = 0, i = 0; run < runEnd.length; run++) {
            double sum = 0;
            for (int e = runEnd[run]; i < e; i++) {
                float v = f[i];
                if (v < fl[i]) {
                    out[i] = 0f;
                    continue;
                }
                out[i] = v;
                sum += v;
                if (v > peak) {
                    peak = v;
                }
            }
            rs[runRegion[run]] += sum;
            force += sum;
        }
        bh.consume(force);
        bh.consume(peak);
        bh.consume(rs);
        bh.consume(out);
    }
}
