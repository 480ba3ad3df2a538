package io.tactus.device.sim;

import io.tactus.protocol.DeviceDescriptor;
import java.util.SplittableRandom;

/**
 * The simulated glove: taxel pressures from the active stroke's tool, and a POSE from an external tracker
 * registered to the stroke's working point (heel of the hand for palm work, thumb tip for thumb work...), in
 * the standard mat's frame (400 x 600 mm, origin at the receiver's head-end left corner). Ground truth for the
 * glove is resolved at the POSE point: the region the working point is in, at the highest taxel's true pressure.
 */
final class GloveModel implements FrameModel {

    private final Script script;
    private final DeviceDescriptor descriptor;
    private final double[] baseline;
    private final double[] gain;
    private final double[] taxelKpa;

    GloveModel(Script script, SimOptions o) {
        this.script = script;
        int n = Glove.taxelCount();
        this.descriptor = new DeviceDescriptor(1, "Tactus simulated glove", "SIM-GLOVE-0001", "sim-1",
                DeviceDescriptor.LAYOUT_GLOVE, 1, n, null, SensorModel.ADC_BITS, o.rateHz(), Glove.taxels(),
                SensorModel.calibration());
        Gaussian layout = new Gaussian(new SplittableRandom(o.seed() ^ 0x610E_0001L));
        baseline = new double[n];
        gain = new double[n];
        for (int i = 0; i < n; i++) {
            baseline[i] = SensorModel.OFFSET_COUNTS
                    + layout.uniform(-SensorModel.BASELINE_SPREAD_COUNTS, SensorModel.BASELINE_SPREAD_COUNTS);
            gain[i] = 1 + layout.uniform(-SensorModel.GAIN_SPREAD, SensorModel.GAIN_SPREAD);
        }
        taxelKpa = new double[n];
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    /** True taxel pressures at t (reused array); returns the index of the dominant stroke or -1. */
    int taxelPressure(double t) {
        java.util.Arrays.fill(taxelKpa, 0);
        int dominant = -1;
        double dominantKpa = 0;
        for (int s = 0; s < script.strokes().size(); s++) {
            Stroke st = script.strokes().get(s);
            double p = st.pressureAt(t);
            if (p <= 0) {
                continue;
            }
            if (p > dominantKpa) {
                dominantKpa = p;
                dominant = s;
            }
            for (int i = 0; i < taxelKpa.length; i++) {
                taxelKpa[i] += p * Glove.weight(st.tool(), Glove.ZONES[i]) * Glove.SHAPE[i];
            }
        }
        return dominant;
    }

    double[] taxelKpa() {
        return taxelKpa;
    }

    @Override
    public void regionPeaks(double t, double[] peakKpa, String[] note) {
        java.util.Arrays.fill(peakKpa, 0);
        java.util.Arrays.fill(note, null);
        int dominant = taxelPressure(t);
        if (dominant < 0) {
            return;
        }
        Path.Point p = bodyPoint(t);
        String region = BackGeometry.regionAt(p.x(), p.y());
        if (region == null) {
            return;
        }
        double peak = 0;
        for (double v : taxelKpa) {
            peak = Math.max(peak, v);
        }
        int g = BackGeometry.regionIndex(region);
        peakKpa[g] = peak;
        note[g] = script.strokes().get(dominant).note();
    }

    @Override
    public void counts(double t, double driftCounts, int[] out, Gaussian noise) {
        taxelPressure(t);
        for (int i = 0; i < out.length; i++) {
            double load = SensorModel.countsAboveOffset(taxelKpa[i] * gain[i]);
            out[i] = SensorModel.clip(baseline[i] + driftCounts + load + SensorModel.NOISE_SIGMA_COUNTS * noise.next());
        }
    }

    /** Working point in body mm: the active stroke's (latest started), else where the hand last was. */
    Path.Point bodyPoint(double t) {
        Stroke current = null;
        Stroke last = null;
        for (Stroke s : script.strokes()) {
            if (s.activeAt(t)) {
                if (current == null || s.t0() >= current.t0()) {
                    current = s;
                }
            } else if (s.t1() <= t && (last == null || s.t1() >= last.t1())) {
                last = s;
            }
        }
        if (current != null) {
            return current.positionAt(t);
        }
        if (last != null) {
            return last.positionAt(last.t1());
        }
        Stroke first = script.strokes().get(0);
        return first.positionAt(first.t0());
    }

    @Override
    public Path.Point poseMm(double t) {
        Path.Point b = bodyPoint(t);
        return new Path.Point(b.x() + BackGeometry.MAT_WIDTH_MM / 2, b.y());
    }
}
