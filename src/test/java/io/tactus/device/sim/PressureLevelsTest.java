package io.tactus.device.sim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The promise docs/SIMULATOR.md makes to the signal profiles: clean technique and scripted mistakes are
 * separated by a wide gap in the true cell pressure, so any threshold inside the gap finds exactly the truth.
 */
class PressureLevelsTest {

    /** Frames this close to an event boundary are ramps, where a threshold inside the gap may cross early/late. */
    private static final long EDGE_US = 100_000;
    /** Lowest true peak inside every contact event (away from its edges): contact thresholds up to this see no gap. */
    static final double CONTACT_EVENT_MIN_KPA = 12;
    /** Lowest true peak inside every shoulder excess event. */
    static final double EXCESS_EVENT_MIN_KPA = 180;

    @ParameterizedTest
    @CsvSource({"gentle-routine,32", "spine-contact,32", "shoulder-overpressure,32", "scapula-contact,32",
        "mistakes,32", "mistakes,64", "gentle-routine,64"})
    void cleanWorkAndMistakesAreFarApart(String name, int grid) {
        ScenarioStream s = ScenarioStream.open(name, SimOptions.defaults().withGrid(grid, grid));
        List<TruthEvent> truth = s.truth();
        FrameModel m = s.model();
        int n = BackGeometry.REGIONS.size();
        double[] peak = new double[n];
        String[] note = new String[n];
        double[] eventMin = new double[truth.size()];
        java.util.Arrays.fill(eventMin, Double.MAX_VALUE);
        double worstCleanShoulder = 0;
        double worstCleanBack = 0;
        for (long k = 0; k < s.frameCount(); k++) {
            long rel = Math.round(k * 1e4);
            long t = SimOptions.DEFAULT_CLOCK_START_US + rel;
            m.regionPeaks(rel / 1e6, peak, note);
            for (int g = 0; g < n; g++) {
                String region = BackGeometry.REGIONS.get(g);
                boolean nearEvent = false;
                for (int e = 0; e < truth.size(); e++) {
                    TruthEvent ev = truth.get(e);
                    if (!ev.region().equals(region) || ev.type().equals("marker")) {
                        continue;
                    }
                    if (t >= ev.startUs() - EDGE_US && t < ev.endUs() + EDGE_US) {
                        nearEvent = true;
                    }
                    if (t >= ev.startUs() + EDGE_US && t < ev.endUs() - EDGE_US) {
                        eventMin[e] = Math.min(eventMin[e], peak[g]);
                    }
                }
                if (nearEvent) {
                    continue;
                }
                if (BackGeometry.isShoulder(region)) {
                    worstCleanShoulder = Math.max(worstCleanShoulder, peak[g]);
                } else if (!BackGeometry.isBone(region) && !region.equals(BackGeometry.SPINE)) {
                    worstCleanBack = Math.max(worstCleanBack, peak[g]);
                } else {
                    assertTrue(peak[g] <= PressureLevels.CONTACT_KPA, region + " " + peak[g] + " outside events");
                }
            }
        }
        assertTrue(worstCleanShoulder <= PressureLevels.CLEAN_MAX_SHOULDER_KPA, "shoulder " + worstCleanShoulder);
        assertTrue(worstCleanBack <= PressureLevels.CLEAN_MAX_BACK_KPA, "back " + worstCleanBack);
        for (int e = 0; e < truth.size(); e++) {
            TruthEvent ev = truth.get(e);
            if (ev.type().equals("marker")) {
                continue;
            }
            double min = ev.type().equals("excess_pressure") ? EXCESS_EVENT_MIN_KPA : CONTACT_EVENT_MIN_KPA;
            assertTrue(eventMin[e] >= min, ev + " dips to " + eventMin[e]);
        }
        System.out.printf("%s %dx%d: clean shoulder <= %.1f, clean back <= %.1f, event minima %s%n", name, grid, grid,
                worstCleanShoulder, worstCleanBack, java.util.Arrays.toString(eventMin));
    }
}
