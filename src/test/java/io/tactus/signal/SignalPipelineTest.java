package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.calibration.TareState;
import io.tactus.signal.flags.CeilingOffer;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagListener;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import io.tactus.signal.metrics.SessionMetrics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignalPipelineTest {

    @Test
    void calibratesCountsToKpaAndForce() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor(), SignalSettings.defaults().withFilterAlpha(1));
        TestMat m = new TestMat();
        m.field[2 * 32 + 3] = TestMat.counts(50); // row 2 (y 47 mm), column 3: left shoulder
        p.process(m.next());
        FrameSnapshot s = p.snapshot();
        assertEquals(50, s.kpa()[2 * 32 + 3], 0.5);
        // one cell of 12.5 x 18.75 mm at 50 kPa: 50 * 234.375 / 1000 = 11.7 N
        assertEquals(50 * 12.5 * 18.75 / 1000, s.totalForceN(), 0.15);
        assertEquals(12.5 * 18.75 / 100, s.contactAreaCm2(), 1e-9);
        assertEquals((3 + 0.5) * 12.5, s.copXmm(), 1e-6);
        assertEquals(BodyRegion.SHOULDER_L, s.regions()[BodyRegion.SHOULDER_L.ordinal()].region());
        assertEquals(50, s.region(BodyRegion.SHOULDER_L).peakKpa(), 0.5);
    }

    @Test
    void linearAndTableFactoryCalibrations() {
        DeviceDescriptor lin = new DeviceDescriptor(1, "l", "L", "1", "grid", 2, 2, new double[] {10, 10}, 12, 100,
                null, DeviceDescriptor.CalibrationSpec.linear(0.5, 100));
        SignalPipeline p = new SignalPipeline(lin, SignalSettings.defaults().withFilterAlpha(1));
        p.process(new RawFrame(0, 0, 0, new int[] {100, 120, 300, 90}));
        float[] k = p.snapshot().kpa();
        assertEquals(0, k[0], 1e-6);
        assertEquals(10, k[1], 1e-4);
        assertEquals(100, k[2], 1e-4);
        assertEquals(0, k[3], 1e-6);
        DeviceDescriptor tab = new DeviceDescriptor(1, "t", "T", "1", "grid", 1, 3, new double[] {10, 10}, 12, 100,
                null, DeviceDescriptor.CalibrationSpec.table(new double[][] {{50, 0}, {150, 20}, {250, 100}}));
        SignalPipeline q = new SignalPipeline(tab, SignalSettings.defaults().withFilterAlpha(1));
        q.process(new RawFrame(0, 0, 0, new int[] {100, 200, 250}));
        float[] t = q.snapshot().kpa();
        assertEquals(10, t[0], 1e-4);
        assertEquals(60, t[1], 1e-4);
        assertEquals(100, t[2], 1e-4);
        assertEquals("factory", q.calibrationState().source());
    }

    @Test
    void spineTouchIsOneEventStartingAtTheFirstCrossingFrame() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        List<FlagEvent> started = new ArrayList<>();
        List<Long> confirmedAt = new ArrayList<>();
        TestMat m = new TestMat();
        p.addListener(new FlagListener() {
            @Override
            public void onFlagStart(FlagEvent e) {
                started.add(e);
                confirmedAt.add(m.timeUs() - 10_000);
            }

            @Override
            public void onFlagEnd(FlagEvent e) {
            }
        });
        for (int i = 0; i < 10; i++) {
            p.process(m.next());
        }
        long touchStart = m.timeUs();
        for (int i = 0; i < 40; i++) {
            m.clear();
            // flicker: every 7th frame the thumb almost lifts; one touch must stay one event
            m.dome(0, 200, 25, i % 7 == 3 ? 2 : 40);
            p.process(m.next());
        }
        m.clear();
        for (int i = 0; i < 30; i++) {
            p.process(m.next());
        }
        p.finish(m.timeUs());
        List<FlagEvent> spine = p.events().stream().filter(e -> e.type() == FlagType.SPINE_CONTACT).toList();
        assertEquals(1, spine.size(), "one touch, one event: " + p.events());
        FlagEvent e = spine.get(0);
        assertEquals(touchStart, e.startUs(), "start = first crossing frame (filter alpha 0.5 crosses 5 kPa at once)");
        assertEquals(BodyRegion.SPINE, e.region());
        assertFalse(e.isOpen());
        assertTrue(e.peakKpa() > 30, "peak " + e.peakKpa());
        // confirmed after the 30 ms debounce, in the frame that completed it
        assertEquals(touchStart + 30_000, confirmedAt.get(0));
        assertTrue(p.metrics().flag(FlagType.SPINE_CONTACT).count() == 1);
    }

    @Test
    void briefBlipShorterThanDebounceIsNotAFlag() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor(), SignalSettings.defaults().withFilterAlpha(1));
        TestMat m = new TestMat();
        p.process(m.next());
        m.dome(0, 200, 25, 40);
        p.process(m.next());
        m.clear();
        for (int i = 0; i < 20; i++) {
            p.process(m.next());
        }
        assertTrue(p.events().isEmpty(), p.events().toString());
    }

    @Test
    void handsThreeCentimetresLateralNeverTouchTheSpineBand() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        for (int i = 0; i < 300; i++) {
            m.clear();
            double y = 440 - i; // effleurage up both sides, hands' inner edges 30 mm from the midline
            m.dome(-90, y, 60, 40);
            m.dome(90, y, 60, 40);
            p.process(m.next());
        }
        p.finish(m.timeUs());
        assertTrue(p.events().stream().noneMatch(e -> e.type() == FlagType.SPINE_CONTACT), p.events().toString());
        assertTrue(p.metrics().movement().strokesUp() >= 1, p.metrics().movement().toString());
    }

    @Test
    void excessPressureOnShoulderUsesTheLowerShoulderCeiling() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        for (int i = 0; i < 50; i++) {
            m.clear();
            m.dome(110, 40, 30, i < 20 ? 60 : 120);
            p.process(m.next());
        }
        p.finish(m.timeUs());
        List<FlagEvent> ex = p.events().stream().filter(e -> e.type() == FlagType.EXCESS_PRESSURE).toList();
        assertEquals(1, ex.size(), p.events().toString());
        assertEquals(BodyRegion.SHOULDER_R, ex.get(0).region());
        assertTrue(ex.get(0).detail().contains("88"), ex.get(0).detail());
        // 60 kPa lumbar is fine in Gentle (hard max 150)
        SignalPipeline q = new SignalPipeline(TestMat.descriptor());
        for (int i = 0; i < 50; i++) {
            m.clear();
            m.dome(-100, 380, 30, 120);
            q.process(m.next());
        }
        assertTrue(q.events().isEmpty(), q.events().toString());
    }

    @Test
    void tareFindsDeadCellsFillsThemAndSetsBaseline() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor(), SignalSettings.defaults().withFilterAlpha(1));
        TestMat m = new TestMat();
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(1);
        p.startTare(1.0);
        assertEquals(TareState.Status.CAPTURING, p.tareState().status());
        int deadCell = 10 * 32 + 25;
        int stuck = 12 * 32 + 25;
        for (int f = 0; f < 100; f++) {
            for (int i = 0; i < m.field.length; i++) {
                m.field[i] = 60 + (i % 5) + (int) Math.round(rnd.nextGaussian() * 2);
            }
            m.field[deadCell] = 0;
            m.field[stuck] = 4095;
            p.process(m.next());
        }
        TareState st = p.tareState();
        assertEquals(TareState.Status.DONE, st.status());
        assertEquals(2, p.deadCells().size(), p.deadCells().toString());
        assertEquals("reads 0", p.deadCells().get(0).reason());
        assertEquals("saturated", p.deadCells().get(1).reason());
        assertTrue(st.result().ok(), st.result().warnings().toString());
        // after the tare: idle mat reads 0 everywhere; a press around the dead cell is filled from neighbours
        for (int i = 0; i < m.field.length; i++) {
            m.field[i] = 60 + (i % 5);
        }
        m.field[deadCell] = 0;
        m.field[stuck] = 4095;
        p.process(m.next());
        assertEquals(0, p.snapshot().peakKpa(), 1e-9);
        for (int i = 0; i < m.field.length; i++) {
            int r = i / 32;
            int c = i % 32;
            if (Math.abs(r - 10) <= 1 && Math.abs(c - 25) <= 1 && i != deadCell) {
                m.field[i] = 60 + (i % 5) + (int) Math.round(Math.pow(30 / TestMat.A, 1 / TestMat.B));
            }
        }
        p.process(m.next());
        assertEquals(30, p.snapshot().kpa()[deadCell], 0.5);
        assertTrue(p.calibrationState().tared());
    }

    @Test
    void touchedTareWarns() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        m.dome(-100, 300, 40, 50);
        p.startTare(0.2);
        for (int i = 0; i < 25; i++) {
            p.process(m.next());
        }
        assertFalse(p.tareState().result().ok());
    }

    @Test
    void driftIsTrackedWhileIdleAndWarned() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor(),
                SignalSettings.defaults().withDriftTimeConstant(1.0));
        TestMat m = new TestMat();
        for (int i = 0; i < 20; i++) {
            p.process(m.next());
        }
        assertFalse(p.driftStatus().warning());
        // the whole mat creeps up by 120 counts (~5 kPa): re-zeroed while idle, warned as drift
        for (int i = 0; i < m.field.length; i++) {
            m.field[i] += 30;
        }
        for (int k = 0; k < 4; k++) {
            for (int i = 0; i < m.field.length; i++) {
                m.field[i] += 30;
            }
            for (int i = 0; i < 300; i++) {
                p.process(m.next());
            }
        }
        assertTrue(p.driftStatus().warning(), p.driftStatus().toString());
        assertEquals(0, p.snapshot().peakKpa(), 0.01, "re-zeroed");
    }

    @Test
    void markerTooMuchOffersACeiling() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        m.dome(100, 40, 30, 70);
        for (int i = 0; i < 10; i++) {
            p.process(m.next());
        }
        p.onMarker(m.timeUs(), new Payloads.Marker(Payloads.Marker.TOO_MUCH, "ouch"));
        FlagEvent e = p.events().get(0);
        assertEquals(FlagType.MARKER, e.type());
        assertEquals(BodyRegion.SHOULDER_R, e.region());
        assertEquals("too_much: ouch", e.detail());
        CeilingOffer o = p.ceilingOffers().get(0);
        assertEquals(BodyRegion.SHOULDER_R, o.region());
        assertEquals(p.snapshot().region(BodyRegion.SHOULDER_R).peakKpa(), o.kpa(), 1e-9);
        assertTrue(o.kpa() > 55);
        // accepted: the same pressure now raises excess_pressure for this receiver
        PersonalLimits lim = PersonalLimits.none("rcv-7").accept(o);
        SignalPipeline q = new SignalPipeline(TestMat.descriptor(), SignalSettings.defaults().withPersonalLimits(lim));
        for (int i = 0; i < 20; i++) {
            m.clear();
            m.dome(100, 40, 30, i < 5 ? 30 : 75);
            q.process(m.next());
        }
        assertEquals(1, q.events().size(), q.events().toString());
        assertTrue(q.events().get(0).detail().startsWith("above personal ceiling"));
        assertEquals(o.kpa(), q.band(BodyRegion.SHOULDER_R).hardMax(), 1e-9);
    }

    @Test
    void sameInputGivesByteIdenticalEventsAndMetrics() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String a = run(json);
        String b = run(json);
        assertEquals(a, b);
        assertTrue(a.contains("spine_contact"));
    }

    private static String run(ObjectMapper json) throws Exception {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        for (int i = 0; i < 400; i++) {
            m.clear();
            double a = i * 0.05;
            m.dome(-80 + 40 * Math.cos(a), 350 + 40 * Math.sin(a), 40, 35);
            if (i > 200 && i < 240) {
                m.dome(0, 150, 20, 30);
            }
            p.process(m.next());
            if (i == 300) {
                p.onMarker(m.timeUs(), new Payloads.Marker(2, ""));
            }
        }
        p.finish(m.timeUs());
        return json.writeValueAsString(p.events()) + json.writeValueAsString(p.metrics());
    }

    @Test
    void metricsCountTimeInBandsAndCircles() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        for (int i = 0; i < 600; i++) {
            m.clear();
            double a = 2 * Math.PI * i / 200; // clockwise on screen: x = cos, y = sin with y pointing down
            m.dome(-100 + 40 * Math.cos(a), 380 + 40 * Math.sin(a), 40, 30);
            p.process(m.next());
        }
        p.finish(m.timeUs());
        SessionMetrics s = p.metrics();
        assertTrue(s.movement().circlesClockwise() >= 2, s.movement().toString());
        assertEquals(0, s.movement().circlesCounterClockwise());
        SessionMetrics.RegionMetrics lumbar = s.region(BodyRegion.LUMBAR_L);
        assertTrue(lumbar.timeWithinS() > 4, lumbar.toString());
        assertEquals(1.0, s.leftForceShare(), 1e-9);
        assertEquals("lumbar_l", s.firstContactRegion());
        assertEquals(600, s.frames());
        assertEquals(32 * 32, s.coverageKpaS().length);
    }

    @Test
    void traceTheSpineRepositionsTheMap() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        p.startSpineTrace();
        for (int i = 0; i < 200; i++) {
            m.clear();
            double y = 500 - 2 * i;
            // the real spine is 30 mm to the receiver's right of the mat centre and leans slightly
            m.dome(30 + 0.05 * y, y, 15, 20);
            p.process(m.next());
        }
        Registration r = p.finishSpineTrace(1);
        assertEquals("traced", r.source());
        assertEquals(200 + 30, r.midlineX(0), 3);
        assertEquals(0.05, r.midline()[1], 0.01);
        BodyRegion[] cells = p.cellRegions();
        int col = (int) ((200 + 30 + 0.05 * 300) / 12.5);
        assertEquals(BodyRegion.SPINE, cells[16 * 32 + col]);
        assertFalse(p.regionOutlines().isEmpty());
        SignalPipeline q = new SignalPipeline(TestMat.descriptor());
        q.startSpineTrace();
        assertThrows(IllegalStateException.class, () -> q.finishSpineTrace(1));
    }

    @Test
    void gloveTaxelsMapThroughPose() {
        List<DeviceDescriptor.Taxel> tx = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tx.add(new DeviceDescriptor.Taxel(i, "right", "palm"));
        }
        DeviceDescriptor g = new DeviceDescriptor(1, "glove", "G", "1", "glove", 1, 4, null, 12, 100, tx,
                DeviceDescriptor.CalibrationSpec.power(TestMat.A, TestMat.B, TestMat.OFFSET));
        SignalPipeline p = new SignalPipeline(g);
        p.process(new RawFrame(0, 0, 0, new int[] {40, 40, 40, 40}));
        assertNull(p.cellRegions()[0]);
        p.onPose(5_000, new Payloads.Pose(200f, 200f)); // on the midline
        for (int i = 1; i < 10; i++) {
            p.process(new RawFrame(i, i * 10_000L, 0, new int[] {TestMat.counts(40), 40, 40, 40}));
        }
        assertEquals(BodyRegion.SPINE, p.cellRegions()[0]);
        assertEquals(1, p.events().size());
        assertEquals(FlagType.SPINE_CONTACT, p.events().get(0).type());
        assertEquals(200, p.snapshot().copXmm(), 1e-6);
    }

    @Test
    void wrongSizedFrameIsIgnoredNotThrown() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        p.process(new RawFrame(0, 0, 0, new int[3]));
        assertNull(p.snapshot());
        assertEquals(1, p.badFrames());
    }

    @Test
    void builtInProfilesAndBands() {
        List<Profile> all = Profiles.builtIn();
        assertEquals(List.of("gentle", "swedish", "deep_tissue", "trigger_point"), all.stream().map(Profile::id).toList());
        for (Profile pr : all) {
            for (BodyRegion r : new BodyRegion[] {BodyRegion.SHOULDER_L, BodyRegion.SHOULDER_R}) {
                assertTrue(pr.band(r).hardMax() < pr.band(BodyRegion.LUMBAR_L).hardMax(), pr.id() + ": shoulders lower");
            }
            assertNull(pr.band(BodyRegion.SPINE).hardMax());
        }
        assertEquals(5, Profiles.byId("trigger_point").holdTimeS());
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        assertEquals("gentle", p.profile().id());
        assertEquals(88, p.band(BodyRegion.SHOULDER_L).hardMax());
        assertEquals(10, p.filterDelayMs(), 1e-9);
        assertNotNull(p.calibrationState().description());
    }

    @Test
    void deadCellUnderTheHandIsFoundDuringUseWithoutATare() {
        SignalPipeline p = new SignalPipeline(TestMat.descriptor(), SignalSettings.defaults().withFilterAlpha(1));
        TestMat m = new TestMat();
        int deadCell = 20 * 32 + 8;
        for (int i = 0; i < 30; i++) {
            m.clear();
            m.dome(TestMat.bodyX(8), TestMat.bodyY(20), 60, 40);
            m.field[deadCell] = 0;
            p.process(m.next());
        }
        assertEquals(1, p.deadCells().size(), p.deadCells().toString());
        assertEquals("reads 0 under load", p.deadCells().get(0).reason());
        assertTrue(p.snapshot().kpa()[deadCell] > 30, "filled from its neighbours");
        // an idle zero-suppressed mat (every unloaded cell 0) finds nothing
        SignalPipeline q = new SignalPipeline(TestMat.descriptor());
        for (int i = 0; i < 30; i++) {
            q.process(new RawFrame(i, i * 10_000L, 0, new int[32 * 32]));
        }
        assertTrue(q.deadCells().isEmpty());
    }
}
