package io.tactus.signal.technique;

import io.tactus.signal.state.Scratch;
import java.util.Arrays;

/**
 * Splits one calibrated frame into basins, without allocating: a watershed by flooding (the "persistence"
 * variant). The cells at or above the contact level are visited from the highest pressure down (a counting sort
 * in quarter-kPa steps); a cell joins the basin of its highest-peaked 4-neighbour, and where two basins meet they
 * merge unless both are real contacts: the lower peak is at least {@link #SPLIT_RATIO} of the higher, the meeting
 * level has dropped at least {@link #SPLIT_DEPTH} below the lower peak, and the peaks are at least
 * {@link #SPLIT_MIN_MM} apart. So two palms side by side, or a thumb beside a palm, are two basins even when their
 * cells touch; the knuckles of one fist (a ridge, no deep saddle) or a noisy plateau stay one. Each basin keeps its
 * force, its force-weighted centre, its cell count and the peaks merged into it; {@link ContactParts} turns the
 * surviving basins into contacts.
 *
 * <p>Cost: the loaded cells' connected components come first ({@link CellComponents}: two passes in index order
 * over the cells the measuring loop listed). A component with one local maximum is the one basin the flood would
 * make of it, and so is one with two that the flood cannot keep apart ({@link #oneContact}: a hand with a lighter
 * finger pad away from its heel), so only the rare components left (two hands touching, a thumb beside a palm, a
 * noisy plateau) are sorted and flooded. The flood's labels live in a grid padded with "no basin" (no edge tests) and
 * are reset after the frame; a cell touching one basin only skips the peak comparison.
 */
final class Watershed {

    static final double SPLIT_RATIO = 0.55;
    static final double SPLIT_DEPTH = 0.3;
    static final double SPLIT_MIN_MM = 30;

    static final int BUCKETS_PER_KPA = 4;
    static final int BUCKETS = 4096;
    private static final int SUB_PEAKS = 8;

    /** Columns of the padded grid: the mat with a border of one cell all round, which is never part of a basin. */
    private final int width;
    /** The id of "no basin": a label no cell of the mat has, its own root, with a peak below any pressure. */
    private final int none;
    private final double[] colX;
    private final double[] rowY;
    private final double forcePerKpa;
    private final boolean shortcuts;
    private final int rows;
    private final int cols;
    /** Row and column of each cell (no integer division per cell and frame). */
    private final int[] cellRow;
    private final int[] cellCol;
    /** Each cell's index in the padded grid: its 4 neighbours are at -1, +1, -width, +width, with no edge test. */
    private final int[] padded;
    /**
     * Per cell of the padded grid: the basin the cell joined in this frame (the root it joined, followed through
     * {@link #parent} to the basin it belongs to now), else {@link #none}. Every entry is {@link #none} between
     * frames: the flood resets the cells it labelled when it is done (a few tens of cells, not the whole grid).
     */
    private final int[] label;
    /** The loaded cells' components: most are one basin as they stand, only the others are flooded. */
    private final CellComponents components;

    // one frame's working memory (every field below is written before it is read in each frame)
    @Scratch
    private final int[] order;
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
    private int flooded;
    /**
     * Per basin (numbered in the order they start, and {@link #none}): the basin it merged into, itself while it
     * stands. Numbered rather than named by a cell so that all basins' sums sit in the first lines of each array
     * ({@link CellComponents}: cache lines are the cost).
     */
    @Scratch
    private final int[] parent;
    /** Per basin: the cell that started it (its highest). */
    @Scratch
    private final int[] basinCell;
    @Scratch
    private final float[] basinPeak;
    /** Per basin root: the peaks of the basins merged into it (a fist's knuckles), up to {@link #SUB_PEAKS}. */
    @Scratch
    private final int[] subPeak;
    @Scratch
    private final int[] subPeaks;
    @Scratch
    private final int[] roots = new int[4];
    /** Per component root: flooded in this frame (reset when the frame is done). */
    @Scratch
    private final boolean[] toFlood;
    @Scratch
    private final int[] floodCells;

    Watershed(int rows, int cols, double[] colX, double[] rowY, double cellAreaMm2) {
        this(rows, cols, colX, rowY, cellAreaMm2, true);
    }

    /**
     * @param shortcuts false to flood every component, even those the flood would leave whole (tests compare the
     *                  two)
     */
    Watershed(int rows, int cols, double[] colX, double[] rowY, double cellAreaMm2, boolean shortcuts) {
        this.shortcuts = shortcuts;
        this.colX = colX.clone();
        this.rowY = rowY.clone();
        this.forcePerKpa = cellAreaMm2 / 1000.0;
        int n = rows * cols;
        this.rows = rows;
        this.cols = cols;
        width = cols + 2;
        none = n;
        cellRow = new int[n];
        cellCol = new int[n];
        padded = new int[n];
        for (int i = 0; i < n; i++) {
            cellRow[i] = i / cols;
            cellCol[i] = i % cols;
            padded[i] = (cellRow[i] + 1) * width + cellCol[i] + 1;
        }
        label = new int[(rows + 2) * width];
        Arrays.fill(label, none);
        order = new int[n];
        sumF = new double[n];
        sumX = new double[n];
        sumY = new double[n];
        sumCells = new int[n];
        basinList = new int[n];
        parent = new int[n + 1];
        parent[none] = none;
        basinPeak = new float[n + 1];
        basinPeak[none] = Float.NEGATIVE_INFINITY;
        subPeak = new int[n * SUB_PEAKS];
        subPeaks = new int[n];
        toFlood = new boolean[n];
        floodCells = new int[n];
        basinCell = new int[n];
        components = new CellComponents(rows, cols, this.colX, this.rowY, forcePerKpa);
    }

    /**
     * Floods one frame; then {@link #basins()} and the per-basin getters describe it.
     *
     * @param kpa   pressure per cell, row-major
     * @param cells the cells that may be loaded, in ascending index order: every cell whose pressure is above 0
     *              must be among them (the measuring loop lists the cells above the noise floor as it goes, so
     *              the flood never scans the whole frame)
     * @param count how many entries of {@code cells} are this frame's
     * @param level contact level: a basin starts at a cell at or above it, and basins meet only there
     * @param skirt the lower level down to which a basin takes in the cells around it (its skirt)
     */
    void flood(float[] kpa, int[] cells, int count, float level, float skirt) {
        CellComponents c = components;
        c.find(kpa, cells, count, Math.max(skirt, Float.MIN_VALUE)); // a cell reading 0 is never loaded
        basins = 0;
        int rest = 0;
        for (int k = 0; k < c.components(); k++) {
            int r = c.component(k);
            if (!(c.peak(r) >= level)) {
                continue; // skirt only: no basin starts in it
            }
            int top = c.top(r);
            int maxima = c.maxima(r);
            if (shortcuts && maxima == 1 && !(kpa[top] < level)) {
                oneBasin(r, top, -1);
            } else if (shortcuts && maxima == 2 && oneContact(kpa, top, c.otherMax(r), level)) {
                oneBasin(r, top, c.otherMax(r));
            } else {
                toFlood[r] = true;
                rest++;
            }
        }
        flooded = rest;
        if (rest > 0) {
            floodRest(kpa, level);
        }
        inFloodOrder(kpa);
    }

    /**
     * Component r as the one basin the flood would make of it, started at its top cell s, with every cell: its only
     * local maximum, or (other >= 0) the maximum the basin takes in on the way ({@link #oneContact}).
     */
    private void oneBasin(int r, int s, int other) {
        CellComponents c = components;
        int b = basins;
        basinCell[b] = s;
        parent[b] = b;
        basinPeak[b] = c.peak(r);
        subPeak[b * SUB_PEAKS] = s;
        subPeaks[b] = 1;
        if (other >= 0) {
            subPeak[b * SUB_PEAKS + subPeaks[b]++] = other;
        }
        sumF[b] = c.force(r);
        sumX[b] = c.forceX(r);
        sumY[b] = c.forceY(r);
        sumCells[b] = c.cells(r);
        basinList[basins++] = b;
    }

    /**
     * A component's two local maxima, its top and a lower one, are one basin as the component stands when the
     * flood could not keep them apart: the lower is below {@link #SPLIT_RATIO} of the top, so {@link #separate}
     * fails whatever the level they meet at, and they meet above the contact level (joined by cells at or above
     * it: where they meet only in their skirts the flood keeps them apart). Both must be at or above the contact
     * level, so that every cell of the component joins a basin. The bounds are the flood's own: a basin's peak is
     * below the top of its first cell's quarter-kPa bucket. On the routine scene this is nearly every component
     * with two maxima (a hand with a lighter finger pad away from its heel), and a search from the top over the
     * cells above the level costs less than sorting and flooding them. The force sums are the component's, added in
     * index order rather than flood order (the last bits of a centre could differ; on TrackingGoldenTest's scenes
     * they do not).
     */
    private boolean oneContact(float[] kpa, int top, int other, float level) {
        float hi = kpa[top];
        float lo = kpa[other];
        if (!(lo >= level) || !(hi >= level)) {
            return false;
        }
        int bucket = Math.min(CellComponents.key(hi, 0), CellComponents.key(lo, 0)) >> 16;
        if (bucket >= BUCKETS - 1) {
            return false; // the last bucket has no top
        }
        float loPeakBound = (bucket + 1) / (float) BUCKETS_PER_KPA;
        return loPeakBound <= SPLIT_RATIO * Math.max(hi, lo) && joinedAbove(kpa, top, other, level);
    }

    /** True when cells at or above the level join cell a to cell b (4-neighbours): a search from a, stopped at b. */
    private boolean joinedAbove(float[] kpa, int a, int b, float level) {
        final int mark = none + 1; // a label no basin has; every label is reset below
        int[] seen = floodCells;
        int n = 0;
        seen[n++] = a;
        label[padded[a]] = mark;
        boolean found = false;
        for (int head = 0; head < n && !found; head++) {
            int i = seen[head];
            int row = cellRow[i];
            int col = cellCol[i];
            for (int d = 0; d < 4; d++) {
                int j = d == 0 ? (col > 0 ? i - 1 : -1) : d == 1 ? (col < cols - 1 ? i + 1 : -1)
                        : d == 2 ? (row > 0 ? i - cols : -1) : (row < rows - 1 ? i + cols : -1);
                if (j < 0 || label[padded[j]] == mark || !(kpa[j] >= level)) {
                    continue;
                }
                if (j == b) {
                    found = true;
                    break;
                }
                label[padded[j]] = mark;
                seen[n++] = j;
            }
        }
        for (int k = 0; k < n; k++) {
            label[padded[seen[k]]] = none;
        }
        return found;
    }

    /** The watershed flood over the cells of the components marked {@link #toFlood} (class comment). */
    private void floodRest(float[] kpa, float level) {
        CellComponents c = components;
        int n = 0;
        for (int k = 0; k < c.loaded(); k++) {
            if (toFlood[c.componentOf(k)]) {
                floodCells[n++] = c.loadedCell(k);
            }
        }
        for (int k = 0; k < c.components(); k++) {
            toFlood[c.component(k)] = false;
        }
        components.sortByPressure(kpa, floodCells, n, order);
        for (int k = n - 1; k >= 0; k--) {
            floodCell(kpa, order[k], level);
        }
        for (int k = 0; k < n; k++) {
            label[padded[order[k]]] = none; // the invariant between frames: no cell is labelled
        }
    }

    /** Basins in the order the flood starts them (highest key first), whichever way they were found. */
    private void inFloodOrder(float[] kpa) {
        for (int k = 1; k < basins; k++) {
            int b = basinList[k];
            int kb = key(kpa, b);
            int j = k - 1;
            while (j >= 0 && key(kpa, basinList[j]) < kb) {
                basinList[j + 1] = basinList[j];
                j--;
            }
            basinList[j + 1] = b;
        }
    }

    /** The flood key of basin b's first cell. */
    private int key(float[] kpa, int b) {
        int s = basinCell[b];
        return CellComponents.key(kpa[s], s);
    }

    /** One cell, in descending pressure order: joins, starts or merges basins (class comment). */
    private void floodCell(float[] kpa, int i, float level) {
        float v = kpa[i];
        int p = padded[i];
        // the basins of the 4 neighbours already flooded ({@link #none} where there is none), in the order left,
        // right, up, down; the highest peak wins, the first of equals
        int l0 = label[p - 1];
        int l1 = label[p + 1];
        int l2 = label[p - width];
        int l3 = label[p + width];
        int lo = Math.min(Math.min(l0, l1), Math.min(l2, l3)); // {@link #none} is the largest id
        // the usual cell touches one basin, or none: no peaks to compare, nothing to merge (the test is written
        // without short-circuits: which neighbours are flooded varies from cell to cell, a branch on each would be
        // mispredicted often)
        boolean one = (l0 == lo | l0 == none) & (l1 == lo | l1 == none) & (l2 == lo | l2 == none)
                & (l3 == lo | l3 == none);
        int r0 = none;
        int r1 = none;
        int r2 = none;
        int r3 = none;
        int a;
        if (one) {
            a = find(lo);
        } else {
            r0 = find(l0);
            r1 = find(l1);
            r2 = find(l2);
            r3 = find(l3);
            a = r0;
            a = basinPeak[r1] > basinPeak[a] ? r1 : a;
            a = basinPeak[r2] > basinPeak[a] ? r2 : a;
            a = basinPeak[r3] > basinPeak[a] ? r3 : a;
        }
        boolean inSkirt = v < level;
        if (a == none) {
            if (!inSkirt) { // below the contact level and touching no contact: not part of one
                startBasin(i, p, v);
            }
            return;
        }
        label[p] = a;
        double f = v * forcePerKpa;
        sumF[a] += f;
        sumX[a] += f * colX[cellCol[i]];
        sumY[a] += f * rowY[cellRow[i]];
        sumCells[a]++;
        if (v > basinPeak[a]) { // same pressure bucket, a little higher than the basin's first cell
            basinPeak[a] = v;
        }
        if (!one && !inSkirt) { // contacts that touch only in their skirts stay apart
            meet(a, r0, r1, r2, r3, v);
        }
    }

    private void startBasin(int i, int p, float v) {
        int b = basins;
        basinCell[b] = i;
        label[p] = b;
        parent[b] = b;
        basinPeak[b] = v;
        subPeak[b * SUB_PEAKS] = i;
        subPeaks[b] = 1;
        double f = v * forcePerKpa;
        sumF[b] = f;
        sumX[b] = f * colX[cellCol[i]];
        sumY[b] = f * rowY[cellRow[i]];
        sumCells[b] = 1;
        basinList[basins++] = b;
    }

    /**
     * Basins a and r0..r3 (distinct ones in that order, {@link #none} and a aside) meet at level v: a takes in the
     * others unless they stay apart.
     */
    private void meet(int a, int r0, int r1, int r2, int r3, float v) {
        int nr = 0;
        roots[nr++] = r0;
        if (r1 != r0) {
            roots[nr++] = r1;
        }
        if (r2 != r0 && r2 != r1) {
            roots[nr++] = r2;
        }
        if (r3 != r0 && r3 != r1 && r3 != r2) {
            roots[nr++] = r3;
        }
        for (int q = 0; q < nr; q++) {
            int b = roots[q];
            if (b != a && b != none && !separate(a, b, v)) {
                parent[b] = a;
                absorbPeaks(a, b);
                sumF[a] += sumF[b];
                sumX[a] += sumX[b];
                sumY[a] += sumY[b];
                sumCells[a] += sumCells[b];
            }
        }
    }

    /** Components of this frame that were sorted and flooded (the others were whole basins as they stood). */
    int flooded() {
        return flooded;
    }

    /** Basins started in this frame, some merged into others since ({@link #root}). */
    int basins() {
        return basins;
    }

    /** The k-th basin in flood order (its number). */
    int basin(int k) {
        return basinList[k];
    }

    /** The cell that started basin b: its highest. */
    int basinCell(int b) {
        return basinCell[b];
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

    /** The basin a basin (or {@link #none}) belongs to now; merged basins point at the one that took them in. */
    private int find(int i) {
        return UnionFind.root(parent, i); // a standing basin, or one merged once, in one step
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
}
