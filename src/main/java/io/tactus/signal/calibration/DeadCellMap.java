package io.tactus.signal.calibration;

import io.tactus.signal.state.Checkpointable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cells excluded from measurement and how each is filled: the mean of its live 8-neighbours (a glove taxel
 * has no neighbours and reads 0). Cells come from a tare, and during use from {@link #watch}: a cell reading
 * exactly 0 while its four neighbours read more than {@link #NEIGHBOUR_KPA} for {@link #FRAMES} consecutive
 * frames is a broken trace (pressure does not fall from 10 kPa to nothing within one cell).
 */
public final class DeadCellMap implements Checkpointable<DeadCellMap.State> {

    /** Dead flags, the zero-run counters of the live detection, and where each dead cell came from. */
    public record State(boolean[] dead, short[] zeroRun, List<DeadCell> fromTare, List<DeadCell> live) {
    }

    private static final System.Logger LOG = System.getLogger(DeadCellMap.class.getName());
    static final float NEIGHBOUR_KPA = 10f;
    static final int FRAMES = 10;

    private final int rows;
    private final int cols;
    private final boolean glove;
    private final boolean[] dead;
    private final short[] zeroRun;
    /** Some zeroRun is above 0 (derived from zeroRun, so not part of the checkpoint). */
    private boolean runsOpen;
    private final List<DeadCell> fromTare = new ArrayList<>();
    private final List<DeadCell> live = new ArrayList<>();
    private int[] deadIdx = new int[0];
    private int[] nbrStart = new int[] {0};
    private int[] nbrIdx = new int[0];

    public DeadCellMap(int rows, int cols, boolean glove) {
        this.rows = rows;
        this.cols = cols;
        this.glove = glove;
        dead = new boolean[rows * cols];
        zeroRun = new short[glove ? 0 : rows * cols];
    }

    public boolean isDead(int i) {
        return dead[i];
    }

    /** Replaces the tare's dead cells (those found during use stay). */
    public void setFromTare(List<DeadCell> cells) {
        fromTare.clear();
        fromTare.addAll(cells);
        Arrays.fill(dead, false);
        for (DeadCell d : fromTare) {
            dead[d.index()] = true;
        }
        for (DeadCell d : live) {
            dead[d.index()] = true;
        }
        buildNeighbours();
    }

    /** The tare's, then those found during use. */
    public List<DeadCell> all() {
        List<DeadCell> out = new ArrayList<>(fromTare);
        for (DeadCell d : live) {
            if (out.stream().noneMatch(x -> x.index() == d.index())) {
                out.add(d);
            }
        }
        return List.copyOf(out);
    }

    /** Overwrites each dead cell's kPa with its neighbours' mean. No allocation. */
    public void fill(float[] kpa) {
        for (int k = 0; k < deadIdx.length; k++) {
            float s = 0;
            int m = 0;
            for (int j = nbrStart[k]; j < nbrStart[k + 1]; j++) {
                s += kpa[nbrIdx[j]];
                m++;
            }
            kpa[deadIdx[k]] = m == 0 ? 0 : s / m;
        }
    }

    /**
     * Live detection over this frame's counts and calibrated kPa (before filling). No allocation.
     *
     * @param anyZero some cell reads 0 this frame; without one every zero run ends, so a frame without zeros and
     *                without a run in progress (a dense mat's usual frame) costs nothing
     */
    public void watch(int[] counts, float[] kpa, boolean anyZero) {
        if (glove) {
            return;
        }
        if (!anyZero) {
            if (runsOpen) {
                Arrays.fill(zeroRun, (short) 0);
                runsOpen = false;
            }
            return;
        }
        boolean open = false;
        for (int r = 1, i = cols + 1; r < rows - 1; r++, i += 2) {
            for (int c = 1; c < cols - 1; c++, i++) {
                if (counts[i] != 0 || dead[i]) {
                    zeroRun[i] = 0;
                    continue;
                }
                if (kpa[i - 1] > NEIGHBOUR_KPA && kpa[i + 1] > NEIGHBOUR_KPA && kpa[i - cols] > NEIGHBOUR_KPA
                        && kpa[i + cols] > NEIGHBOUR_KPA) {
                    if (++zeroRun[i] >= FRAMES) {
                        markLive(i);
                    } else {
                        open = true;
                    }
                } else {
                    zeroRun[i] = 0;
                }
            }
        }
        runsOpen = open;
    }

    private void markLive(int i) {
        dead[i] = true;
        zeroRun[i] = 0;
        live.add(new DeadCell(i, i / cols, i % cols, "reads 0 under load"));
        buildNeighbours();
        if (live.size() == 1) {
            LOG.log(System.Logger.Level.INFO, "dead cell found during use at row " + i / cols + ", column " + i % cols
                    + " (further ones are listed in deadCells())");
        }
    }

    private void buildNeighbours() {
        List<Integer> idx = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> nb = new ArrayList<>();
        for (int i = 0; i < dead.length; i++) {
            if (!dead[i]) {
                continue;
            }
            idx.add(i);
            starts.add(nb.size());
            if (glove) {
                continue; // taxels have no spatial neighbours: a dead taxel reads 0
            }
            int r = i / cols;
            int c = i % cols;
            for (int dr = -1; dr <= 1; dr++) {
                for (int dc = -1; dc <= 1; dc++) {
                    int rr = r + dr;
                    int cc = c + dc;
                    if ((dr != 0 || dc != 0) && rr >= 0 && rr < rows && cc >= 0 && cc < cols && !dead[rr * cols + cc]) {
                        nb.add(rr * cols + cc);
                    }
                }
            }
        }
        starts.add(nb.size());
        deadIdx = idx.stream().mapToInt(Integer::intValue).toArray();
        nbrStart = starts.stream().mapToInt(Integer::intValue).toArray();
        nbrIdx = nb.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public State checkpoint() {
        return new State(dead.clone(), zeroRun.clone(), List.copyOf(fromTare), List.copyOf(live));
    }

    @Override
    public void restore(State s) {
        System.arraycopy(s.dead(), 0, dead, 0, dead.length);
        System.arraycopy(s.zeroRun(), 0, zeroRun, 0, zeroRun.length);
        runsOpen = false;
        for (short z : zeroRun) {
            runsOpen |= z > 0;
        }
        fromTare.clear();
        fromTare.addAll(s.fromTare());
        live.clear();
        live.addAll(s.live());
        buildNeighbours();
    }
}
