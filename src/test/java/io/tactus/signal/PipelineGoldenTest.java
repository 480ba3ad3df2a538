package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Json;
import io.tactus.protocol.Payloads;
import io.tactus.signal.calibration.CalibrationFitter;
import io.tactus.signal.calibration.DeadCell;
import io.tactus.signal.calibration.DriftStatus;
import io.tactus.signal.calibration.LoadPoint;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.flags.Profiles;
import io.tactus.signal.metrics.RegionValue;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden digests of the signal core's numbers: every frame's cells, figures and region values bit for bit,
 * the drift status, and at the end the events, metrics (with the coverage map), dead cells and calibration
 * state, hashed with SHA-256 over deterministic scenes generated here (so no simulator or sample file change
 * can move them). The digests were produced by the code before the speed work of issue 9 (main at 93fb8e7):
 * the optimised loops must give the same bits. A digest that changes is a change of the pipeline's results:
 * update it only for an intended behaviour change, and say why in docs/DECISIONS.md.
 *
 * <p>Scenes: a dense 32 x 32 mat with a tare, hands, a thumb on the spine, idle stretches (drift), a profile
 * switch, a marker and personal limits; a dense mat with a cell dead at the tare and one that breaks during use
 * (reads 0 under load); a zero-suppressed (sparse) stream without tare; a 64 x 64 mat with non-square pitch and a
 * user calibration applied mid-stream; a 4-taxel glove with poses.
 */
class PipelineGoldenTest {

    private static final Map<String, String> GOLDEN = Map.of(
            "dense", "3e45a7f8f794691827aaa8ea44a0016958d12d7daa24798dd3ac9716d1c35efc",
            "dead-cells", "30f4f65959fb6844d00370b239af55754c22dcd799c816697f6538c43248af47",
            "sparse", "8340aa5bf0488d68a8fc94761a2c16dd1ae77a9b2bf2d97f041eaf4ea230d298",
            "mat64-user-curve", "847e1d8a78ae615ccef23d2686936ad9e5c4fc7582f06bc999ca7df11ded31b6",
            "glove", "de4a7c650518a5c2d4a7cfa7f0a90b633482c5ee204056d79c31eccffdf65a21");

    @ParameterizedTest
    @ValueSource(strings = {"dense", "dead-cells", "sparse", "mat64-user-curve", "glove"})
    void pipelineNumbersAreBitIdenticalToTheGoldenRun(String scene) throws Exception {
        SignalPipeline p = pipeline(scene);
        assertEquals(GOLDEN.get(scene), run(p, scene), scene + ": the pipeline's results changed");
        // the scene exercises what it is meant to (else a digest would pin little)
        assertTrue(p.events().stream().anyMatch(e -> e.type() == FlagType.SPINE_CONTACT), scene + ": spine flags");
        assertTrue(p.events().stream().anyMatch(e -> e.type() == FlagType.MARKER), scene + ": a marker");
        assertEquals(!scene.equals("sparse"), p.calibrationState().tared(), scene + ": tared");
        assertEquals(!scene.equals("glove"), p.driftStatus().idleFrames() > 100, scene + ": drift tracked");
        assertEquals(scene.equals("dead-cells") ? List.of("reads 0", "reads 0 under load") : List.of(),
                p.deadCells().stream().map(DeadCell::reason).toList(), scene + ": dead cells");
        assertEquals(scene.equals("mat64-user-curve") ? "user" : "factory", p.calibrationState().source());
    }

    private static SignalPipeline pipeline(String scene) {
        boolean glove = scene.equals("glove");
        int size = scene.equals("mat64-user-curve") ? 64 : 32;
        DeviceDescriptor d = glove ? gloveDescriptor() : new DeviceDescriptor(1, "golden", "G-1", "1", "grid", size,
                size, new double[] {400.0 / size, 600.0 / size}, 12, 100, null,
                DeviceDescriptor.CalibrationSpec.power(0.0123, 1.25, 40));
        return new SignalPipeline(d, SignalSettings.defaults().withTechnique(false));
    }

    private static String run(SignalPipeline p, String scene) throws Exception {
        DeviceDescriptor d = p.descriptor();
        boolean glove = d.isGlove();
        int size = d.cols();
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        ByteBuffer buf = ByteBuffer.allocate(64);
        SplittableRandom rnd = new SplittableRandom(scene.hashCode());
        int n = d.cellCount();
        boolean sparse = scene.equals("sparse");
        if (!sparse) {
            p.startTare(0.5);
        }
        for (int f = 0; f < 3000; f++) {
            long t = 1_000_000L + f * 10_000L + (f % 7 == 3 ? 1_500 : 0); // a little clock jitter
            int[] counts = new int[n];
            if (glove) {
                gloveFrame(f, counts, rnd);
                if (f % 40 == 0) {
                    p.onPose(t, new Payloads.Pose(150f + (f % 400) * 0.25f, 120f + (f % 900) * 0.4f));
                }
            } else {
                matFrame(scene, f, size, counts, rnd, sparse);
            }
            p.process(new RawFrame(f, t, 0, counts));
            command(p, scene, f, t);
            FrameSnapshot s = p.snapshot();
            update(md, buf, s);
            DriftStatus ds = p.driftStatus();
            md.update(buf.clear().putDouble(ds.meanDriftKpa()).putDouble(ds.maxDriftKpa()).putLong(ds.idleFrames())
                    .flip());
        }
        p.finish(1_000_000L + 3000 * 10_000L);
        md.update(Json.bytes(p.events()));
        md.update(Json.bytes(p.metrics()));
        md.update(Json.bytes(p.deadCells()));
        md.update(Json.bytes(p.calibrationState()));
        return HexFormat.of().formatHex(md.digest());
    }

    private static void update(MessageDigest md, ByteBuffer buf, FrameSnapshot s) {
        for (float v : s.kpa()) {
            md.update(buf.clear().putInt(Float.floatToRawIntBits(v)).flip());
        }
        md.update(buf.clear().putDouble(s.totalForceN()).putDouble(s.contactAreaCm2()).putDouble(s.peakKpa())
                .putDouble(s.copXmm()).putDouble(s.copYmm()).putInt(s.activeFlags().size()).flip());
        for (RegionValue r : s.regions()) {
            md.update(buf.clear().putDouble(r.meanKpa()).putDouble(r.peakKpa()).putDouble(r.forceN())
                    .putInt(r.loadedCells()).flip());
        }
    }

    /** Settings and commands part-way, as a user would give them. */
    private static void command(SignalPipeline p, String scene, int f, long t) {
        if (f == 900) {
            p.applySettings(p.settings().withProfile(Profiles.byId("deep_tissue")));
        } else if (f == 1400) {
            p.onMarker(t, new Payloads.Marker(Payloads.Marker.TOO_MUCH, "ouch"));
        } else if (f == 1600) {
            p.setPersonalLimits(new PersonalLimits("r", Map.of("shoulder_l", 30.0, "shoulder_r", 30.0)));
        } else if (f == 2000 && scene.equals("mat64-user-curve")) {
            List<LoadPoint> loads = List.of(new LoadPoint(100, 5), new LoadPoint(400, 22), new LoadPoint(900, 61),
                    new LoadPoint(1600, 120));
            p.applyUserCalibration(CalibrationFitter.fit("G-1", loads, CalibrationFitter.Model.POLYNOMIAL, 2));
        } else if (f == 2500) {
            p.applySettings(p.settings().withFilterAlpha(0.7).withNoiseFloor(0.5, 3));
        }
    }

    private static void matFrame(String scene, int f, int size, int[] counts, SplittableRandom rnd, boolean sparse) {
        double px = 400.0 / size;
        double py = 600.0 / size;
        double t = f / 100.0;
        boolean idle = f < 60 || f % 500 > 430; // the tare's first 0.5 s, then idle stretches: drift tracking
        boolean spine = f % 600 > 200 && f % 600 < 260;
        for (int r = 0, i = 0; r < size; r++) {
            double y = (r + 0.5) * py;
            for (int c = 0; c < size; c++, i++) {
                double x = (c + 0.5) * px - 200;
                double kpa = 0;
                if (!idle) {
                    kpa += dome(x, y, -95 + 20 * Math.cos(t), 330 - 60 * Math.sin(t / 2), 55, 35 + 25 * Math.sin(t));
                    kpa += dome(x, y, 95 + 20 * Math.cos(t), 150 + 40 * Math.sin(t / 3), 50, 45);
                    if (spine) {
                        kpa += dome(x, y, 0, 220, 16, 60);
                    }
                }
                double drift = f / 300.0; // counts of slow creep
                double v = 40 + drift + (kpa > 0 ? Math.pow(kpa / 0.0123, 0.8) : 0) + rnd.nextGaussian() * 2;
                int k = (int) Math.max(0, Math.min(4095, Math.round(v)));
                counts[i] = sparse && kpa <= 0 ? 0 : k;
            }
        }
        if (scene.equals("dead-cells")) {
            counts[5 * size + 7] = 0; // dead from the start: the tare finds it
            if (f > 1000) {
                counts[(int) (330 / py) * size + (int) ((-95 + 200) / px)] = 0; // breaks under the left hand
            }
        }
    }

    private static void gloveFrame(int f, int[] counts, SplittableRandom rnd) {
        for (int i = 0; i < counts.length; i++) {
            double kpa = f % 300 < 150 ? 0 : 20 + 30 * Math.sin(f / 17.0 + i);
            counts[i] = (int) Math.round(40 + (kpa > 0 ? Math.pow(kpa / 0.0123, 0.8) : 0) + rnd.nextGaussian());
        }
    }

    private static double dome(double x, double y, double cx, double cy, double r, double peak) {
        double rho2 = ((x - cx) * (x - cx) + (y - cy) * (y - cy)) / (r * r);
        return rho2 < 1 ? peak * (1 - rho2) : 0;
    }

    private static DeviceDescriptor gloveDescriptor() {
        List<DeviceDescriptor.Taxel> tx = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tx.add(new DeviceDescriptor.Taxel(i, "right", "palm"));
        }
        return new DeviceDescriptor(1, "glove", "GL-1", "1", "glove", 1, 4, null, 12, 100, tx,
                DeviceDescriptor.CalibrationSpec.power(0.0123, 1.25, 40));
    }
}
