package io.tactus.signal.metrics;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.RegionRuns;
import io.tactus.signal.state.Checkpointable;
import io.tactus.signal.state.Scratch;
import java.util.Arrays;

/**
 * The measuring stage: exponential smoothing of the calibrated kPa (one frame of delay), the per-cell noise
 * floor, then the frame's figures: total force, contact area, peak, centre of pressure, per-region force, mean
 * and peak, and the per-cell pressure-time coverage. No allocation per frame.
 */
public final class FrameMeasure implements Checkpointable<FrameMeasure.State> {

    private static final BodyRegion[] REGIONS = BodyRegion.values();
    private static final int NREG = REGIONS.length;

    /** Filter state, the last frame's pressure and figures, and the coverage so far (copies). */
    public record State(float[] filt, float[] kpa, double[] coverage, boolean primed, double totalForceN,
                        double areaCm2, double peakKpa, double copX, double copY, double[] rForce, double[] rPeak,
                        double[] rSum, int[] rLoaded) {
    }

    private final int rows;
    private final int cols;
    private final int n;
    private final double cellAreaMm2;
    private final double[] colX;
    private final double[] rowY;
    private final float[] filt;
    private final float[] kpa;
    private final double[] coverage;
    // per region by ordinal, plus a spare slot (NREG) where the cells off the back accumulate, so the measuring
    // loop needs no region test; the slot is never read
    private final double[] rForce = new double[NREG + 1];
    private final double[] rPeak = new double[NREG + 1];
    private final double[] rSum = new double[NREG + 1];
    private final int[] rLoaded = new int[NREG + 1];
    /**
     * This frame's cells at or above the noise floor, in index order ({@link #loadedCount} of them): listed as the
     * measuring loop passes, so per-contact tracking works on these few cells instead of scanning the frame.
     */
    @Scratch
    private final int[] loadedCells;
    @Scratch
    private int loadedCount;
    /** The values last handed out, reused while a region's figures do not change (immutable; not state). */
    @Scratch
    private final RegionValue[] lastValues = new RegionValue[NREG];
    private boolean primed;
    private double totalForceN;
    private double areaCm2;
    private double peakKpa;
    private double copX = Double.NaN;
    private double copY = Double.NaN;

    /** @param cellAreaMm2 the area one cell's pressure acts on (a glove's taxel area from the settings) */
    public FrameMeasure(DeviceDescriptor d, double cellAreaMm2) {
        this.rows = d.rows();
        this.cols = d.cols();
        this.n = rows * cols;
        this.cellAreaMm2 = cellAreaMm2;
        colX = new double[cols];
        rowY = new double[rows];
        for (int c = 0; c < cols; c++) {
            colX[c] = (c + 0.5) * d.pitchXmm();
        }
        for (int r = 0; r < rows; r++) {
            rowY[r] = (r + 0.5) * d.pitchYmm();
        }
        filt = new float[n];
        kpa = new float[n];
        coverage = new double[n];
        loadedCells = new int[n];
    }

    /**
     * One frame.
     *
     * @param rw       calibrated kPa per cell (this frame)
     * @param floorKpa per-cell noise floor
     * @param runs     the cells in runs of one region per row
     * @param alpha    smoothing factor (1 = no smoothing)
     * @param dt       device time since the previous frame, us
     * @param pose     a glove's position [x, y] in mat mm (its centre of pressure), or null for a mat
     */
    public void measure(float[] rw, float[] floorKpa, RegionRuns runs, float alpha, long dt, double[] pose) {
        final float a = alpha;
        final float[] f = filt;
        final float[] out = kpa;
        final float[] fl = floorKpa;
        final double[] cov = coverage;
        final double[] xs = colX;
        final int[] list = loadedCells;
        final double forcePerKpa = cellAreaMm2 / 1000.0;
        final double dts = dt / 1e6;
        final int[] rowFirstRun = runs.rowFirstRun();
        final int[] runEnd = runs.runEnd();
        final int[] runRegion = runs.runRegion();
        if (!primed) {
            System.arraycopy(rw, 0, f, 0, n);
            primed = true;
        }
        Arrays.fill(rForce, 0);
        Arrays.fill(rPeak, 0);
        Arrays.fill(rSum, 0);
        Arrays.fill(rLoaded, 0);
        for (int i = 0; i < n; i++) { // apart from the rest: the JIT vectorises this loop
            f[i] = f[i] + a * (rw[i] - f[i]);
        }
        double force = 0;
        double sx = 0;
        double sy = 0;
        double pk = 0;
        int loaded = 0;
        for (int r = 0, run = 0, i = 0; r < rows; r++) {
            double rowForce = 0;
            int rowStart = i;
            for (int lastRun = rowFirstRun[r + 1]; run < lastRun; run++) {
                // one region along the run: its sums live in locals, added in the same cell order as before (the
                // same doubles); cells off the back accumulate into the spare slot NREG, read by nobody
                int g = runRegion[run] < 0 ? NREG : runRegion[run];
                double gForce = rForce[g];
                double gSum = rSum[g];
                double gPeak = rPeak[g];
                int gLoaded = rLoaded[g];
                for (int e = runEnd[run]; i < e; i++) {
                    float v = f[i];
                    if (v < fl[i]) {
                        out[i] = 0f;
                        continue;
                    }
                    out[i] = v;
                    double fn = v * forcePerKpa;
                    rowForce += fn;
                    sx += fn * xs[i - rowStart];
                    list[loaded++] = i;
                    if (v > pk) {
                        pk = v;
                    }
                    cov[i] += v * dts;
                    gForce += fn;
                    gSum += v;
                    gLoaded++;
                    if (v > gPeak) {
                        gPeak = v;
                    }
                }
                rForce[g] = gForce;
                rSum[g] = gSum;
                rPeak[g] = gPeak;
                rLoaded[g] = gLoaded;
            }
            force += rowForce;
            sy += rowForce * rowY[r];
        }
        loadedCount = loaded;
        totalForceN = force;
        areaCm2 = loaded * cellAreaMm2 / 100.0;
        peakKpa = pk;
        if (force > 0) {
            if (pose != null) {
                copX = pose[0];
                copY = pose[1];
            } else {
                copX = sx / force;
                copY = sy / force;
            }
        } else {
            copX = Double.NaN;
            copY = Double.NaN;
        }
    }

    /** Cell centres across the mat in mm (by column); do not modify. */
    public double[] colX() {
        return colX;
    }

    /** Cell centres along the mat in mm (by row); do not modify. */
    public double[] rowY() {
        return rowY;
    }

    /** This frame's pressure per cell (0 below the floor); do not modify. */
    public float[] kpa() {
        return kpa;
    }

    /** This frame's cells at or above the noise floor, in index order, {@link #loadedCount} of them; do not modify. */
    public int[] loadedCells() {
        return loadedCells;
    }

    /** How many cells are at or above the noise floor this frame. */
    public int loadedCount() {
        return loadedCount;
    }

    /** Each region's peak pressure this frame, by ordinal (a spare entry follows the last); do not modify. */
    public double[] regionPeak() {
        return rPeak;
    }

    /** Each region's force this frame, by ordinal (a spare entry follows the last); do not modify. */
    public double[] regionForce() {
        return rForce;
    }

    /** Force this frame on the regions of one side of the receiver. */
    public double sideForceN(BodyRegion.Side side) {
        double f = 0;
        for (int g = 0; g < NREG; g++) {
            if (REGIONS[g].side() == side) {
                f += rForce[g];
            }
        }
        return f;
    }

    /** Per-cell integral of pressure over time so far (kPa*s); do not modify. */
    public double[] coverage() {
        return coverage;
    }

    public double totalForceN() {
        return totalForceN;
    }

    public double areaCm2() {
        return areaCm2;
    }

    public double peakKpa() {
        return peakKpa;
    }

    public double copX() {
        return copX;
    }

    public double copY() {
        return copY;
    }

    /** The per-region values of this frame. Allocates. */
    public RegionValue[] regionValues() {
        RegionValue[] regions = new RegionValue[NREG];
        for (int g = 0; g < NREG; g++) {
            double mean = rLoaded[g] == 0 ? 0 : rSum[g] / rLoaded[g];
            RegionValue last = lastValues[g];
            // Most regions are untouched, or unchanged, in most frames: handing out the same immutable value again
            // keeps a long analysis from allocating ~500 bytes per frame (an hour's garbage became the RSS of a
            // JVM whose young generation never filled). Compared bit for bit so -0.0 and NaN stay distinct.
            if (last == null || Double.doubleToRawLongBits(last.meanKpa()) != Double.doubleToRawLongBits(mean)
                    || Double.doubleToRawLongBits(last.peakKpa()) != Double.doubleToRawLongBits(rPeak[g])
                    || Double.doubleToRawLongBits(last.forceN()) != Double.doubleToRawLongBits(rForce[g])
                    || last.loadedCells() != rLoaded[g]) {
                last = new RegionValue(REGIONS[g], mean, rPeak[g], rForce[g], rLoaded[g]);
                lastValues[g] = last;
            }
            regions[g] = last;
        }
        return regions;
    }

    @Override
    public State checkpoint() {
        return new State(filt.clone(), kpa.clone(), coverage.clone(), primed, totalForceN, areaCm2, peakKpa, copX,
                copY, rForce.clone(), rPeak.clone(), rSum.clone(), rLoaded.clone());
    }

    @Override
    public void restore(State s) {
        System.arraycopy(s.filt(), 0, filt, 0, n);
        System.arraycopy(s.kpa(), 0, kpa, 0, n);
        loadedCount = 0;
        for (int i = 0; i < n; i++) { // the list goes with the pressure it lists (a cell at 0 is left out)
            if (kpa[i] != 0f) {
                loadedCells[loadedCount++] = i;
            }
        }
        System.arraycopy(s.coverage(), 0, coverage, 0, n);
        primed = s.primed();
        totalForceN = s.totalForceN();
        areaCm2 = s.areaCm2();
        peakKpa = s.peakKpa();
        copX = s.copX();
        copY = s.copY();
        System.arraycopy(s.rForce(), 0, rForce, 0, NREG + 1);
        System.arraycopy(s.rPeak(), 0, rPeak, 0, NREG + 1);
        System.arraycopy(s.rSum(), 0, rSum, 0, NREG + 1);
        System.arraycopy(s.rLoaded(), 0, rLoaded, 0, NREG + 1);
    }
}
