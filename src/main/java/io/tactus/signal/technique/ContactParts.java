package io.tactus.signal.technique;

/**
 * The contacts of one frame, from the basins a {@link Watershed} left standing, without allocating. Parts whose
 * peaks are closer than {@link Watershed#SPLIT_MIN_MM} are one contact even without loaded cells between them (the
 * knuckles of a fist on a fine mat, two parts touching only at a corner). Then a weak part next to a strong one
 * (peak below {@link Watershed#SPLIT_RATIO} of a contact whose centre is within {@link #COMPANION_MM}) joins it: the
 * lighter palm of a flat hand belongs to its heel. Parts of fewer than {@link #MIN_CELLS} cells are noise unless
 * clearly pressed ({@link #SINGLE_CELL_FACTOR}). Everything here is one frame's working memory.
 */
final class ContactParts {

    static final double COMPANION_MM = 70;
    static final int MIN_CELLS = 2;
    /** A part of fewer than {@link #MIN_CELLS} cells counts when its peak is this many times the contact level. */
    static final double SINGLE_CELL_FACTOR = 3;
    private static final int MAX_PARTS = 32;

    private int count;
    private final double[] force = new double[MAX_PARTS];
    private final double[] sx = new double[MAX_PARTS];
    private final double[] sy = new double[MAX_PARTS];
    private final double[] peak = new double[MAX_PARTS];
    private final int[] cells = new int[MAX_PARTS];
    /** The basin (its root cell) each part came from, for the peak distances. */
    private final int[] basin = new int[MAX_PARTS];
    private final int[] parent = new int[MAX_PARTS];
    private final boolean[] alive = new boolean[MAX_PARTS];
    /** Force-weighted centres, fixed once the parts are joined (the tracker's matching reads them many times). */
    private final double[] cx = new double[MAX_PARTS];
    private final double[] cy = new double[MAX_PARTS];
    /** The track slot a part went to, -1 while unassigned. */
    private final int[] track = new int[MAX_PARTS];

    /** This frame's contacts from the flooded frame (level: the contact level the flood used). */
    void collect(Watershed w, double level) {
        count = 0;
        for (int k = 0; k < w.basins() && count < MAX_PARTS; k++) {
            int r = w.basin(k);
            if (!w.standing(r)) {
                continue;
            }
            int b = count++;
            force[b] = w.force(r);
            sx[b] = w.forceX(r);
            sy[b] = w.forceY(r);
            peak[b] = w.peak(r);
            basin[b] = r;
            cells[b] = w.cells(r);
            alive[b] = true;
            track[b] = -1;
        }
        joinClosePeaks(w);
        joinCompanions();
        for (int b = 0; b < count; b++) {
            // a thumb centred on a coarse cell loads that one cell; a lone cell is a contact when it is clearly
            // pressed (a noise spike past the noise floor is not)
            if (cells[b] < MIN_CELLS && peak[b] < SINGLE_CELL_FACTOR * level) {
                alive[b] = false;
            }
        }
        centres();
    }

    private void centres() {
        for (int b = 0; b < count; b++) {
            cx[b] = sx[b] / force[b];
            cy[b] = sy[b] / force[b];
        }
    }

    /** Parts with peaks closer than the split distance are one (the higher peak stays the root). */
    private void joinClosePeaks(Watershed w) {
        for (int b = 0; b < count; b++) {
            parent[b] = b;
        }
        double min2 = Watershed.SPLIT_MIN_MM * Watershed.SPLIT_MIN_MM;
        for (int a = 0; a < count; a++) {
            for (int b = a + 1; b < count; b++) {
                if (w.nearestPeaks2(basin[a], basin[b]) < min2) {
                    int ra = root(a);
                    int rb = root(b);
                    if (ra != rb) {
                        if (peak[ra] >= peak[rb]) {
                            parent[rb] = ra;
                        } else {
                            parent[ra] = rb;
                        }
                    }
                }
            }
        }
        for (int b = 0; b < count; b++) {
            int r = root(b);
            if (r != b) {
                join(r, b);
            }
        }
    }

    /** A weak part within {@link #COMPANION_MM} of a much stronger one joins it. */
    private void joinCompanions() {
        for (int w = 0; w < count; w++) {
            if (!alive[w]) {
                continue;
            }
            double wx = sx[w] / force[w];
            double wy = sy[w] / force[w];
            for (int s = 0; s < count; s++) {
                if (s == w || !alive[s] || peak[w] >= Watershed.SPLIT_RATIO * peak[s]) {
                    continue;
                }
                double dx = sx[s] / force[s] - wx;
                double dy = sy[s] / force[s] - wy;
                if (dx * dx + dy * dy <= COMPANION_MM * COMPANION_MM) {
                    join(s, w);
                    break;
                }
            }
        }
    }

    private void join(int into, int b) {
        force[into] += force[b];
        sx[into] += sx[b];
        sy[into] += sy[b];
        cells[into] += cells[b];
        alive[b] = false;
    }

    private int root(int b) {
        while (parent[b] != b) {
            b = parent[b];
        }
        return b;
    }

    /**
     * This frame's one contact of a device that measures its position instead of imaging it (a glove at its
     * pose), or none ({@code force <= 0}).
     */
    void point(double x, double y, double peakKpa, double forceN) {
        count = 0;
        if (!(forceN > 0) || Double.isNaN(x) || Double.isNaN(y)) {
            return;
        }
        count = 1;
        force[0] = forceN;
        sx[0] = x * forceN;
        sy[0] = y * forceN;
        peak[0] = peakKpa;
        cells[0] = 1;
        alive[0] = true;
        track[0] = -1;
        centres();
    }

    /** Parts of this frame, some not contacts ({@link #contact}). */
    int count() {
        return count;
    }

    /** Part b is a contact not yet given to a track. */
    boolean free(int b) {
        return alive[b] && track[b] < 0;
    }

    boolean contact(int b) {
        return alive[b];
    }

    void assign(int b, int slot) {
        track[b] = slot;
    }

    /** Force-weighted centre, mat mm. */
    double x(int b) {
        return cx[b];
    }

    double y(int b) {
        return cy[b];
    }

    double peak(int b) {
        return peak[b];
    }

    double force(int b) {
        return force[b];
    }

    int cells(int b) {
        return cells[b];
    }

    /** Contacts in this frame. */
    int contacts() {
        int k = 0;
        for (int b = 0; b < count; b++) {
            if (alive[b]) {
                k++;
            }
        }
        return k;
    }
}
