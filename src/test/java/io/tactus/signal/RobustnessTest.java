package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.calibration.CalibrationCurve;
import io.tactus.signal.calibration.LoadPoint;
import io.tactus.signal.calibration.TareResult;
import io.tactus.signal.calibration.UserCalibration;
import io.tactus.signal.flags.Band;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad or extreme input: clear one-line errors or sane values, never an exception from the hot path. */
class RobustnessTest {

    @Test
    void countsAboveTheAdcRangeAreClampedNotThrown() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        int[] c = new int[32 * 32];
        java.util.Arrays.fill(c, 65_535);
        p.process(new RawFrame(0, 0, 0, c));
        // clamped at the top of the ADC range (d = 4096 counts), not extrapolated to 65,535
        double top = TestMat.A * Math.pow(4096, TestMat.B);
        assertEquals(top, p.snapshot().peakKpa(), top * 0.001);
        assertTrue(Double.isFinite(p.snapshot().totalForceN()));
    }

    @Test
    void tinyGridSixteenBitAndNoCalibration() {
        DeviceDescriptor d = new DeviceDescriptor(1, "one", "1", "1", "grid", 1, 1, new double[] {10, 10}, 16, 1000,
                null, null);
        SignalPipeline p = new SignalPipeline(d);
        assertEquals("uncalibrated", p.calibrationState().source());
        p.process(new RawFrame(0, 0, 0, new int[] {500}));
        assertEquals(500, p.snapshot().peakKpa(), 1e-3);
        p.finish(0);
        assertEquals(1, p.metrics().frames());
    }

    @Test
    void nanPoseAndMarkersBeforeAnyFrame() {
        List<DeviceDescriptor.Taxel> tx = List.of(new DeviceDescriptor.Taxel(0, "right", "thumb_tip"));
        DeviceDescriptor g = new DeviceDescriptor(1, "g", "G", "1", "glove", 1, 1, null, 12, 100, tx,
                DeviceDescriptor.CalibrationSpec.power(TestMat.A, TestMat.B, TestMat.OFFSET));
        SignalPipeline p = new SignalPipeline(g);
        p.onMarker(0, new Payloads.Marker(1, null));
        assertNull(p.events().get(0).region());
        assertTrue(p.ceilingOffers().isEmpty(), "no region under the hands: nothing to offer");
        p.onPose(1, new Payloads.Pose(Float.NaN, Float.NaN));
        p.process(new RawFrame(0, 10, 0, new int[] {TestMat.counts(300)}));
        assertNull(p.cellRegions()[0]);
        assertEquals(1, p.events().size(), "no region, no flag");
    }

    @Test
    void badProfileFilesGiveOneLineErrors(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("p.json");
        Files.writeString(f, "{\"id\": \"x\", \"spine_contact_kpa\": -1, \"bone_contact_kpa\": 5, \"hold_time_s\": 5}");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profiles.load(f));
        assertTrue(e.getMessage().contains("spine_contact_kpa") && !e.getMessage().contains("\n"), e.getMessage());
        Files.writeString(f, "{\"id\": \"x\", \"spine_contact_kpa\": 5, \"bone_contact_kpa\": 5, \"hold_time_s\": 5,"
                + " \"bands\": {\"lumbar_l\": {\"target_min\": 50, \"target_max\": 20, \"hard_max\": 100}}}");
        e = assertThrows(IllegalArgumentException.class, () -> Profiles.load(f));
        assertTrue(e.getMessage().contains("target_min"), e.getMessage());
        Files.writeString(f, "not json at all");
        assertThrows(IllegalArgumentException.class, () -> Profiles.load(f));
        assertThrows(IllegalArgumentException.class, () -> Profiles.byId("shiatsu"));
        // an edited profile round-trips
        Profile edited = Profiles.defaultProfile().withBand(BodyRegion.LUMBAR_L, new Band(5, 30, 90.0));
        Profiles.save(f, List.of(edited));
        assertEquals(90.0, Profiles.load(f).get(0).band(BodyRegion.LUMBAR_L).hardMax());
    }

    @Test
    void badSettingsAreRejectedUpFront() {
        SignalSettings s = SignalSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> s.withFilterAlpha(0));
        assertThrows(IllegalArgumentException.class, () -> s.withSpineHalfWidth(-3));
        assertThrows(IllegalArgumentException.class, () -> new Registration(new double[] {Double.NaN}, 0, null, 0));
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        assertThrows(IllegalArgumentException.class, () -> p.startTare(0));
        assertThrows(IllegalArgumentException.class, () -> p.applyTare(new TareResult(1, new float[3], new float[3],
                1, List.of(), false, List.of())));
        assertThrows(IllegalArgumentException.class, () -> LoadPoint.ofMass(-1, 10, 5));
    }

    @Test
    void profileSwitchMidStreamAppliesFromTheNextFrame() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        m.dome(100, 40, 30, 120); // right shoulder, above Gentle's 88
        for (int i = 0; i < 10; i++) {
            p.process(m.next());
        }
        assertEquals(1, p.events().size());
        p.applySettings(p.settings().withProfile(Profiles.byId("deep_tissue"))); // shoulder hard max 150
        for (int i = 0; i < 20; i++) {
            p.process(m.next());
        }
        assertFalse(p.events().get(0).isOpen(), "the switch closes the event raised under the old ceiling");
        assertEquals(1, p.events().size(), "and 120 kPa is not excess under the new one");
        assertEquals(150.0, p.band(BodyRegion.SHOULDER_R).hardMax());
    }

    @Test
    void unknownFactoryModelReadsAsUncalibrated() {
        DeviceDescriptor d = new DeviceDescriptor(1, "x", "X", "1", "grid", 2, 2, new double[] {10, 10}, 12, 100,
                null, new DeviceDescriptor.CalibrationSpec("cubic-magic", null, null, null, null, null));
        SignalPipeline p = new SignalPipeline(d);
        assertTrue(p.calibrationState().source().startsWith("uncalibrated"), p.calibrationState().source());
        p.process(new RawFrame(0, 0, 0, new int[] {0, 10, 20, 30}));
        assertEquals(30, p.snapshot().peakKpa(), 1e-3);
    }

    @Test
    void userCalibrationBeforeATareKeepsTheFactoryZero() {
        UserCalibration u = new UserCalibration("TEST-1", CalibrationCurve.power(TestMat.A, TestMat.B, 0), 0, 0,
                List.of());
        SignalPipeline p = new SignalPipeline(TestMat.descriptor(), SignalSettings.defaults().withUserCalibration(u)
                .withFilterAlpha(1));
        TestMat m = new TestMat(); // idle cells read the 40-count offset
        m.field[100] = TestMat.counts(50);
        p.process(m.next());
        assertEquals(50, p.snapshot().kpa()[100], 0.5);
        assertEquals(0, p.snapshot().kpa()[101], 1e-9);
    }
}
