package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;

/** Running sums over one movement's frames (position, pressure, path walked), kept without allocating. */
final class MovementStats implements Checkpointable<MovementStats.State> {

    /** The sums so far. */
    record State(double sx, double sy, double kpaSum, double kpaMax, int n, double path) {
    }

    double sx;
    double sy;
    double kpaSum;
    double kpaMax;
    int n;
    /** Path walked, mm, in resampled steps. */
    double path;

    void reset() {
        restore(EMPTY);
    }

    private static final State EMPTY = new State(0, 0, 0, 0, 0, 0);

    void add(double x, double y, double kpa) {
        sx += x;
        sy += y;
        kpaSum += kpa;
        kpaMax = Math.max(kpaMax, kpa);
        n++;
    }

    double meanX() {
        return sx / n;
    }

    double meanY() {
        return sy / n;
    }

    double meanKpa() {
        return kpaSum / n;
    }

    @Override
    public State checkpoint() {
        return new State(sx, sy, kpaSum, kpaMax, n, path);
    }

    @Override
    public void restore(State s) {
        sx = s.sx();
        sy = s.sy();
        kpaSum = s.kpaSum();
        kpaMax = s.kpaMax();
        n = s.n();
        path = s.path();
    }
}
