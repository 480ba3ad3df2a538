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
 *
 * <p>Memory layout: the rest of the pipeline streams tens of kilobytes per frame through the cache, so what this
 * costs is mostly the cache lines it touches, not its arithmetic. Components are numbered 0, 1, 2... in the order
 * they appear (not named by a cell), so all their sums sit in the first line or two of each array, the same lines
 * every frame; a cell's row and column are computed, not looked up in tables.
 */
final class CellComponents {

    /** Keys of the padded grid: -1 where a cell is not loaded (and on the border), else bucket << 16 | cell. */
    private final int[] key;
    private final int width;
    private final int cols;
    /** {@code ceil(2^32 / cols)}: a cell's row is {@code i * rowMagic >>> 32}, exact for every cell (checked). */
    private final long rowMagic;
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
    /** Per loaded cell: the component it joined (followed through {@link #parent} to the one it is in now). */
    @Scratch
    private final int[] label;
    /**
     * Per component, numbered in the order they start: the one it merged into, itself while it stands. Where two
     * meet the earlier stays, so a component's root is the one holding its lowest cell.
     */
    @Scratch
    private final int[] parent;
    @Scratch
    private int ids;
    @Scratch
    private final int[] compList;
    @Scratch
    private int comps;
    /** Per component: force, force-weighted x and y, cells, peak, local maxima and the highest key (its top). */
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
    /** Per component with several local maxima: one of them other than its top (with two: the other one). */
    @Scratch
    private final int[] otherMax;
    @Scratch
    private final int[] loadedBucket;
    @Scratch
    private final int[] bucketStart = new int[Watershed.BUCKETS + 1];

    CellComponents(int rows, int cols, double[] colX, double[] rowY, double forcePerKpa) {
        int n = rows * cols;
        if (n > 1 << 16) {
            throw new IllegalArgumentException("a flood key holds a cell index in 16 bits: at most 65,536 cells, not "
                    + n);
        }
        this.cols = cols;
        this.width = cols + 2;
        this.rowMagic = ((1L << 32) + cols - 1) / cols;
        for (int i = 0; i < n; i++) {
            if (row(i) != i / cols) { // cannot happen below 2^16 cells; checked rather than assumed
                throw new IllegalStateException("row of cell " + i);
            }
        }
        this.colX = colX;
        this.rowY = rowY;
        this.forcePerKpa = forcePerKpa;
        key = new int[(rows + 2) * width];
        Arrays.fill(key, -1);
        loaded = new int[n];
        loadedP = new int[n];
        rowMax = new int[n + 1];
        label = new int[n];
        parent = new int[n];
        compList = new int[n];
        sumF = new double[n];
        sumX = new double[n];
        sumY = new double[n];
        sumCells = new int[n];
        peak = new float[n];
        maxima = new int[n];
        top = new int[n];
        otherMax = new int[n];
        loadedBucket = new int[n];
    }

    private int row(int i) {
        return (int) (i * rowMagic >>> 32);
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
        ids = 0;
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
            int row = row(i);
            int p = i + 2 * row + width + 1; // its place in the padded grid
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
                ry = rowY[row];
                c = 0;
                pk = Float.NEGATIVE_INFINITY;
                tk = -1;
                r = -1; // no component yet
            }
            if (key[p - width] >= 0) {
                int u = label[i - cols];
                if (u != r) {
                    u = root(u);
                    if (r < 0) {
                        r = u;
                    } else if (u != r) { // two components meet
                        r = merge(r, u);
                    }
                }
            }
            if (r < 0) { // a new component
                r = ids++;
                parent[r] = r;
                compList[comps++] = r;
                sumF[r] = 0;
                sumX[r] = 0;
                sumY[r] = 0;
                sumCells[r] = 0;
                peak[r] = Float.NEGATIVE_INFINITY;
                top[r] = -1;
            }
            label[i] = r;
            cur = r;
            double fi = v * forcePerKpa;
            f += fi;
            fx += fi * colX[i - row * cols];
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
            int p = loadedP[k];
            int ki = key[p];
            if (ki > key[p - 1] & ki > key[p + 1] & ki > key[p - width] & ki > key[p + width]) {
                int i = loaded[k];
                int r = root(label[i]);
                maxima[r]++;
                if (i != top(r)) {
                    otherMax[r] = i;
                }
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
        return root(label[loaded[k]]);
    }

    int components() {
        return comps;
    }

    /** The k-th component (its number, below the frame's cell count). */
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

    /** A local maximum of component r other than its {@link #top} (its other one when {@link #maxima} is 2). */
    int otherMax(int r) {
        return otherMax[r];
    }

    /** The cell of component r's local maximum (its only one when {@link #maxima} is 1). */
    int top(int r) {
        return top[r] & 0xFFFF;
    }
}
