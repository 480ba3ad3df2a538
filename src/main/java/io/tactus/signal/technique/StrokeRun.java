package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;

/**
 * Strokes of one contact: a run in one dominant direction (up / down / outward / inward, fixed once the contact
 * has moved {@link #DIRECTION_MM}, revised until it has moved twice that; the stroke's direction is that of its
 * whole displacement), ended by lift-off or by moving back {@link #REVERSAL_MM}; it counts when its straight
 * length is at least {@link #STROKE_MIN_MM} and it is straight (length / path >= {@link #STRAIGHT}: half a large
 * circle is not a stroke).
 */
final class StrokeRun implements Checkpointable<StrokeRun.State> {

    /** Where the run started and its furthest point so far, its direction (null until fixed) and its sums. */
    record State(double x0, double y0, long t0, double ex, double ey, long et, Direction dir,
                 MovementStats.State run) {
    }

    static final double STROKE_MIN_MM = 80;
    static final double REVERSAL_MM = 25;
    static final double DIRECTION_MM = 20;
    static final double STRAIGHT = 0.75;

    private final ContactMovement out;
    private double x0;
    private double y0;
    private long t0;
    private double ex;
    private double ey;
    private long et;
    private Direction dir;
    private final MovementStats run = new MovementStats();

    StrokeRun(ContactMovement out) {
        this.out = out;
    }

    void start(long t, double x, double y, double kpa) {
        begin(x, y, t, t, x, y, kpa);
    }

    /** A new run from (fromX, fromY) at fromT, its latest frame (t, x, y) its furthest point so far. */
    private void begin(double fromX, double fromY, long fromT, long t, double x, double y, double kpa) {
        x0 = fromX;
        y0 = fromY;
        t0 = fromT;
        ex = x;
        ey = y;
        et = t;
        dir = null;
        run.reset();
        run.add(x, y, kpa);
    }

    /** One resampled step of the path. */
    void step(double lengthMm) {
        run.path += lengthMm;
    }

    void update(long t, double x, double y, double kpa) {
        run.add(x, y, kpa);
        double dx = x - x0;
        double dy = y - y0;
        if (dir == null) {
            if (dx * dx + dy * dy >= DIRECTION_MM * DIRECTION_MM) {
                dir = classify(dx, dy, x0);
                ex = x;
                ey = y;
                et = t;
            }
            return;
        }
        if (dx * dx + dy * dy < 4 * DIRECTION_MM * DIRECTION_MM) {
            // early in the run the direction may still settle: a tool landing shows its strongest part first,
            // so its centre wanders a little before the hand's own motion dominates
            dir = classify(dx, dy, x0);
        }
        double progress = along(dir, dx, dy, x0);
        double best = along(dir, ex - x0, ey - y0, x0);
        if (progress >= best) {
            ex = x;
            ey = y;
            et = t;
        } else if (best - progress >= REVERSAL_MM) {
            close();
            begin(ex, ey, et, t, x, y, kpa); // the next run starts where this one turned back
        }
    }

    static Direction classify(double dx, double dy, double startX) {
        if (Math.abs(dy) >= Math.abs(dx)) {
            return dy < 0 ? Direction.UP : Direction.DOWN;
        }
        boolean away = startX >= 0 ? dx > 0 : dx < 0;
        return away ? Direction.OUTWARD : Direction.INWARD;
    }

    private static double along(Direction d, double dx, double dy, double startX) {
        double side = startX >= 0 ? 1 : -1;
        return switch (d) {
            case UP -> -dy;
            case DOWN -> dy;
            case OUTWARD -> dx * side;
            case INWARD -> -dx * side;
            default -> 0;
        };
    }

    /** Ends the run (lift-off, or turned back): a straight, long enough run is a stroke. */
    void close() {
        if (dir == null || run.n == 0) {
            return;
        }
        double len = Math.hypot(ex - x0, ey - y0);
        // the path since the last resample point is not in run.path yet
        double path = Math.max(run.path, len);
        // the direction is the whole run's: what the hand did from start to end
        Direction whole = classify(ex - x0, ey - y0, x0);
        if (len >= STROKE_MIN_MM && len >= STRAIGHT * path) {
            out.emit(MovementType.STROKE, whole, run, t0, et, len, 0);
        }
        dir = null;
    }

    @Override
    public State checkpoint() {
        return new State(x0, y0, t0, ex, ey, et, dir, run.checkpoint());
    }

    @Override
    public void restore(State s) {
        x0 = s.x0();
        y0 = s.y0();
        t0 = s.t0();
        ex = s.ex();
        ey = s.ey();
        et = s.et();
        dir = s.dir();
        run.restore(s.run());
    }
}
