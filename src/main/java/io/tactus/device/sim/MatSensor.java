package io.tactus.device.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A passive row/column-scanned pressure matrix: turns the true pressure field into raw counts with per-cell
 * baseline and gain scatter, row/column ghosting, ADC noise, a few dead cells (always 0: broken trace) and a
 * couple of noisy cells (bad contact). Faulty cells are drawn only from the cells the caller marks eligible
 * (the simulator keeps them off the spine band and the bones, so they degrade the data without deciding a
 * scored event).
 */
final class MatSensor {

    /** Crosstalk: each cell picks up this fraction of the summed load of the rest of its row and its column. */
    static final double GHOST_FRACTION = 0.004;
    static final int DEAD_CELLS = 3;
    static final int NOISY_CELLS = 2;
    static final double NOISY_SIGMA_COUNTS = 40;
    /** Sparse mode: the firmware suppresses cells reading below this (baseline 40 +- 6, noise sigma 2). */
    static final int SPARSE_THRESHOLD_COUNTS = 64;

    private final int rows;
    private final int cols;
    private final double[] baseline;
    private final double[] gain;
    private final double[] driftShare;
    private final double[] sigma;
    private final boolean[] dead;
    private final int[] deadCells;
    private final int[] noisyCells;
    private final double[] load;
    private final double[] rowSum;
    private final double[] colSum;

    MatSensor(int rows, int cols, boolean[] faultEligible, long seed, double noiseScale) {
        this.rows = rows;
        this.cols = cols;
        int n = rows * cols;
        Gaussian layout = new Gaussian(new SplittableRandom(seed ^ 0x5EED_CE11L));
        baseline = new double[n];
        gain = new double[n];
        driftShare = new double[n];
        sigma = new double[n];
        dead = new boolean[n];
        for (int i = 0; i < n; i++) {
            baseline[i] = SensorModel.OFFSET_COUNTS
                    + layout.uniform(-SensorModel.BASELINE_SPREAD_COUNTS, SensorModel.BASELINE_SPREAD_COUNTS);
            gain[i] = 1 + layout.uniform(-SensorModel.GAIN_SPREAD, SensorModel.GAIN_SPREAD);
            sigma[i] = SensorModel.NOISE_SIGMA_COUNTS * noiseScale;
        }
        // Own generator: the drift shares leave every other seeded choice (and so the bytes without drift) unchanged.
        Gaussian drift = new Gaussian(new SplittableRandom(seed ^ 0xD21F_7000L));
        for (int i = 0; i < n; i++) {
            driftShare[i] = drift.uniform(0.5, 1.5);
        }
        List<Integer> pool = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (faultEligible[i]) {
                pool.add(i);
            }
        }
        deadCells = pick(pool, Math.min(DEAD_CELLS, pool.size()), layout);
        noisyCells = pick(pool, Math.min(NOISY_CELLS, pool.size()), layout);
        for (int i : deadCells) {
            dead[i] = true;
        }
        for (int i : noisyCells) {
            sigma[i] = NOISY_SIGMA_COUNTS * noiseScale;
        }
        load = new double[n];
        rowSum = new double[rows];
        colSum = new double[cols];
    }

    private static int[] pick(List<Integer> pool, int k, Gaussian g) {
        int[] out = new int[k];
        for (int j = 0; j < k; j++) {
            out[j] = pool.remove(g.nextInt(pool.size()));
        }
        java.util.Arrays.sort(out);
        return out;
    }

    int[] deadCells() {
        return deadCells.clone();
    }

    int[] noisyCells() {
        return noisyCells.clone();
    }

    /** Reads the true pressure field {@code kpa} (row-major) into raw counts {@code out}. */
    void read(double[] kpa, double driftCounts, int[] out, Gaussian noise) {
        java.util.Arrays.fill(rowSum, 0);
        java.util.Arrays.fill(colSum, 0);
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, i++) {
                double l = kpa[i] > 0 ? SensorModel.countsAboveOffset(kpa[i] * gain[i]) : 0;
                load[i] = l;
                rowSum[r] += l;
                colSum[c] += l;
            }
        }
        for (int r = 0, i = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++, i++) {
                double ghost = GHOST_FRACTION * (rowSum[r] + colSum[c] - 2 * load[i]);
                double v = baseline[i] + driftCounts * driftShare[i] + load[i] + ghost + sigma[i] * noise.next();
                out[i] = dead[i] ? 0 : SensorModel.clip(v);
            }
        }
    }
}
