package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;

/**
 * Strokes ({@link StrokeRun}), circles ({@link CircleTurn}) and holds ({@link HoldWatch}) of one tracked contact,
 * from its centre in body coordinates (mm from the spine midline, mm below the shoulder line), without allocating
 * per frame. The path is resampled every {@link #STEP_MM} or half a cell (strokes measure their path on it,
 * circles integrate its heading). Each finished movement goes to the {@link Sink} once.
 */
final class ContactMovement implements Checkpointable<ContactMovement.State> {

    /** The contact followed, whether it is on the mat, the last resample point and the three detectors. */
    record State(int contact, boolean live, double px, double py, double lastX, double lastY, long lastT,
                 double shiftX, double shiftY, double areaForce, double forceSum, StrokeRun.State stroke,
                 CircleTurn.State circle, HoldWatch.State hold) {
    }

    static final double STEP_MM = 5;
    /**
     * A centre that moves faster than a hand can ({@link ContactTracker#GATE_SPEED_MM_S}) by more than this has
     * jumped because the contact's shape changed (a fist landing shows its strongest knuckle first, then the
     * rest; a companion part joins or leaves), not because the hand moved: the jump is taken out of the path.
     */
    static final double JUMP_MM = 12;

    /** Where finished movements go (the side and region are resolved there, from the mean position). */
    interface Sink {
        void movement(int contact, MovementType type, Direction dir, double meanX, double meanY, long startUs,
                      long endUs, double lengthMm, double radiusMm, double meanKpa, double peakKpa, double contactMm2);
    }

    private final Sink sink;
    private final double step;
    private final boolean imaged;
    private int contact;
    private boolean live;
    // the last resample point of the path (shared by strokes and circles)
    private double px;
    private double py;
    // the last raw centre, and the sum of the jumps taken out of the path since the contact started
    private double lastX;
    private double lastY;
    private long lastT;
    private double shiftX;
    private double shiftY;
    // the contact's area, force-weighted since it started (landing and lifting frames weigh little)
    private double areaForce;
    private double forceSum;
    private final StrokeRun stroke = new StrokeRun(this);
    private final CircleTurn circle = new CircleTurn(this);
    private final HoldWatch hold = new HoldWatch(this);

    /**
     * @param cellMm the larger cell pitch: the path is resampled every max({@link #STEP_MM}, half a cell), since
     *               a small contact's centre on a coarse mat moves in steps (a thumb's circle reads as a rounded
     *               square) and shorter steps would see its corners as sharp turns
     */
    ContactMovement(Sink sink, double cellMm) {
        this(sink, cellMm, true);
    }

    /**
     * @param imaged true when the centre comes from the contact's cells (a mat: it can jump as the contact's
     *               shape changes, {@link #JUMP_MM}); false when it is measured (a glove's pose: every step is
     *               the hand's)
     */
    ContactMovement(Sink sink, double cellMm, boolean imaged) {
        this.sink = sink;
        this.step = Math.max(STEP_MM, cellMm / 2);
        this.imaged = imaged;
    }

    void start(int contactId, long t, double x, double y, double kpa, double areaMm2, double forceN, double holdMin) {
        contact = contactId;
        areaForce = areaMm2 * forceN;
        forceSum = forceN;
        live = true;
        px = x;
        py = y;
        lastX = x;
        lastY = y;
        lastT = t;
        shiftX = 0;
        shiftY = 0;
        stroke.start(t, x, y, kpa);
        circle.start(t);
        hold.start(t, x, y, kpa, holdMin);
    }

    void update(long t, double rawX, double rawY, double kpa, double areaMm2, double forceN) {
        if (!live) {
            return;
        }
        areaForce += areaMm2 * forceN;
        forceSum += forceN;
        double jx = rawX - lastX;
        double jy = rawY - lastY;
        double j2 = jx * jx + jy * jy;
        double reach = ContactTracker.GATE_SPEED_MM_S * Math.max(0, t - lastT) / 1e6;
        if (imaged && j2 > JUMP_MM * JUMP_MM && j2 > reach * reach) {
            shiftX += jx;
            shiftY += jy;
        }
        lastX = rawX;
        lastY = rawY;
        lastT = t;
        double x = rawX - shiftX;
        double y = rawY - shiftY;
        circle.add(x, y, kpa);
        double sx = x - px;
        double sy = y - py;
        if (sx * sx + sy * sy >= step * step) {
            double len = Math.sqrt(sx * sx + sy * sy);
            stroke.step(len);
            circle.step(t, len, Math.atan2(sy, sx));
            px = x;
            py = y;
        }
        stroke.update(t, x, y, kpa);
        hold.update(t, x, y, kpa);
    }

    /** Lift-off (or end of stream): closes what is open. */
    void end(long t) {
        if (!live) {
            return;
        }
        live = false;
        stroke.close();
        circle.end(t);
        hold.close();
    }

    /** Seconds the current stationary press has lasted if it is firm enough to become a hold, else 0. */
    double holdSeconds() {
        return live ? hold.seconds() : 0;
    }

    /** A finished movement of this contact, with the sums over its frames. */
    void emit(MovementType type, Direction dir, MovementStats over, long startUs, long endUs, double lengthMm,
              double radiusMm) {
        sink.movement(contact, type, dir, over.meanX(), over.meanY(), startUs, endUs, lengthMm, radiusMm,
                over.meanKpa(), over.kpaMax, forceSum > 0 ? areaForce / forceSum : Double.NaN);
    }

    @Override
    public State checkpoint() {
        return new State(contact, live, px, py, lastX, lastY, lastT, shiftX, shiftY, areaForce, forceSum,
                stroke.checkpoint(), circle.checkpoint(), hold.checkpoint());
    }

    @Override
    public void restore(State s) {
        contact = s.contact();
        live = s.live();
        px = s.px();
        py = s.py();
        lastX = s.lastX();
        lastY = s.lastY();
        lastT = s.lastT();
        shiftX = s.shiftX();
        shiftY = s.shiftY();
        areaForce = s.areaForce();
        forceSum = s.forceSum();
        stroke.restore(s.stroke());
        circle.restore(s.circle());
        hold.restore(s.hold());
    }
}
