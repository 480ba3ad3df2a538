package io.tactus.signal.technique;

import io.tactus.signal.state.Scratch;
import java.util.Arrays;

/**
 * The connected components (4-neighbour) of one frame's loaded cells, with each component's force sums, cell
 * count, peak and how many local maxima it has, without sorting and without allocating. {@link Watershed} floods
 * only the components with more than one local maximum (two hands touching, a thumb beside a palm); a component
 * with one is one basin as it stands, so the usual frame (separate hands) costs two passes over its loaded cells in
 * index order instead of a sort and a flood.
 *
 * <p>A local maximum is a cell whose flood key (pressure bucket, then cell index, as {@link Watershed} orders its
 * flood) is above those of its loaded 4-neighbours. With exactly one, every other cell of the component has a
 * loaded neighbour flooded before it, so the flood would start one basin there and take in every cell: the same
 * cells, force and peak, summed here in index order (the last bits of a centre differ from flood order).
 */
final class CellComponents {

    /** Keys of the padded grid: -1 where a cell is not loaded (and on the border), else bucket << 16 | cell. */
    private final int[] key;
    private final int width;
    private final int cols;
    private final int[] padded;
    private final int[] cellRow;
    private final int[] cellCol;
    private final double[] colX;
    private final double[] rowY;
    private final double forcePerKpa;

    // one frame's working memory
    @Scratch
    private final int[] loaded;
    /**
     * The loaded cells' places in the padded grid, in the same order: the maxima count and the reset read the key
     * grid through these without a second lookup per cell (~10 % of the components' time on a 32 x 32 mat).
     */
    @Scratch
    private final int[] loadedP;
    /**
     * This frame's row maxima (loaded cells above their left and right neighbours, in the padded grid), found while
     * labelling: a local maximum is one of them, so only these are compared with the rows above and below.
     */
    @Scratch
    private final int[] rowMax;
    @Scratch
    private int rowMaxima;
    @Scratch
    private int count;
    /** Per cell: the cell it was joined to; a component's root is its lowest cell index, its own parent. */
    @Scratch
    private final int[] parent;
    @Scratch
    private final int[] compList;
    @Scratch
    private int comps;
    /** Per component root: force, force-weighted x and y, cells, peak, local maxima and the last one found. */
    @Scratch
    private final double[] sumF;
    @Scratch
    private final double[] sumX;
    @Scratch
    private final double[] sumY;
    @Scratch
    private final int[] sumCells;
    @Scratch
    private final float[] peak;
    @Scratch
    private final int[] maxima;
    @Scratch
    private final int[] top;
    @Scratch
    private final int[] loadedBucket;
    @Scratch
    private final int[] bucketStart = new int[Watershed.BUCKETS + 1];

    CellComponents(int rows, int cols, int[] padded, int[] cellRow, int[] cellCol, double[] colX, double[] rowY,
            double forcePerKpa) {
        int n = rows * cols;
        this.cols = cols;
        this.width = cols + 2;
        this.padded = padded;
        this.cellRow = cellRow;
        this.cellCol = cellCol;
        this.colX = colX;
        this.rowY = rowY;
        this.forcePerKpa = forcePerKpa;
        key = new int[(rows + 2) * width];
        Arrays.fill(key, -1);
        loaded = new int[n];
        loadedP = new int[n];
        rowMax = new int[n + 1];
        parent = new int[n];
        compList = new int[n];
        sumF = new double[n];
        sumX = new double[n];
        sumY = new double[n];
        sumCells = new int[n];
        peak = new float[n];
        maxima = new int[n];
        top = new int[n];
        loadedBucket = new int[n];
    }

    /** The flood key of a pressure at cell i: higher keys are flooded first. */
    static int key(float v, int i) {
        return Math.min(Watershed.BUCKETS - 1, (int) (v * Watershed.BUCKETS_PER_KPA)) << 16 | i;
    }

    /**
     * Finds the components of the listed cells at or above {@code lv} (cells in ascending index order), with their
     * sums, and how many local maxima each has.
     */
    void find(float[] kpa, int[] cells, int n, float lv) {
        label(kpa, cells, n, lv);
        int total = 0; // local maxima in the frame; every component has at least one (its highest key)
        final int[] k4 = key;
        final int[] lp = loadedP;
        final int w = width;
        final int[] rm = rowMax;
        for (int q = 0, m = rowMaxima; q < m; q++) { // a local maximum is one of its row's
            int p = rm[q];
            int ki = k4[p];
            total += (k4[p - w] - ki & k4[p + w] - ki) >>> 31;
        }
        int live = 0;
        for (int c = 0; c < comps; c++) {
            int r = compList[c];
            if (parent[r] == r) {
                compList[live++] = r;
                maxima[r] = 1;
            }
        }
        comps = live;
        if (total > comps) { // rare: some component has several maxima, count them per component
            countMaxima();
        }
        for (int k = 0, m = count; k < m; k++) {
            k4[lp[k]] = -1; // the invariant between frames: no cell keyed
        }
    }

    /**
     * One pass in index order: a cell's left and upper neighbours are already placed. A cell joins its left
     * neighbour's component (the current run's), then the upper neighbour's, merging the two where they differ
     * (the lower root stays). The sums are kept in locals along a run of one component and added to its root when
     * the run ends; where two components merge, the absorbed root's sums are added to the remaining one.
     */
    private void label(float[] kpa, int[] cells, int n, float lv) {
        count = 0;
        comps = 0;
        int nr = 0;
        int prevP = 0;
        int prevBeatsLeft = 0;
        int cur = -1;
        double f = 0;
        double fx = 0;
        double ry = 0; // a run is within one row: its force-weighted y is the row's y times its force
        int c = 0;
        float pk = Float.NEGATIVE_INFINITY;
        int tk = -1;
        for (int k = 0; k < n; k++) {
            int i = cells[k];
            float v = kpa[i];
            if (v < lv) {
                continue;
            }
            int p = padded[i];
            loadedP[count] = p;
            loaded[count++] = i;
            int ki = key(v, i);
            key[p] = ki;
            int kl = key[p - 1];
            // the cell placed before this one is a row maximum when it beat its left neighbour and beats its
            // right one: this cell (when next to it), or an unloaded cell
            rowMax[nr] = prevP;
            nr += prevBeatsLeft & (kl >>> 31 | (ki - kl) >>> 31);
            prevBeatsLeft = (kl - ki) >>> 31;
            prevP = p;
            int r = cur;
            if (kl < 0) { // a new run: its pending sums go to the run's component
                if (cur >= 0) {
                    add(cur, f, fx, ry * f, c, pk, tk);
                }
                f = 0;
                fx = 0;
                ry = rowY[cellRow[i]];
                c = 0;
                pk = Float.NEGATIVE_INFINITY;
                tk = -1;
                r = i;
            }
            if (key[p - width] >= 0) {
                int u = parent[i - cols];
                if (u != r) {
                    u = root(u);
                    if (r == i) {
                        r = u;
                    } else if (u != r) { // two components meet
                        r = merge(r, u);
                    }
                }
            }
            if (r == i) { // a new component
                compList[comps++] = i;
                sumF[i] = 0;
                sumX[i] = 0;
                sumY[i] = 0;
                sumCells[i] = 0;
                peak[i] = Float.NEGATIVE_INFINITY;
                top[i] = -1;
            }
            parent[i] = r;
            cur = r;
            double fi = v * forcePerKpa;
            f += fi;
            fx += fi * colX[cellCol[i]];
            c++;
            pk = v > pk ? v : pk;
            tk = Math.max(tk, ki);
        }
        if (cur >= 0) {
            add(cur, f, fx, ry * f, c, pk, tk);
        }
        rowMax[nr] = prevP;
        nr += prevBeatsLeft;
        rowMaxima = nr;
    }

    /** Roots a and b meet: the lower stays and takes in the other's sums. */
    private int merge(int a, int b) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        parent[hi] = lo;
        add(lo, sumF[hi], sumX[hi], sumY[hi], sumCells[hi], peak[hi], top[hi]);
        return lo;
    }

    private void add(int r, double f, double fx, double fy, int c, float pk, int tk) {
        sumF[r] += f;
        sumX[r] += fx;
        sumY[r] += fy;
        sumCells[r] += c;
        if (pk > peak[r]) {
            peak[r] = pk;
        }
        top[r] = Math.max(top[r], tk);
    }

    /** Local maxima per component (only in frames where some component has more than one). */
    private void countMaxima() {
        for (int c = 0; c < comps; c++) {
            maxima[compList[c]] = 0;
        }
        for (int k = 0; k < count; k++) {
            int i = loaded[k];
            int p = padded[i];
            int ki = key[p];
            if (ki > key[p - 1] & ki > key[p + 1] & ki > key[p - width] & ki > key[p + width]) {
                maxima[root(i)]++;
            }
        }
    }

    /**
     * The given (loaded) cells in ascending pressure order into {@code order}, by a counting sort on
     * {@link Watershed#BUCKETS_PER_KPA} buckets per kPa (linear time, no allocation; cells within one bucket keep index order:
     * a quarter kPa does not change which contact a cell belongs to).
     */
    void sortByPressure(float[] kpa, int[] cells, int m, int[] order) {
        int top = 0;
        for (int k = 0; k < m; k++) {
            int bk = key(kpa[cells[k]], 0) >> 16;
            loadedBucket[k] = bk;
            top = Math.max(top, bk);
        }
        Arrays.fill(bucketStart, 0, top + 2, 0);
        for (int k = 0; k < m; k++) {
            bucketStart[loadedBucket[k] + 1]++;
        }
        for (int b = 1; b <= top + 1; b++) {
            bucketStart[b] += bucketStart[b - 1];
        }
        for (int k = 0; k < m; k++) {
            order[bucketStart[loadedBucket[k]]++] = cells[k];
        }
    }

    private int root(int i) {
        return UnionFind.root(parent, i);
    }

    /** Loaded cells of this frame, in index order. */
    int loaded() {
        return count;
    }

    int loadedCell(int k) {
        return loaded[k];
    }

    /** The component (its root) of the k-th loaded cell. */
    int componentOf(int k) {
        return root(loaded[k]);
    }

    int components() {
        return comps;
    }

    /** The k-th component's root. */
    int component(int k) {
        return compList[k];
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

    float peak(int r) {
        return peak[r];
    }

    /** Local maxima of component r (cells above all their loaded neighbours in flood order). */
    int maxima(int r) {
        return maxima[r];
    }

    /** The cell of component r's local maximum (its only one when {@link #maxima} is 1). */
    int top(int r) {
        return top[r] & 0xFFFF;
    }
}
