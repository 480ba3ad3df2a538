package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;

/**
 * Strokes, circles and holds of one tracked contact, from its centre in body coordinates (mm from the spine
 * midline, mm below the shoulder line), without allocating per frame. Each finished movement goes to the
 * {@link Sink} once.
 *
 * <ul>
 *   <li><b>Stroke</b>: a run in one dominant direction (up / down / outward / inward, fixed once the contact has
 *   moved {@link #DIRECTION_MM}, revised until it has moved twice that; the stroke's direction is that of its whole
 *   displacement), ended by lift-off or by moving back {@link #REVERSAL_MM}; it counts when its
 *   straight length is at least {@link #STROKE_MIN_MM} and it is straight (length / path >= {@link #STRAIGHT}:
 *   half a large circle is not a stroke).</li>
 *   <li><b>Circle</b>: the heading of the path (resampled every {@link #STEP_MM} or half a cell) is integrated; each full turn
 *   is a circle (clockwise when the turn is positive with y toward the feet, i.e. clockwise as seen from above
 *   with the head at the top), if its radius is at least {@link #CIRCLE_MIN_RADIUS_MM} (smaller circles are
 *   kneading in place: a hold when firm). A turn of more than 135 degrees between two steps is a reversal
 *   and restarts the count. At lift-off a last turn of at least {@link #LAST_TURN} counts (the hand ramps in and out
 *   while already moving).</li>
 *   <li><b>Hold</b>: the contact stays within {@link #HOLD_RADIUS_MM} of where it settled for at least
 *   {@link #HOLD_MIN_S}, with a mean peak pressure at or above the profile's {@code hold_min_kpa}.</li>
 * </ul>
 */
final class ContactMovement implements Checkpointable<ContactMovement.State> {

    /** A detached copy of a detector (never fed), holding its run, path, turn and hold so far. */
    record State(ContactMovement copy) {
    }

    static final double STROKE_MIN_MM = 80;
    static final double REVERSAL_MM = 25;
    static final double DIRECTION_MM = 20;
    static final double STRAIGHT = 0.75;
    static final double STEP_MM = 5;
    /** A heading change above this between two steps is a reversal (back and forth), not a turn. */
    static final double REVERSAL_RAD = 0.75 * Math.PI;
    static final double CIRCLE_MIN_RADIUS_MM = 10;
    static final double LAST_TURN = 0.6;
    static final double HOLD_RADIUS_MM = 15;
    static final double HOLD_MIN_S = 1.5;

    /** Where finished movements go (the side and region are resolved there, from the mean position). */
    interface Sink {
        void movement(int contact, MovementType type, Direction dir, double meanX, double meanY, long startUs,
                      long endUs, double lengthMm, double radiusMm, double meanKpa, double peakKpa);
    }

    private final Sink sink;
    private final double step;
    private int contact;

    // stroke run
    private double rx0;
    private double ry0;
    private long rt0;
    private double ex;
    private double ey;
    private long et;
    private Direction dir;
    private final Stats run = new Stats();

    // resampled path (shared by strokes and circles)
    private double px;
    private double py;
    private double lastHeading;

    // circle turn
    private double turning;
    private long turnT0;
    private final Stats turn = new Stats();
    private double turnSxx;
    private double turnSyy;

    // hold
    private double hx;
    private double hy;
    private long ht0;
    private long htLast;
    private final Stats hold = new Stats();

    private double holdMinKpa;
    private boolean live;

    /**
     * @param cellMm the larger cell pitch: the path is resampled every max({@link #STEP_MM}, half a cell), since
     *               a small contact's centre on a coarse mat moves in steps (a thumb's circle reads as a rounded
     *               square) and shorter steps would see its corners as sharp turns
     */
    ContactMovement(Sink sink, double cellMm) {
        this.sink = sink;
        this.step = Math.max(STEP_MM, cellMm / 2);
    }

    /** Running sums over a movement's frames. */
    private static final class Stats {
        double sx;
        double sy;
        double kpaSum;
        double kpaMax;
        int n;
        double path;

        void reset() {
            sx = 0;
            sy = 0;
            kpaSum = 0;
            kpaMax = 0;
            n = 0;
            path = 0;
        }

        void copyFrom(Stats o) {
            sx = o.sx;
            sy = o.sy;
            kpaSum = o.kpaSum;
            kpaMax = o.kpaMax;
            n = o.n;
            path = o.path;
        }

        void add(double x, double y, double kpa) {
            sx += x;
            sy += y;
            kpaSum += kpa;
            kpaMax = Math.max(kpaMax, kpa);
            n++;
        }
    }

    void start(int contactId, long t, double x, double y, double kpa, double holdMin) {
        contact = contactId;
        holdMinKpa = holdMin;
        live = true;
        rx0 = x;
        ry0 = y;
        rt0 = t;
        ex = x;
        ey = y;
        et = t;
        dir = null;
        run.reset();
        run.add(x, y, kpa);
        px = x;
        py = y;
        lastHeading = Double.NaN;
        turning = 0;
        turnT0 = t;
        turn.reset();
        turnSxx = 0;
        turnSyy = 0;
        anchorHold(t, x, y, kpa);
    }

    void update(long t, double x, double y, double kpa) {
        if (!live) {
            return;
        }
        run.add(x, y, kpa);
        turn.add(x, y, kpa);
        turnSxx += x * x;
        turnSyy += y * y;
        double sx = x - px;
        double sy = y - py;
        if (sx * sx + sy * sy >= step * step) {
            double step = Math.sqrt(sx * sx + sy * sy);
            run.path += step;
            turn.path += step;
            heading(t, Math.atan2(sy, sx));
            px = x;
            py = y;
        }
        stroke(t, x, y, kpa);
        holdUpdate(t, x, y, kpa);
    }

    /** Lift-off (or end of stream): closes what is open. */
    void end(long t) {
        if (!live) {
            return;
        }
        live = false;
        closeRun();
        if (Math.abs(turning) >= LAST_TURN * 2 * Math.PI) {
            emitCircle(t, turning > 0);
        }
        closeHold();
    }

    /** Seconds the current stationary press has lasted if it is firm enough to become a hold, else 0. */
    double holdSeconds(long t) {
        if (!live || hold.n == 0 || hold.kpaSum / hold.n < holdMinKpa) {
            return 0;
        }
        return (htLast - ht0) / 1e6;
    }

    // ------------------------------------------------------------------ strokes

    private void stroke(long t, double x, double y, double kpa) {
        double dx = x - rx0;
        double dy = y - ry0;
        if (dir == null) {
            if (dx * dx + dy * dy >= DIRECTION_MM * DIRECTION_MM) {
                dir = classify(dx, dy, rx0);
                ex = x;
                ey = y;
                et = t;
            }
            return;
        }
        if (dx * dx + dy * dy < 4 * DIRECTION_MM * DIRECTION_MM) {
            // early in the run the direction may still settle: a tool landing shows its strongest part first,
            // so its centre wanders a little before the hand's own motion dominates
            dir = classify(dx, dy, rx0);
        }
        double progress = along(dir, dx, dy, rx0);
        double best = along(dir, ex - rx0, ey - ry0, rx0);
        if (progress >= best) {
            ex = x;
            ey = y;
            et = t;
        } else if (best - progress >= REVERSAL_MM) {
            closeRun();
            // the next run starts where this one turned back
            rx0 = ex;
            ry0 = ey;
            rt0 = et;
            ex = x;
            ey = y;
            et = t;
            dir = null;
            run.reset();
            run.add(x, y, kpa);
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

    private void closeRun() {
        if (dir == null || run.n == 0) {
            return;
        }
        double len = Math.hypot(ex - rx0, ey - ry0);
        // the path since the last resample point is not in run.path yet
        double path = Math.max(run.path, len);
        // the direction is the whole run's: what the hand did from start to end
        Direction whole = classify(ex - rx0, ey - ry0, rx0);
        if (len >= STROKE_MIN_MM && len >= STRAIGHT * path) {
            sink.movement(contact, MovementType.STROKE, whole, run.sx / run.n, run.sy / run.n, rt0, et, len, 0,
                    run.kpaSum / run.n, run.kpaMax);
        }
        dir = null;
    }

    // ------------------------------------------------------------------ circles

    private void heading(long t, double h) {
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
            restartTurn(t);
            return;
        }
        // body y points to the feet (down the drawn back): a positive angle is clockwise seen from above
        turning += d;
        if (Math.abs(turning) >= 2 * Math.PI) {
            boolean cw = turning > 0;
            emitCircle(t, cw);
            turning -= cw ? 2 * Math.PI : -2 * Math.PI;
            turnT0 = t;
            turn.reset();
            turnSxx = 0;
            turnSyy = 0;
        }
    }

    private void restartTurn(long t) {
        turning = 0;
        turnT0 = t;
        turn.reset();
        turnSxx = 0;
        turnSyy = 0;
    }

    private void emitCircle(long t, boolean cw) {
        if (turn.n < 2) {
            return;
        }
        double mx = turn.sx / turn.n;
        double my = turn.sy / turn.n;
        // for points spread evenly round a circle, var(x) + var(y) = r^2
        double var = turnSxx / turn.n - mx * mx + turnSyy / turn.n - my * my;
        double r = Math.sqrt(Math.max(0, var));
        if (r >= CIRCLE_MIN_RADIUS_MM) {
            sink.movement(contact, MovementType.CIRCLE, cw ? Direction.CLOCKWISE : Direction.COUNTERCLOCKWISE, mx, my,
                    turnT0, t, turn.path, r, turn.kpaSum / turn.n, turn.kpaMax);
        }
    }

    // ------------------------------------------------------------------ holds

    private void anchorHold(long t, double x, double y, double kpa) {
        hx = x;
        hy = y;
        ht0 = t;
        htLast = t;
        hold.reset();
        hold.add(x, y, kpa);
    }

    private void holdUpdate(long t, double x, double y, double kpa) {
        double dx = x - hx;
        double dy = y - hy;
        if (dx * dx + dy * dy <= HOLD_RADIUS_MM * HOLD_RADIUS_MM) {
            htLast = t;
            hold.add(x, y, kpa);
            return;
        }
        closeHold();
        anchorHold(t, x, y, kpa);
    }

    private void closeHold() {
        if (hold.n == 0) {
            return;
        }
        double s = (htLast - ht0) / 1e6;
        double mean = hold.kpaSum / hold.n;
        // the mean, not every frame: a thumb circling over cell borders reads a peak that wobbles by a third
        if (s >= HOLD_MIN_S && mean >= holdMinKpa) {
            sink.movement(contact, MovementType.HOLD, null, hold.sx / hold.n, hold.sy / hold.n, ht0, htLast, 0, 0,
                    mean, hold.kpaMax);
        }
        hold.reset();
    }

    private void copyFrom(ContactMovement o) {
        contact = o.contact;
        rx0 = o.rx0;
        ry0 = o.ry0;
        rt0 = o.rt0;
        ex = o.ex;
        ey = o.ey;
        et = o.et;
        dir = o.dir;
        run.copyFrom(o.run);
        px = o.px;
        py = o.py;
        lastHeading = o.lastHeading;
        turning = o.turning;
        turnT0 = o.turnT0;
        turn.copyFrom(o.turn);
        turnSxx = o.turnSxx;
        turnSyy = o.turnSyy;
        hx = o.hx;
        hy = o.hy;
        ht0 = o.ht0;
        htLast = o.htLast;
        hold.copyFrom(o.hold);
        holdMinKpa = o.holdMinKpa;
        live = o.live;
    }

    @Override
    public State checkpoint() {
        ContactMovement c = new ContactMovement(null, 2 * step);
        c.copyFrom(this);
        return new State(c);
    }

    @Override
    public void restore(State s) {
        copyFrom(s.copy());
    }
}
