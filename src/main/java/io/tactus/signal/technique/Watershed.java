package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;
import io.tactus.signal.state.Scratch;
import java.util.Arrays;

/**
 * Splits one calibrated frame into basins, without allocating: a watershed by flooding (the "persistence"
 * variant). The cells at or above the contact level are visited from the highest pressure down (a counting sort
 * in quarter-kPa steps); a cell joins the basin of its highest-peaked 4-neighbour, and where two basins meet they
 * merge unless both are real contacts: the lower peak is at least {@link #SPLIT_RATIO} of the higher, the meeting
 * level has dropped at least {@link #SPLIT_DEPTH} below the lower peak, and the peaks are at least
 * {@link #SPLIT_MIN_MM} apart. So two palms side by side, or a thumb beside a palm, are two basins even when their
 * cells touch; the knuckles of one fist (a ridge, no deep saddle) or a noisy plateau stay one. Connected
 * components fall out of the same pass (cells that never touch never merge). Each basin keeps its force, its
 * force-weighted centre, its cell count and the peaks merged into it as it grows; {@link ContactParts} turns the
 * surviving basins into contacts.
 */
final class Watershed implements Checkpointable<Watershed.State> {

    /** The frame counter that stamps this frame's cells (a restored counter must not meet stale stamps). */
    record State(int frame) {
    }

    static final double SPLIT_RATIO = 0.55;
    static final double SPLIT_DEPTH = 0.3;
    static final double SPLIT_MIN_MM = 30;

    private static final int BUCKETS_PER_KPA = 4;
    private static final int BUCKETS = 4096;
    private static final int SUB_PEAKS = 8;

    private final int rows;
    private final int cols;
    private final double[] colX;
    private final double[] rowY;
    private final double forcePerKpa;
    /** Row and column of each cell (no integer division per cell and frame). */
    private final int[] cellRow;
    private final int[] cellCol;

    // per cell working memory; stamp marks this frame's cells by the frame counter, which is state
    @Scratch
    private final int[] loaded;
    @Scratch
    private final int[] loadedBucket;
    @Scratch
    private final int[] order;
    @Scratch
    private final int[] bucketStart = new int[BUCKETS + 1];
    /** Per basin root: force, force-weighted x and y, cells (kept as the basin grows and absorbs others). */
    @Scratch
    private final double[] sumF;
    @Scratch
    private final double[] sumX;
    @Scratch
    private final double[] sumY;
    @Scratch
    private final int[] sumCells;
    @Scratch
    private final int[] basinList;
    @Scratch
    private int basins;
    @Scratch
    private final int[] parent;
    @Scratch
    private final int[] stamp;
    @Scratch
    private final float[] basinPeak;
    /** Per basin root: the peaks of the basins merged into it (a fist's knuckles), up to {@link #SUB_PEAKS}. */
    @Scratch
    private final int[] subPeak;
    @Scratch
    private final int[] subPeaks;
    @Scratch
    private final int[] roots = new int[4];
    private int frame;

    Watershed(int rows, int cols, double[] colX, double[] rowY, double cellAreaMm2) {
        this.rows = rows;
        this.cols = cols;
        this.colX = colX.clone();
        this.rowY = rowY.clone();
        this.forcePerKpa = cellAreaMm2 / 1000.0;
        int n = rows * cols;
        cellRow = new int[n];
        cellCol = new int[n];
        for (int i = 0; i < n; i++) {
            cellRow[i] = i / cols;
            cellCol[i] = i % cols;
        }
        loaded = new int[n];
        loadedBucket = new int[n];
        order = new int[n];
        sumF = new double[n];
        sumX = new double[n];
        sumY = new double[n];
        sumCells = new int[n];
        basinList = new int[n];
        parent = new int[n];
        stamp = new int[n];
        basinPeak = new float[n];
        subPeak = new int[n * SUB_PEAKS];
        subPeaks = new int[n];
    }

    /**
     * Floods one frame; then {@link #basins()} and the per-basin getters describe it.
     *
     * @param level contact level: a basin starts at a cell at or above it, and basins meet only there
     * @param skirt the lower level down to which a basin takes in the cells around it (its skirt)
     */
    void flood(float[] kpa, float level, float skirt) {
        frame++;
        if (frame == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            frame = 1;
        }
        int m = sortByPressure(kpa, skirt);
        basins = 0;
        for (int k = m - 1; k >= 0; k--) {
            int i = order[k];
            float v = kpa[i];
            int nr = neighbourRoots(i);
            boolean inSkirt = v < level;
            if (inSkirt && nr == 0) {
                continue; // below the contact level and touching no contact: not part of one
            }
            double f = v * forcePerKpa;
            double fx = f * colX[cellCol[i]];
            double fy = f * rowY[cellRow[i]];
            if (nr == 0) {
                parent[i] = i;
                basinPeak[i] = v;
                subPeak[i * SUB_PEAKS] = i;
                subPeaks[i] = 1;
                sumF[i] = f;
                sumX[i] = fx;
                sumY[i] = fy;
                sumCells[i] = 1;
                basinList[basins++] = i;
                continue;
            }
            int a = roots[0];
            for (int q = 1; q < nr; q++) {
                if (basinPeak[roots[q]] > basinPeak[a]) {
                    a = roots[q];
                }
            }
            parent[i] = a;
            sumF[a] += f;
            sumX[a] += fx;
            sumY[a] += fy;
            sumCells[a]++;
            if (v > basinPeak[a]) { // same pressure bucket, a little higher than the basin's first cell
                basinPeak[a] = v;
            }
            for (int q = 0; q < nr && !inSkirt; q++) { // contacts that touch only in their skirts stay apart
                int b = roots[q];
                if (b != a && !separate(a, b, v)) {
                    parent[b] = a;
                    absorbPeaks(a, b);
                    sumF[a] += sumF[b];
                    sumX[a] += sumX[b];
                    sumY[a] += sumY[b];
                    sumCells[a] += sumCells[b];
                }
            }
        }
    }

    /** Basins started in this frame, some merged into others since ({@link #root}). */
    int basins() {
        return basins;
    }

    /** The k-th basin's cell, which names it while it stands. */
    int basin(int k) {
        return basinList[k];
    }

    /** True when basin r still stands (was not merged into another). */
    boolean standing(int r) {
        return parent[r] == r;
    }

    double force(int r) {
        return sumF[r];
    }

    double forceX(int r) {
        return sumX[r];
    }

    double forceY(int r) {
        return sumY[r];
    }

    int cells(int r) {
        return sumCells[r];
    }

    double peak(int r) {
        return basinPeak[r];
    }

    /**
     * The loaded cells (at or above the contact level) in ascending pressure order into {@link #order}, by a
     * counting sort on {@link #BUCKETS_PER_KPA} buckets per kPa (linear time, no allocation; cells within one
     * bucket keep index order: a quarter kPa does not change which contact a cell belongs to).
     *
     * @return how many cells are loaded
     */
    private int sortByPressure(float[] kpa, float level) {
        int m = 0;
        int top = 0;
        float lv = Math.max(level, Float.MIN_VALUE); // a cell reading 0 is never loaded
        for (int i = 0; i < kpa.length; i++) {
            float v = kpa[i];
            if (v < lv) {
                continue;
            }
            int bk = Math.min(BUCKETS - 1, (int) (v * BUCKETS_PER_KPA));
            loaded[m] = i;
            loadedBucket[m++] = bk;
            stamp[i] = frame;
            parent[i] = -1;
            if (bk > top) {
                top = bk;
            }
        }
        Arrays.fill(bucketStart, 0, top + 2, 0);
        for (int k = 0; k < m; k++) {
            bucketStart[loadedBucket[k] + 1]++;
        }
        for (int b = 1; b <= top + 1; b++) {
            bucketStart[b] += bucketStart[b - 1];
        }
        for (int k = 0; k < m; k++) {
            order[bucketStart[loadedBucket[k]]++] = loaded[k];
        }
        return m;
    }

    /**
     * Roots of the basins among the 4 neighbours already flooded. Four, not eight: half the work per cell, and
     * parts that touch only at a corner are joined anyway by the peak-distance rule ({@link ContactParts}).
     */
    private int neighbourRoots(int i) {
        int r = cellRow[i];
        int c = cellCol[i];
        int nr = 0;
        if (c > 0) {
            nr = addRoot(i - 1, nr);
        }
        if (c < cols - 1) {
            nr = addRoot(i + 1, nr);
        }
        if (r > 0) {
            nr = addRoot(i - cols, nr);
        }
        if (r < rows - 1) {
            nr = addRoot(i + cols, nr);
        }
        return nr;
    }

    private int addRoot(int j, int nr) {
        if (stamp[j] != frame || parent[j] < 0) {
            return nr;
        }
        int root = find(j);
        for (int q = 0; q < nr; q++) {
            if (roots[q] == root) {
                return nr;
            }
        }
        roots[nr] = root;
        return nr + 1;
    }

    private int find(int i) {
        int r = i;
        while (parent[r] != r) {
            r = parent[r];
        }
        while (parent[i] != r) {
            int next = parent[i];
            parent[i] = r;
            i = next;
        }
        return r;
    }

    /** Two basins meeting at level v stay apart when both are real contacts (class comment). */
    private boolean separate(int a, int b, float v) {
        float hi = basinPeak[a];
        float lo = basinPeak[b];
        if (lo < SPLIT_RATIO * hi || v > (1 - SPLIT_DEPTH) * lo) {
            return false;
        }
        return nearestPeaks2(a, b) >= SPLIT_MIN_MM * SPLIT_MIN_MM;
    }

    /** Squared distance between the closest peaks of two basins (a ridge of bumps is one contact). */
    double nearestPeaks2(int a, int b) {
        double best = Double.MAX_VALUE;
        for (int p = 0; p < subPeaks[a]; p++) {
            for (int q = 0; q < subPeaks[b]; q++) {
                int pa = subPeak[a * SUB_PEAKS + p];
                int pb = subPeak[b * SUB_PEAKS + q];
                double dx = colX[cellCol[pa]] - colX[cellCol[pb]];
                double dy = rowY[cellRow[pa]] - rowY[cellRow[pb]];
                best = Math.min(best, dx * dx + dy * dy);
            }
        }
        return best;
    }

    private void absorbPeaks(int a, int b) {
        for (int q = 0; q < subPeaks[b] && subPeaks[a] < SUB_PEAKS; q++) {
            subPeak[a * SUB_PEAKS + subPeaks[a]++] = subPeak[b * SUB_PEAKS + q];
        }
    }

    @Override
    public State checkpoint() {
        return new State(frame);
    }

    @Override
    public void restore(State s) {
        frame = s.frame();
    }
}
