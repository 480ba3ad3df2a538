package io.tactus.signal.calibration;

import io.tactus.signal.state.Checkpointable;
import io.tactus.signal.state.Scratch;
import java.util.Arrays;

/**
 * The zero-load baseline per cell and how far it has drifted: while nothing is pressed the baseline follows the
 * counts with a time constant (sensor creep, temperature), and the distance from the reference (the tare's, or
 * the factory offset) is reported in kPa. No allocation per frame.
 */
public final class DriftTracker implements Checkpointable<DriftTracker.State> {

    /** The live baseline (a copy), the reference (shared: it is replaced on a tare, never written) and stats. */
    public record State(float[] base, float[] refBase, long idleFrames, double meanKpa, double maxKpa) {
    }

    private final int n;
    private final float[] base;
    /**
     * {@link #base} split for the calibration loop's integer form. An idle stretch moves the baseline every frame;
     * re-splitting it each time cost more than the integer form saves, so tracking only marks it stale and
     * {@link #splitForFrame()} rebuilds it once the baseline has held still for a frame. A cache, not state (like
     * the two flags): the calibration loop gives the same bits with it or without it (CountsLutTest), so a
     * checkpoint leaves it out and a restore rebuilds it.
     */
    @Scratch
    private final SplitBaseline split;
    @Scratch
    private boolean splitStale;
    /** A frame was tracked since the last {@link #splitForFrame()}. */
    @Scratch
    private boolean trackedSinceSplit;
    private float[] refBase;
    /** No baseline value is NaN or infinite (tracking keeps it so): the calibration loop's fast form applies. */
    private boolean finite;
    private long idleFrames;
    private double meanKpa;
    private double maxKpa;

    /**
     * Every cell starts at {@code offsetCounts} (the factory zero-load reading).
     *
     * @param lastEntry the last entry of the calibration's lookup tables (their ADC range)
     */
    public DriftTracker(int n, float offsetCounts, int lastEntry) {
        this.n = n;
        base = new float[n];
        Arrays.fill(base, offsetCounts);
        refBase = base.clone();
        finite = Float.isFinite(offsetCounts);
        split = new SplitBaseline(n, lastEntry);
        split.setAll(base);
    }

    /** The live zero-load baseline in counts; read by the calibration loop, do not modify. */
    float[] baseline() {
        return base;
    }

    /**
     * For this frame's calibration loop (call once per frame): the baseline split into whole counts and fractions,
     * or null while it is moving (the last frame was tracked); rebuilt here when it was stale. Do not modify.
     */
    SplitBaseline splitForFrame() {
        if (splitStale && !trackedSinceSplit) {
            split.setAll(base);
            splitStale = false;
        }
        trackedSinceSplit = false;
        return splitStale ? null : split;
    }

    boolean baselineFinite() {
        return finite;
    }

    private void checkFinite() {
        boolean f = true;
        for (float b : base) {
            f &= Float.isFinite(b);
        }
        finite = f;
    }

    /** A tare: baseline and reference become {@code baseline}; the drift figures restart. */
    void reset(float[] baseline) {
        System.arraycopy(baseline, 0, base, 0, n);
        split.setAll(base);
        splitStale = false;
        checkFinite();
        refBase = baseline.clone();
        meanKpa = 0;
        maxKpa = 0;
    }

    /** One idle frame (the caller decides "nothing pressed"): the baseline moves towards the counts. */
    void track(int[] counts, long dt, double tauS, DeadCellMap deadCells, CountsLut lut) {
        float beta = (float) Math.min(1.0, dt / (tauS * 1e6));
        double sum = 0;
        float max = 0;
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (deadCells.isDead(i) || counts[i] == 0) {
                continue; // a zero is zero-suppression or a broken trace, never a baseline
            }
            base[i] += beta * (counts[i] - base[i]);
            float d = Math.abs(base[i] - refBase[i]);
            sum += d;
            m++;
            if (d > max) {
                max = d;
            }
        }
        idleFrames++;
        splitStale = true;
        trackedSinceSplit = true;
        meanKpa = m == 0 ? 0 : lut.kpa((float) (sum / m));
        maxKpa = lut.kpa(max);
    }

    /** @param warnAboveKpa a mean drift above this warns (the median noise floor) */
    DriftStatus status(double warnAboveKpa) {
        return new DriftStatus(meanKpa, maxKpa, meanKpa > warnAboveKpa, idleFrames);
    }

    @Override
    public State checkpoint() {
        return new State(base.clone(), refBase, idleFrames, meanKpa, maxKpa);
    }

    @Override
    public void restore(State s) {
        System.arraycopy(s.base(), 0, base, 0, n);
        split.setAll(base);
        splitStale = false;
        checkFinite();
        refBase = s.refBase();
        idleFrames = s.idleFrames();
        meanKpa = s.meanKpa();
        maxKpa = s.maxKpa();
    }
}
