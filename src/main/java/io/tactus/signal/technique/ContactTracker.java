package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;
import io.tactus.signal.state.Scratch;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Separates the calibrated frame into contacts and follows them across frames, without allocating per frame.
 * The frame is flooded into basins ({@link Watershed}: connected components with merged blobs split where two
 * real contacts meet), the basins become this frame's contacts ({@link ContactParts}: close peaks and weak
 * companions joined, noise dropped), and each contact is matched to a track here.
 *
 * <p><b>Identity</b>: each contact is matched to the nearest track (greedy over all pairs in order of distance,
 * which equals the optimal assignment when contacts are further apart than they move in a frame), within a gate
 * of {@link #GATE_MM} or the distance a hand moves at {@link #GATE_SPEED_MM_S} in one frame. A track that finds no
 * contact coasts for {@link #COAST_S} (a hand flickering at the contact level is the same hand), then ends.
 */
public final class ContactTracker implements Checkpointable<ContactTracker.State> {

    /** Copies of the track slot arrays (in {@code slots()} order), next id, last time, contacts counted. */
    public record State(List<Object> slots, int nextId, long lastUs, int counted) {
    }

    /**
     * A contact takes in the loaded cells around it down to this share of the contact level: its centre then
     * moves smoothly as its edge crosses cell borders (on a coarse mat a knuckle column's edge row jumps from 0 to
     * the contact level and back, moving the centre in steps of a row) and stays on the hand as it lands and lifts.
     */
    public static final double SKIRT = 0.25;
    public static final double GATE_MM = 40;
    public static final double GATE_SPEED_MM_S = 1500;
    public static final double COAST_S = 0.05;
    /** Most contacts followed at once (two hands, each with a thumb apart, and spare). */
    public static final int MAX_TRACKS = 8;

    private final Watershed flood;
    private final double forcePerKpa;
    @Scratch
    private final ContactParts parts = new ContactParts();

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
    private int counted;
    private long lastUs = Long.MIN_VALUE;

    public ContactTracker(int rows, int cols, double[] colX, double[] rowY, double cellAreaMm2) {
        flood = new Watershed(rows, cols, colX, rowY, cellAreaMm2);
        forcePerKpa = cellAreaMm2 / 1000.0;
    }

    /** A track counts as a contact in {@link #contactsSeen()} when it lasted at least this (not a flicker). */
    public static final double MIN_CONTACT_S = 0.1;

    /** Contacts tracked since the start that lasted at least {@link #MIN_CONTACT_S}. */
    public int contactsSeen() {
        int k = counted;
        for (int s = 0; s < MAX_TRACKS; s++) {
            if (active[s] && lastSeen[s] - since[s] >= MIN_CONTACT_S * 1e6) {
                k++;
            }
        }
        return k;
    }

    private void ended(int s) {
        active[s] = false;
        ended[s] = true;
        if (lastSeen[s] - since[s] >= MIN_CONTACT_S * 1e6) {
            counted++;
        }
    }

    /**
     * Segments one calibrated frame and updates the tracks.
     *
     * @param kpa      calibrated, filtered, noise-floored pressure per cell, row-major
     * @param cells    the cells above the noise floor in ascending index order (every cell above 0 among them)
     * @param count    how many entries of {@code cells} are this frame's
     * @param levelKpa contact level: cells at or above it belong to a contact
     */
    public void update(long t, float[] kpa, int[] cells, int count, double levelKpa) {
        flood.flood(kpa, cells, count, (float) levelKpa, (float) (SKIRT * levelKpa));
        parts.collect(flood, (float) levelKpa);
        associate(t);
    }

    /**
     * One frame of a glove: one contact at its pose (mat mm) while its highest taxel is at or above the contact
     * level (NaN pose: not placed yet, no contact). The glove's taxels have no positions of their own; the pose
     * trail is what moves.
     */
    public void updatePoint(long t, double x, double y, float[] taxelKpa, double levelKpa) {
        double peakKpa = 0;
        double sum = 0;
        for (float v : taxelKpa) {
            peakKpa = Math.max(peakKpa, v);
            sum += v;
        }
        parts.point(x, y, peakKpa, peakKpa >= levelKpa && levelKpa > 0 ? sum * forcePerKpa : 0);
        associate(t);
    }

    /** Ends every track (end of stream); their {@link #ended} flags are set. */
    public void endAll() {
        for (int s = 0; s < MAX_TRACKS; s++) {
            started[s] = false;
            seen[s] = false;
            ended[s] = false;
            if (active[s]) {
                ended(s);
            }
        }
    }

    // ------------------------------------------------------------------ association

    private void associate(long t) {
        double dtS = lastUs == Long.MIN_VALUE ? 0.01 : Math.max(0, (t - lastUs) / 1e6);
        lastUs = t;
        double gate = Math.max(GATE_MM, GATE_SPEED_MM_S * dtS);
        double gate2 = gate * gate;
        int tracks = 0;
        for (int s = 0; s < MAX_TRACKS; s++) {
            seen[s] = false;
            started[s] = false;
            ended[s] = false;
            tracks += active[s] ? 1 : 0;
        }
        final int parts = this.parts.count();
        int contacts = 0;
        for (int b = 0; b < parts; b++) {
            contacts += this.parts.free(b) ? 1 : 0;
        }
        // greedy: the closest remaining (track, contact) pair first, while both are left
        for (int pairs = Math.min(tracks, contacts); pairs > 0; pairs--) {
            int bestS = -1;
            int bestB = -1;
            double best = gate2;
            for (int s = 0; s < MAX_TRACKS; s++) {
                if (!active[s] || seen[s]) {
                    continue;
                }
                for (int b = 0; b < parts; b++) {
                    if (!this.parts.free(b)) {
                        continue;
                    }
                    double dx = this.parts.x(b) - x[s];
                    double dy = this.parts.y(b) - y[s];
                    double d2 = dx * dx + dy * dy;
                    if (d2 < best) {
                        best = d2;
                        bestS = s;
                        bestB = b;
                    }
                }
            }
            if (bestS < 0) {
                break; // the rest are further apart than the gate
            }
            this.parts.assign(bestB, bestS);
            take(bestS, bestB, t);
        }
        for (int s = 0; s < MAX_TRACKS; s++) {
            if (active[s] && !seen[s] && t - lastSeen[s] > COAST_S * 1e6) {
                ended(s);
            }
        }
        for (int b = 0; b < parts; b++) {
            if (!this.parts.free(b)) {
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
            this.parts.assign(b, free);
            take(free, b, t);
        }
    }

    private void take(int s, int b, long t) {
        x[s] = parts.x(b);
        y[s] = parts.y(b);
        peak[s] = parts.peak(b);
        force[s] = parts.force(b);
        cells[s] = parts.cells(b);
        lastSeen[s] = t;
        seen[s] = true;
    }

    /** Blobs (contacts) found in the latest frame, after merging companions and dropping noise. */
    public int contactsInFrame() {
        return parts.contacts();
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
        return new State(List.copyOf(copies), nextId, lastUs, counted);
    }

    @Override
    public void restore(State s) {
        Object[] dst = slots();
        for (int k = 0; k < dst.length; k++) {
            System.arraycopy(s.slots().get(k), 0, dst[k], 0, MAX_TRACKS);
        }
        nextId = s.nextId();
        lastUs = s.lastUs();
        counted = s.counted();
    }
}
