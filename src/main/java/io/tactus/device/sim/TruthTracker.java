package io.tactus.device.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns per-frame region peaks of the true pressure into ground-truth events. Each region has one condition:
 * spine -> spine_contact and bones -> bone_contact when the peak exceeds {@link PressureLevels#CONTACT_KPA};
 * shoulders -> excess_pressure above {@link PressureLevels#EXCESS_SHOULDER_KPA}; thoracic and lumbar ->
 * excess_pressure above {@link PressureLevels#EXCESS_BACK_KPA}. An event starts at the first frame where its
 * condition holds and ends at the first frame where it no longer does (end exclusive).
 */
final class TruthTracker {

    static final String SPINE_CONTACT = "spine_contact";
    static final String BONE_CONTACT = "bone_contact";
    static final String EXCESS_PRESSURE = "excess_pressure";
    static final String MARKER = "marker";

    private final long baseUs;
    private final int regions = BackGeometry.REGIONS.size();
    private final long[] openStart = new long[regions];
    private final String[] openNote = new String[regions];
    private final List<TruthEvent> events = new ArrayList<>();

    TruthTracker(long baseUs) {
        this.baseUs = baseUs;
        java.util.Arrays.fill(openStart, -1);
    }

    static String typeFor(String region) {
        if (BackGeometry.SPINE.equals(region)) {
            return SPINE_CONTACT;
        }
        return BackGeometry.isBone(region) ? BONE_CONTACT : EXCESS_PRESSURE;
    }

    static double thresholdFor(String region) {
        if (BackGeometry.SPINE.equals(region) || BackGeometry.isBone(region)) {
            return PressureLevels.CONTACT_KPA;
        }
        return BackGeometry.isShoulder(region) ? PressureLevels.EXCESS_SHOULDER_KPA : PressureLevels.EXCESS_BACK_KPA;
    }

    void frame(long relUs, double[] peakKpa, String[] note) {
        for (int g = 0; g < regions; g++) {
            String region = BackGeometry.REGIONS.get(g);
            boolean on = peakKpa[g] > thresholdFor(region);
            if (on && openStart[g] < 0) {
                openStart[g] = relUs;
                openNote[g] = note[g];
            } else if (!on && openStart[g] >= 0) {
                close(g, relUs);
            }
        }
    }

    private void close(int g, long endRelUs) {
        String region = BackGeometry.REGIONS.get(g);
        events.add(new TruthEvent(typeFor(region), baseUs + openStart[g], baseUs + endRelUs, region,
                openNote[g] == null ? "" : openNote[g]));
        openStart[g] = -1;
        openNote[g] = null;
    }

    void marker(long relUs, String region, String note) {
        events.add(new TruthEvent(MARKER, baseUs + relUs, baseUs + relUs, region, note));
    }

    List<TruthEvent> finish(long endRelUs) {
        for (int g = 0; g < regions; g++) {
            if (openStart[g] >= 0) {
                close(g, endRelUs);
            }
        }
        List<TruthEvent> out = new ArrayList<>(events);
        out.sort(java.util.Comparator.comparingLong(TruthEvent::startUs).thenComparing(TruthEvent::type)
                .thenComparing(TruthEvent::region));
        return List.copyOf(out);
    }
}
