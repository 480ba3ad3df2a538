package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;

/**
 * Circles of one contact: the heading of the resampled path is integrated; each full turn is a circle (clockwise
 * when the turn is positive with y toward the feet, i.e. clockwise as seen from above with the head at the top),
 * if its radius is at least {@link #CIRCLE_MIN_RADIUS_MM} (smaller circles are kneading in place: a hold when
 * firm). A turn of more than {@link #REVERSAL_RAD} between two steps is a reversal and restarts the count. At
 * lift-off a last turn of at least {@link #LAST_TURN} counts (the hand ramps in and out while already moving).
 */
final class CircleTurn implements Checkpointable<CircleTurn.State> {

    /** The last heading, the turn so far, when it started, its sums and squared sums. */
    record State(double lastHeading, double turning, long t0, MovementStats.State turn, double sxx, double syy) {
    }

    /** A heading change above this between two steps is a reversal (back and forth), not a turn. */
    static final double REVERSAL_RAD = 0.75 * Math.PI;
    static final double CIRCLE_MIN_RADIUS_MM = 10;
    static final double LAST_TURN = 0.6;

    private final ContactMovement out;
    private double lastHeading;
    private double turning;
    private long t0;
    private final MovementStats turn = new MovementStats();
    private double sxx;
    private double syy;

    CircleTurn(ContactMovement out) {
        this.out = out;
    }

    void start(long t) {
        lastHeading = Double.NaN;
        restart(t);
    }

    void add(double x, double y, double kpa) {
        turn.add(x, y, kpa);
        sxx += x * x;
        syy += y * y;
    }

    /** One resampled step of the path, of this length and heading (radians, y toward the feet). */
    void step(long t, double lengthMm, double h) {
        turn.path += lengthMm;
        if (Double.isNaN(lastHeading)) {
            lastHeading = h;
            return;
        }
        double d = h - lastHeading;
        while (d > Math.PI) {
            d -= 2 * Math.PI;
        }
        while (d <= -Math.PI) {
            d += 2 * Math.PI;
        }
        lastHeading = h;
        if (Math.abs(d) >= REVERSAL_RAD) {
            restart(t);
            return;
        }
        // body y points to the feet (down the drawn back): a positive angle is clockwise seen from above
        turning += d;
        if (Math.abs(turning) >= 2 * Math.PI) {
            boolean cw = turning > 0;
            emit(t, cw);
            double left = turning - (cw ? 2 * Math.PI : -2 * Math.PI);
            restart(t);
            turning = left;
        }
    }

    /** Lift-off: a last turn that is most of a circle counts. */
    void end(long t) {
        if (Math.abs(turning) >= LAST_TURN * 2 * Math.PI) {
            emit(t, turning > 0);
        }
    }

    private void restart(long t) {
        turning = 0;
        t0 = t;
        turn.reset();
        sxx = 0;
        syy = 0;
    }

    private void emit(long t, boolean cw) {
        if (turn.n < 2) {
            return;
        }
        double mx = turn.meanX();
        double my = turn.meanY();
        // for points spread evenly round a circle, var(x) + var(y) = r^2
        double var = sxx / turn.n - mx * mx + syy / turn.n - my * my;
        double r = Math.sqrt(Math.max(0, var));
        if (r >= CIRCLE_MIN_RADIUS_MM) {
            out.emit(MovementType.CIRCLE, cw ? Direction.CLOCKWISE : Direction.COUNTERCLOCKWISE, turn, t0, t,
                    turn.path, r);
        }
    }

    @Override
    public State checkpoint() {
        return new State(lastHeading, turning, t0, turn.checkpoint(), sxx, syy);
    }

    @Override
    public void restore(State s) {
        lastHeading = s.lastHeading();
        turning = s.turning();
        t0 = s.t0();
        turn.restore(s.turn());
        sxx = s.sxx();
        syy = s.syy();
    }
}
