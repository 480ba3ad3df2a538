package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;

/**
 * Holds of one contact: the contact stays within {@link #HOLD_RADIUS_MM} of where it settled for at least
 * {@link #HOLD_MIN_S}, with a mean pressure ({@link CompactPressure}: its peak cell, or a thumb's force over one
 * cell) at or above the profile's {@code hold_min_kpa}.
 */
final class HoldWatch implements Checkpointable<HoldWatch.State> {

    /** Where the press settled, when, its last frame in place, its sums and the profile's hold level. */
    record State(double x, double y, long t0, long tLast, MovementStats.State hold, double minKpa) {
    }

    static final double HOLD_RADIUS_MM = 15;
    static final double HOLD_MIN_S = 1.5;

    private final ContactMovement out;
    private double x;
    private double y;
    private long t0;
    private long tLast;
    private final MovementStats hold = new MovementStats();
    private double minKpa;

    HoldWatch(ContactMovement out) {
        this.out = out;
    }

    void start(long t, double x, double y, double kpa, double holdMinKpa) {
        minKpa = holdMinKpa;
        anchor(t, x, y, kpa);
    }

    void update(long t, double px, double py, double kpa) {
        double dx = px - x;
        double dy = py - y;
        if (dx * dx + dy * dy <= HOLD_RADIUS_MM * HOLD_RADIUS_MM) {
            tLast = t;
            hold.add(px, py, kpa);
            return;
        }
        close();
        anchor(t, px, py, kpa);
    }

    /** Seconds the current stationary press has lasted if it is firm enough to become a hold, else 0. */
    double seconds() {
        if (hold.n == 0 || hold.meanKpa() < minKpa) {
            return 0;
        }
        return (tLast - t0) / 1e6;
    }

    private void anchor(long t, double px, double py, double kpa) {
        x = px;
        y = py;
        t0 = t;
        tLast = t;
        hold.reset();
        hold.add(px, py, kpa);
    }

    /** The press moved on or lifted: long and firm enough, it was a hold. */
    void close() {
        if (hold.n == 0) {
            return;
        }
        double s = (tLast - t0) / 1e6;
        // the mean, not every frame: a thumb circling over cell borders reads a peak that wobbles by a third
        if (s >= HOLD_MIN_S && hold.meanKpa() >= minKpa) {
            out.emit(MovementType.HOLD, null, hold, t0, tLast, 0, 0);
        }
        hold.reset();
    }

    @Override
    public State checkpoint() {
        return new State(x, y, t0, tLast, hold.checkpoint(), minKpa);
    }

    @Override
    public void restore(State s) {
        x = s.x();
        y = s.y();
        t0 = s.t0();
        tLast = s.tLast();
        hold.restore(s.hold());
        minKpa = s.minKpa();
    }
}
