package io.tactus.device.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The ground truth is where the script says, and the drawn frames agree with it. */
class GroundTruthTest {

    private static final long T0 = SimOptions.DEFAULT_CLOCK_START_US;

    private static long us(double s) {
        return T0 + Math.round(s * 1e6);
    }

    @Test
    void cleanRoutineStaysThreeCentimetresFromTheMidlineAndOffTheBones() {
        ScenarioStream s = ScenarioStream.open("gentle-routine", SimOptions.defaults());
        assertEquals(List.of(), s.truth());
        Script script = s.scenario().script();
        MatModel mat = (MatModel) s.model();
        int[] regions = mat.cellRegions();
        int cols = s.descriptor().cols();
        double maxShoulder = 0;
        double maxBack = 0;
        int frames = 0;
        for (long k = 0; k < s.frameCount(); k++) {
            double t = k / 100.0;
            for (Contact c : script.contactsAt(t)) {
                assertTrue(c.midlineClearance() >= BackGeometry.CLEAN_MIDLINE_CLEARANCE_MM - 1e-9,
                        "contact " + c + " at t=" + t);
            }
            double[] field = mat.truePressure(t);
            for (int i = 0; i < field.length; i++) {
                if (field[i] == 0) {
                    continue;
                }
                // A cell whose area comes within 3 cm of the midline must read exactly zero.
                double x = mat.cellX(i % cols);
                double halfPitch = s.descriptor().pitchXmm() / 2;
                assertTrue(Math.abs(x) - halfPitch >= 0 && Math.abs(x) + halfPitch > 30,
                        "pressure " + field[i] + " near the midline at t=" + t);
                String region = BackGeometry.REGIONS.get(regions[i]);
                assertTrue(!BackGeometry.isBone(region) && !region.equals(BackGeometry.SPINE),
                        region + " loaded at t=" + t);
                if (BackGeometry.isShoulder(region)) {
                    maxShoulder = Math.max(maxShoulder, field[i]);
                } else {
                    maxBack = Math.max(maxBack, field[i]);
                }
            }
            frames++;
        }
        assertEquals(s.frameCount(), frames);
        assertTrue(maxShoulder > PressureLevels.GENTLE_MIN_KPA && maxShoulder <= PressureLevels.CLEAN_MAX_SHOULDER_KPA,
                "shoulders peak at " + maxShoulder);
        assertTrue(maxBack > PressureLevels.FIRM_MIN_KPA / 2 && maxBack <= PressureLevels.CLEAN_MAX_BACK_KPA,
                "back peaks at " + maxBack);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {32, 64})
    void cleanRoutineReadsQuietOnSpineAndBonesDespiteNoiseAndGhosting(int grid) {
        ScenarioStream s = ScenarioStream.open("gentle-routine", SimOptions.defaults().withGrid(grid, grid));
        int[] regions = ((MatModel) s.model()).cellRegions();
        StreamCapture c = StreamCapture.of(s);
        double worst = 0;
        for (RawFrame f : c.frames) {
            for (int i = 0; i < regions.length; i++) {
                String region = BackGeometry.REGIONS.get(regions[i]);
                if (region.equals(BackGeometry.SPINE) || BackGeometry.isBone(region)) {
                    worst = Math.max(worst, SensorModel.kpaOf(f.counts()[i]));
                }
            }
        }
        // Factory calibration without tare: baseline scatter, noise and ghosting stay far below the 5 kPa contact.
        assertTrue(worst < PressureLevels.CONTACT_KPA / 2, "spine/bone cells read up to " + worst + " kPa");
    }

    @Test
    void spineContactEventsAreTheScriptedThumbSlides() {
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults());
        List<TruthEvent> t = s.truth();
        assertEquals(2, t.size(), String.valueOf(t));
        for (TruthEvent e : t) {
            assertEquals("spine_contact", e.type());
            assertEquals("spine", e.region());
            assertTrue(e.note().contains("spine"));
        }
        // Rep 2 of the thumb slides (starts 35.0 s) is placed on the spine with a 50 ms ramp.
        assertWithin(t.get(0).startUs(), us(35.0), us(35.05));
        assertWithin(t.get(0).endUs(), us(37.45), us(37.5) + 10_000);
        // Rep 4 (41.0 s) drifts onto the spine between 45 % and 55 % of its 2.5 s.
        assertWithin(t.get(1).startUs(), us(42.0), us(42.4));
        assertWithin(t.get(1).endUs(), us(43.45), us(43.5) + 10_000);
        assertFramesAgree(s, t, 10);
    }

    @Test
    void shoulderOverpressureEvents() {
        ScenarioStream s = ScenarioStream.open("shoulder-overpressure", SimOptions.defaults());
        List<TruthEvent> t = s.truth();
        assertEquals(List.of("excess_pressure/shoulder_r", "excess_pressure/shoulder_l"),
                t.stream().map(e -> e.type() + "/" + e.region()).toList());
        // Heel presses: surge 1.0-1.06 s into the act, release 3.56-3.62 s (right); the act follows the kneading.
        for (TruthEvent e : t) {
            long duration = e.endUs() - e.startUs();
            assertTrue(duration > 1_900_000 && duration < 2_700_000, "duration " + duration);
        }
        assertWithin(t.get(0).startUs(), us(62.0 + 1.0), us(62.0 + 1.06));
        assertFramesAgree(s, t, PressureLevels.EXCESS_SHOULDER_KPA);
    }

    @Test
    void scapulaContactEvents() {
        ScenarioStream s = ScenarioStream.open("scapula-contact", SimOptions.defaults());
        List<TruthEvent> t = s.truth();
        assertEquals(List.of("bone_contact/scapula_r", "bone_contact/scapula_l"),
                t.stream().map(e -> e.type() + "/" + e.region()).toList());
        // Palm circles placed on the right shoulder blade at 19.0 s (after 4 effleurage reps) for 4 s.
        assertWithin(t.get(0).startUs(), us(19.0), us(19.05));
        assertWithin(t.get(0).endUs(), us(22.95), us(23.0) + 10_000);
        // The thumb slide (23.5-26.0 s) reaches the blade's lower tip part-way up.
        assertWithin(t.get(1).startUs(), us(23.8), us(25.0));
        assertFramesAgree(s, t, 10);
    }

    @Test
    void mistakesContainsEverythingAndTheMarker() {
        ScenarioStream s = ScenarioStream.open("mistakes", SimOptions.defaults());
        List<TruthEvent> t = s.truth();
        assertEquals(2, count(t, e -> e.type().equals("spine_contact")));
        assertEquals(2, count(t, e -> e.type().equals("excess_pressure") && BackGeometry.isShoulder(e.region())));
        assertEquals(3, count(t, e -> e.type().equals("bone_contact")));
        assertEquals(1, count(t, e -> e.type().equals("bone_contact") && e.region().equals("sacrum")));
        assertEquals(1, count(t, e -> e.type().equals("marker")));
        assertEquals(t.size(), 8);
        TruthEvent marker = t.stream().filter(e -> e.type().equals("marker")).findFirst().orElseThrow();
        TruthEvent right = t.stream().filter(e -> e.region().equals("shoulder_r") && e.type().equals("excess_pressure"))
                .findFirst().orElseThrow();
        assertTrue(marker.startUs() > right.startUs() && marker.startUs() < right.endUs(),
                "receiver complains during the overpressure");
        assertEquals("shoulder_r", marker.region());
        StreamCapture c = StreamCapture.of(ScenarioStream.open("mistakes", SimOptions.defaults()));
        assertEquals(1, c.markers.size());
        assertEquals(marker.startUs(), c.markers.get(0)[0]);
        assertEquals(1, c.markers.get(0)[1], "code 1 = too much");
        assertFramesAgree(s, t.stream().filter(e -> !e.type().equals("marker")).toList(), 10);
    }

    /**
     * Reads the frames as a detector would (factory calibration, no tare) and checks each event's region is
     * loaded above {@code minKpa} in the middle of the event, and that the spine band is quiet whenever no
     * spine event is open.
     */
    private static void assertFramesAgree(ScenarioStream s, List<TruthEvent> events, double minKpa) {
        ScenarioStream replay = ScenarioStream.open(s.scenarioName(), s.options());
        StreamCapture c = StreamCapture.of(replay);
        DeviceDescriptor d = replay.descriptor();
        int[] regions = ((MatModel) replay.model()).cellRegions();
        for (TruthEvent e : events) {
            RawFrame f = c.frameAt((e.startUs() + e.endUs()) / 2);
            double peak = regionPeak(f, regions, BackGeometry.regionIndex(e.region()));
            assertTrue(peak > minKpa, e + " reads only " + peak + " kPa mid-event");
        }
        int spine = BackGeometry.regionIndex(BackGeometry.SPINE);
        for (RawFrame f : c.frames) {
            boolean open = events.stream().anyMatch(e -> e.region().equals("spine")
                    && f.deviceTimeUs() >= e.startUs() - 100_000 && f.deviceTimeUs() < e.endUs() + 100_000);
            if (!open) {
                double peak = regionPeak(f, regions, spine);
                assertTrue(peak < PressureLevels.CONTACT_KPA / 2, "spine reads " + peak + " at " + f.deviceTimeUs());
            }
        }
        assertEquals(d.cellCount(), regions.length);
    }

    private static double regionPeak(RawFrame f, int[] regions, int region) {
        double peak = 0;
        for (int i = 0; i < regions.length; i++) {
            if (regions[i] == region) {
                peak = Math.max(peak, SensorModel.kpaOf(f.counts()[i]));
            }
        }
        return peak;
    }

    private static long count(List<TruthEvent> t, Predicate<TruthEvent> p) {
        return t.stream().filter(p).count();
    }

    private static void assertWithin(long v, long lo, long hi) {
        assertTrue(v >= lo && v <= hi, v + " not in [" + lo + ", " + hi + "]");
    }
}
