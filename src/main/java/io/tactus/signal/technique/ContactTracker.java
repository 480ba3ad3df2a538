package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;
import io.tactus.signal.state.Scratch;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Separates the calibrated frame into contacts and follows them across frames, without allocating per frame.
 *
 * <p><b>Segmentation</b> (a watershed by flooding, the "persistence" variant): the cells at or above the contact
 * level are visited from the highest pressure down; a cell joins the basin of its highest-peaked 8-neighbour,
 * and where two basins meet they merge unless both are real contacts: the lower peak is at least
 * {@link #SPLIT_RATIO} of the higher, the meeting level has dropped at least {@link #SPLIT_DEPTH} below the lower
 * peak, and the peaks are at least {@link #SPLIT_MIN_MM} apart. So two palms side by side, or a thumb beside a
 * palm, are two contacts even when their cells touch; the knuckles of one fist (a ridge, no deep saddle) or a
 * noisy plateau stay one. Connected components fall out of the same pass (cells that never touch never merge).
 * Parts whose peaks are closer than {@link #SPLIT_MIN_MM} are one contact even without loaded cells between
 * them (the knuckles of a fist on a fine mat). Then a weak part next to a strong one (peak below
 * {@link #SPLIT_RATIO} of a contact whose centre is within {@link #COMPANION_MM}) joins it: the lighter palm of a flat hand belongs to its heel. Parts of fewer than
 * {@link #MIN_CELLS} cells are noise.
 *
 * <p><b>Identity</b>: each contact is matched to the nearest track (greedy over all pairs in order of distance,
 * which equals the optimal assignment when contacts are further apart than they move in a frame), within a gate
 * of {@link #GATE_MM} or the distance a hand moves at {@link #GATE_SPEED_MM_S} in one frame. A track that finds no
 * contact coasts for {@link #COAST_S} (a hand flickering at the contact level is the same hand), then ends.
 */
public final class ContactTracker implements Checkpointable<ContactTracker.State> {

    /** Copies of the track slot arrays (in {@code slots()} order), the frame counter, next id, last time. */
    public record State(List<Object> slots, int frame, int nextId, long lastUs) {
    }

    public static final double SPLIT_RATIO = 0.55;
    public static final double SPLIT_DEPTH = 0.3;
    public static final double SPLIT_MIN_MM = 30;
    public static final double COMPANION_MM = 70;
    public static final int MIN_CELLS = 2;
    /** A part of fewer than {@link #MIN_CELLS} cells counts when its peak is this many times the contact level. */
    public static final double SINGLE_CELL_FACTOR = 3;
    public static final double GATE_MM = 40;
    public static final double GATE_SPEED_MM_S = 1500;
    public static final double COAST_S = 0.05;
    /** Most contacts followed at once (two hands, each with a thumb apart, and spare). */
    public static final int MAX_TRACKS = 8;
    private static final int MAX_BLOBS = 32;

    private final int rows;
    private final int cols;
    private final double[] colX;
    private final double[] rowY;
    private final double forcePerKpa;

    // segmentation scratch (per cell): stamp marks this frame's cells by the frame counter, which is state
    @Scratch
    private final long[] keys;
    @Scratch
    private final int[] parent;
    @Scratch
    private final int[] stamp;
    @Scratch
    private final float[] basinPeak;
    @Scratch
    private final int[] basinPeakCell;
    /** Per basin root: the peaks of the basins merged into it (a fist's knuckles), up to {@link #SUB_PEAKS}. */
    @Scratch
    private final int[] subPeak;
    @Scratch
    private final int[] subPeaks;
    private static final int SUB_PEAKS = 8;
    @Scratch
    private final int[] blobOf;
    @Scratch
    private final int[] roots = new int[8];
    private int frame;

    // blobs of this frame
    @Scratch
    private int blobs;
    @Scratch
    private final double[] bForce = new double[MAX_BLOBS];
    @Scratch
    private final double[] bSx = new double[MAX_BLOBS];
    @Scratch
    private final double[] bSy = new double[MAX_BLOBS];
    @Scratch
    private final double[] bPeak = new double[MAX_BLOBS];
    @Scratch
    private final int[] bCells = new int[MAX_BLOBS];
    @Scratch
    private final int[] bTrack = new int[MAX_BLOBS];
    @Scratch
    private final int[] bPeakCell = new int[MAX_BLOBS];
    @Scratch
    private final int[] bRoot = new int[MAX_BLOBS];
    @Scratch
    private final int[] bParent = new int[MAX_BLOBS];
    @Scratch
    private final boolean[] bAlive = new boolean[MAX_BLOBS];

    // tracks (slots)
    final boolean[] active = new boolean[MAX_TRACKS];
    final int[] id = new int[MAX_TRACKS];
    final double[] x = new double[MAX_TRACKS];
    final double[] y = new double[MAX_TRACKS];
    final double[] peak = new double[MAX_TRACKS];
    final double[] force = new double[MAX_TRACKS];
    final int[] cells = new int[MAX_TRACKS];
    final long[] since = new long[MAX_TRACKS];
    final long[] lastSeen = new long[MAX_TRACKS];
    /** Seen in this frame (false while coasting). */
    final boolean[] seen = new boolean[MAX_TRACKS];
    /** Started in this frame. */
    final boolean[] started = new boolean[MAX_TRACKS];
    /** Ended in this frame (its values are the last seen ones). */
    final boolean[] ended = new boolean[MAX_TRACKS];
    private int nextId = 1;
    private long lastUs = Long.MIN_VALUE;

    public ContactTracker(int rows, int cols, double[] colX, double[] rowY, double cellAreaMm2) {
        this.rows = rows;
        this.cols = cols;
        this.colX = colX.clone();
        this.rowY = rowY.clone();
        this.forcePerKpa = cellAreaMm2 / 1000.0;
        int n = rows * cols;
        keys = new long[n];
        parent = new int[n];
        stamp = new int[n];
        basinPeak = new float[n];
        basinPeakCell = new int[n];
        subPeak = new int[n * SUB_PEAKS];
        subPeaks = new int[n];
        blobOf = new int[n];
    }

    /** Contacts seen since the start (ids handed out). */
    public int contactsSeen() {
        return nextId - 1;
    }

    /**
     * Segments one calibrated frame and updates the tracks.
     *
     * @param kpa      calibrated, filtered, noise-floored pressure per cell, row-major
     * @param levelKpa contact level: cells at or above it belong to a contact
     */
    public void update(long t, float[] kpa, double levelKpa) {
        segment(kpa, (float) levelKpa);
        associate(t);
    }

    /** Ends every track (end of stream); their {@link #ended} flags are set. */
    public void endAll() {
        for (int s = 0; s < MAX_TRACKS; s++) {
            started[s] = false;
            seen[s] = false;
            ended[s] = active[s];
            active[s] = false;
        }
    }

    // ------------------------------------------------------------------ segmentation

    private void segment(float[] kpa, float level) {
        frame++;
        if (frame == Integer.MAX_VALUE) {
            Arrays.fill(stamp, 0);
            frame = 1;
        }
        int m = 0;
        for (int i = 0; i < kpa.length; i++) {
            float v = kpa[i];
            if (v >= level && v > 0) {
                // positive floats order like their bit patterns: sort by pressure, then cell
                keys[m++] = ((long) Float.floatToIntBits(v) << 32) | i;
                stamp[i] = frame;
                parent[i] = -1;
            }
        }
        // at most rows * cols <= 4096 keys for a 64 x 64 mat: the JDK sorts that in place (no merge buffer)
        Arrays.sort(keys, 0, m);
        for (int k = m - 1; k >= 0; k--) {
            int i = (int) keys[k];
            float v = kpa[i];
            int nr = neighbourRoots(i);
            if (nr == 0) {
                parent[i] = i;
                basinPeak[i] = v;
                basinPeakCell[i] = i;
                subPeak[i * SUB_PEAKS] = i;
                subPeaks[i] = 1;
                continue;
            }
            int a = roots[0];
            for (int q = 1; q < nr; q++) {
                if (basinPeak[roots[q]] > basinPeak[a]) {
                    a = roots[q];
                }
            }
            parent[i] = a;
            for (int q = 0; q < nr; q++) {
                int b = roots[q];
                if (b != a && !separate(a, b, v)) {
                    parent[b] = a;
                    absorbPeaks(a, b);
                }
            }
        }
        collectBlobs(kpa, m);
        mergeCompanions(level);
    }

    private int neighbourRoots(int i) {
        int r = i / cols;
        int c = i - r * cols;
        int nr = 0;
        for (int dr = -1; dr <= 1; dr++) {
            int rr = r + dr;
            if (rr < 0 || rr >= rows) {
                continue;
            }
            for (int dc = -1; dc <= 1; dc++) {
                int cc = c + dc;
                if ((dr == 0 && dc == 0) || cc < 0 || cc >= cols) {
                    continue;
                }
                int j = rr * cols + cc;
                if (stamp[j] != frame || parent[j] < 0) {
                    continue;
                }
                int root = find(j);
                boolean known = false;
                for (int q = 0; q < nr; q++) {
                    known |= roots[q] == root;
                }
                if (!known) {
                    roots[nr++] = root;
                }
            }
        }
        return nr;
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

    private int blobRoot(int b) {
        while (bParent[b] != b) {
            b = bParent[b];
        }
        return b;
    }

    private double peakDistance2(int pa, int pb) {
        double dx = colX[pa % cols] - colX[pb % cols];
        double dy = rowY[pa / cols] - rowY[pb / cols];
        return dx * dx + dy * dy;
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
    private double nearestPeaks2(int a, int b) {
        double best = Double.MAX_VALUE;
        for (int p = 0; p < subPeaks[a]; p++) {
            for (int q = 0; q < subPeaks[b]; q++) {
                best = Math.min(best, peakDistance2(subPeak[a * SUB_PEAKS + p], subPeak[b * SUB_PEAKS + q]));
            }
        }
        return best;
    }

    private void absorbPeaks(int a, int b) {
        for (int q = 0; q < subPeaks[b] && subPeaks[a] < SUB_PEAKS; q++) {
            subPeak[a * SUB_PEAKS + subPeaks[a]++] = subPeak[b * SUB_PEAKS + q];
        }
    }

    private void collectBlobs(float[] kpa, int m) {
        blobs = 0;
        for (int k = m - 1; k >= 0; k--) {
            int i = (int) keys[k];
            int root = find(i);
            int b;
            if (root == i) {
                if (blobs == MAX_BLOBS) {
                    blobOf[i] = -1;
                    continue;
                }
                b = blobs++;
                blobOf[i] = b;
                bForce[b] = 0;
                bSx[b] = 0;
                bSy[b] = 0;
                bPeak[b] = kpa[i];
                bPeakCell[b] = i;
                bRoot[b] = i;
                bCells[b] = 0;
                bAlive[b] = true;
                bTrack[b] = -1;
            } else {
                // roots are visited before their members: cells come in descending order and a root is its
                // basin's highest cell
                b = blobOf[root];
                if (b < 0) {
                    continue;
                }
            }
            double f = kpa[i] * forcePerKpa;
            bForce[b] += f;
            bSx[b] += f * colX[i % cols];
            bSy[b] += f * rowY[i / cols];
            bCells[b]++;
        }
    }

    /**
     * Parts whose peaks are closer than {@link #SPLIT_MIN_MM} are one contact even when no loaded cell joins
     * them (a fist's knuckles on a fine mat), as the watershed keeps such basins together; then a weak part
     * within {@link #COMPANION_MM} of a much stronger one joins it.
     */
    private void mergeCompanions(float level) {
        for (int b = 0; b < blobs; b++) {
            bParent[b] = b;
        }
        for (int a = 0; a < blobs; a++) {
            for (int b = a + 1; b < blobs; b++) {
                if (nearestPeaks2(bRoot[a], bRoot[b]) < SPLIT_MIN_MM * SPLIT_MIN_MM) {
                    int ra = blobRoot(a);
                    int rb = blobRoot(b);
                    if (ra != rb) {
                        // the lower index has the higher peak: it stays the root
                        bParent[Math.max(ra, rb)] = Math.min(ra, rb);
                    }
                }
            }
        }
        for (int b = 1; b < blobs; b++) {
            int r = blobRoot(b);
            if (r != b) {
                bForce[r] += bForce[b];
                bSx[r] += bSx[b];
                bSy[r] += bSy[b];
                bCells[r] += bCells[b];
                bAlive[b] = false;
            }
        }
        // blobs are numbered in descending peak order (their roots came in that order)
        for (int w = 1; w < blobs; w++) {
            if (!bAlive[w]) {
                continue;
            }
            double wx = bSx[w] / bForce[w];
            double wy = bSy[w] / bForce[w];
            for (int s = 0; s < w; s++) {
                if (!bAlive[s] || bPeak[w] >= SPLIT_RATIO * bPeak[s]) {
                    continue;
                }
                double dx = bSx[s] / bForce[s] - wx;
                double dy = bSy[s] / bForce[s] - wy;
                if (dx * dx + dy * dy <= COMPANION_MM * COMPANION_MM) {
                    bForce[s] += bForce[w];
                    bSx[s] += bSx[w];
                    bSy[s] += bSy[w];
                    bCells[s] += bCells[w];
                    bAlive[w] = false;
                    break;
                }
            }
        }
        for (int b = 0; b < blobs; b++) {
            // a thumb centred on a coarse cell loads that one cell; a lone cell is a contact when it is clearly
            // pressed (a noise spike past the noise floor is not)
            if (bCells[b] < MIN_CELLS && bPeak[b] < SINGLE_CELL_FACTOR * level) {
                bAlive[b] = false;
            }
        }
    }

    // ------------------------------------------------------------------ association

    private void associate(long t) {
        double dtS = lastUs == Long.MIN_VALUE ? 0.01 : Math.max(0, (t - lastUs) / 1e6);
        lastUs = t;
        double gate = Math.max(GATE_MM, GATE_SPEED_MM_S * dtS);
        double gate2 = gate * gate;
        for (int s = 0; s < MAX_TRACKS; s++) {
            seen[s] = false;
            started[s] = false;
            ended[s] = false;
        }
        // greedy: the closest remaining (track, contact) pair first
        while (true) {
            int bestS = -1;
            int bestB = -1;
            double best = gate2;
            for (int s = 0; s < MAX_TRACKS; s++) {
                if (!active[s] || seen[s]) {
                    continue;
                }
                for (int b = 0; b < blobs; b++) {
                    if (!bAlive[b] || bTrack[b] >= 0) {
                        continue;
                    }
                    double dx = bSx[b] / bForce[b] - x[s];
                    double dy = bSy[b] / bForce[b] - y[s];
                    double d2 = dx * dx + dy * dy;
                    if (d2 < best) {
                        best = d2;
                        bestS = s;
                        bestB = b;
                    }
                }
            }
            if (bestS < 0) {
                break;
            }
            bTrack[bestB] = bestS;
            take(bestS, bestB, t);
        }
        for (int s = 0; s < MAX_TRACKS; s++) {
            if (active[s] && !seen[s] && t - lastSeen[s] > COAST_S * 1e6) {
                active[s] = false;
                ended[s] = true;
            }
        }
        for (int b = 0; b < blobs; b++) {
            if (!bAlive[b] || bTrack[b] >= 0) {
                continue;
            }
            int free = -1;
            for (int s = 0; s < MAX_TRACKS && free < 0; s++) {
                if (!active[s] && !ended[s]) {
                    free = s;
                }
            }
            if (free < 0) {
                break; // more simultaneous contacts than slots: the weakest are not followed
            }
            active[free] = true;
            started[free] = true;
            id[free] = nextId++;
            since[free] = t;
            bTrack[b] = free;
            take(free, b, t);
        }
    }

    private void take(int s, int b, long t) {
        x[s] = bSx[b] / bForce[b];
        y[s] = bSy[b] / bForce[b];
        peak[s] = bPeak[b];
        force[s] = bForce[b];
        cells[s] = bCells[b];
        lastSeen[s] = t;
        seen[s] = true;
    }

    /** Blobs (contacts) found in the latest frame, after merging companions and dropping noise. */
    public int contactsInFrame() {
        int k = 0;
        for (int b = 0; b < blobs; b++) {
            if (bAlive[b]) {
                k++;
            }
        }
        return k;
    }

    private Object[] slots() {
        return new Object[] {active, id, x, y, peak, force, cells, since, lastSeen, seen, started, ended};
    }

    @Override
    public State checkpoint() {
        List<Object> copies = new ArrayList<>();
        for (Object a : slots()) {
            Object c = Array.newInstance(a.getClass().getComponentType(), MAX_TRACKS);
            System.arraycopy(a, 0, c, 0, MAX_TRACKS);
            copies.add(c);
        }
        return new State(List.copyOf(copies), frame, nextId, lastUs);
    }

    @Override
    public void restore(State s) {
        Object[] dst = slots();
        for (int k = 0; k < dst.length; k++) {
            System.arraycopy(s.slots().get(k), 0, dst[k], 0, MAX_TRACKS);
        }
        frame = s.frame();
        nextId = s.nextId();
        lastUs = s.lastUs();
    }
}
