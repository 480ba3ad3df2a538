package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;import io.tactus.signal.metrics.SessionMetrics;

/**
 * Guidance metrics from the centre-of-pressure track, allocation-free per frame.
 *
 * <ul>
 *   <li>Strokes: a run of CoP movement in one dominant direction (up, down, outward, inward) of at least
 *   {@link #STROKE_MIN_MM}, ended by lift-off or by moving back {@link #REVERSAL_MM}.</li>
 *   <li>Circles: the heading of the CoP path (resampled every {@link #STEP_MM}) is integrated while in contact;
 *   each full turn counts a circle, clockwise as seen from above with the head at the top.</li>
 *   <li>Holds: the CoP stays within {@link #HOLD_RADIUS_MM} for at least {@link #HOLD_MIN_S} with a mean peak
 *   pressure at or above the profile's hold_min_kpa (a firm press, not a gentle circle in place).</li>
 * </ul>
 */
public final class MovementTracker implements Checkpointable<MovementTracker.State> {

    /** Stroke, circle and hold tracking so far ({@code holdDurations}: the recorded ones only). */
    public record State(boolean inContact, double runX0, double runY0, double extX, double extY, Dir dir,
                        int[] strokes, double lastSx, double lastSy, double lastHeading, double turning,
                        int circlesCw, int circlesCcw, double holdX, double holdY, long holdStartUs,
                        long holdLastUs, int holds, int holdsReachingTarget, double[] holdDurations,
                        boolean holding, double holdPeakSum, int holdFrames) {
    }

    static final double STROKE_MIN_MM = 80;
    static final double REVERSAL_MM = 25;
    static final double DIRECTION_MM = 20;
    static final double STEP_MM = 5;
    static final double HOLD_RADIUS_MM = 15;
    static final double HOLD_MIN_S = 1.5;
    static final int MAX_HOLDS = 1000;

    enum Dir { NONE, UP, DOWN, OUTWARD, INWARD }

    private boolean inContact;
    // strokes
    private double runX0;
    private double runY0;
    private double extX;
    private double extY;
    private Dir dir = Dir.NONE;
    final int[] strokes = new int[Dir.values().length];
    // circles
    private double lastSx;
    private double lastSy;
    private double lastHeading = Double.NaN;
    private double turning;
    int circlesCw;
    int circlesCcw;
    // holds
    private double holdX;
    private double holdY;
    private long holdStartUs;
    private long holdLastUs;
    int holds;
    int holdsReachingTarget;
    final double[] holdDurations = new double[MAX_HOLDS];
    private final double holdTargetS;
    private final double holdMinKpa;
    private boolean holding;
    private double holdPeakSum;
    private int holdFrames;

    public MovementTracker(double holdTargetS, double holdMinKpa) {
        this.holdTargetS = holdTargetS;
        this.holdMinKpa = holdMinKpa;
    }

    /**
     * @param contact  pressure on the mat this frame
     * @param x        CoP mat x (mm)
     * @param y        CoP mat y (mm)
     * @param lateral  CoP body x (mm from the midline, signed): outward = moving away from 0
     * @param peakKpa  highest cell pressure (a hold needs a firm press)
     */
    public void update(long t, boolean contact, double x, double y, double lateral, double peakKpa) {
        if (!contact || Double.isNaN(x)) {
            if (inContact) {
                liftOff();
            }
            return;
        }
        if (!inContact) {
            inContact = true;
            runX0 = x;
            runY0 = y;
            extX = x;
            extY = y;
            dir = Dir.NONE;
            lastSx = x;
            lastSy = y;
            lastHeading = Double.NaN;
            turning = 0;
            holding = false;
            return;
        }
        strokes(x, y, lateral);
        circles(x, y);
        hold(t, x, y, peakKpa);
    }

    private void strokes(double x, double y, double lateral) {
        double dx = x - runX0;
        double dy = y - runY0;
        if (dir == Dir.NONE) {
            if (Math.hypot(dx, dy) >= DIRECTION_MM) {
                dir = classify(dx, dy, lateral);
                extX = x;
                extY = y;
            }
            return;
        }
        double progress = along(dir, x - runX0, y - runY0, lateral);
        double best = along(dir, extX - runX0, extY - runY0, lateral);
        if (progress >= best) {
            extX = x;
            extY = y;
        } else if (best - progress >= REVERSAL_MM) {
            closeRun();
            runX0 = extX;
            runY0 = extY;
            extX = x;
            extY = y;
            dir = Dir.NONE;
        }
    }

    private static Dir classify(double dx, double dy, double lateral) {
        if (Math.abs(dy) >= Math.abs(dx)) {
            return dy < 0 ? Dir.UP : Dir.DOWN;
        }
        boolean away = lateral >= 0 ? dx > 0 : dx < 0;
        return away ? Dir.OUTWARD : Dir.INWARD;
    }

    private static double along(Dir d, double dx, double dy, double lateral) {
        double side = lateral >= 0 ? 1 : -1;
        return switch (d) {
            case UP -> -dy;
            case DOWN -> dy;
            case OUTWARD -> dx * side;
            case INWARD -> -dx * side;
            default -> 0;
        };
    }

    private void closeRun() {
        if (dir != Dir.NONE && Math.hypot(extX - runX0, extY - runY0) >= STROKE_MIN_MM) {
            strokes[dir.ordinal()]++;
        }
    }

    private void circles(double x, double y) {
        double sx = x - lastSx;
        double sy = y - lastSy;
        if (sx * sx + sy * sy < STEP_MM * STEP_MM) {
            return;
        }
        double h = Math.atan2(sy, sx);
        if (!Double.isNaN(lastHeading)) {
            double d = h - lastHeading;
            while (d > Math.PI) {
                d -= 2 * Math.PI;
            }
            while (d <= -Math.PI) {
                d += 2 * Math.PI;
            }
            // a turn of more than 90 degrees between two 5 mm steps is a reversal, not a circle
            if (Math.abs(d) < Math.PI / 2) {
                // mat coordinates have y pointing to the feet (down the screen): a positive angle is clockwise
                turning += d;
            } else {
                turning = 0;
            }
            if (turning >= 2 * Math.PI) {
                circlesCw++;
                turning -= 2 * Math.PI;
            } else if (turning <= -2 * Math.PI) {
                circlesCcw++;
                turning += 2 * Math.PI;
            }
        }
        lastHeading = h;
        lastSx = x;
        lastSy = y;
    }

    private void hold(long t, double x, double y, double peakKpa) {
        double dx = x - holdX;
        double dy = y - holdY;
        if (holding && dx * dx + dy * dy <= HOLD_RADIUS_MM * HOLD_RADIUS_MM) {
            holdLastUs = t;
            holdPeakSum += peakKpa;
            holdFrames++;
            return;
        }
        if (holding) {
            closeHold();
        }
        holding = true;
        holdPeakSum = peakKpa;
        holdFrames = 1;
        holdX = x;
        holdY = y;
        holdStartUs = t;
        holdLastUs = t;
    }

    private void closeHold() {
        holding = false;
        double s = (holdLastUs - holdStartUs) / 1e6;
        // the mean, not every frame: a thumb circling over cell borders reads a peak that wobbles by a third
        if (s >= HOLD_MIN_S && holdPeakSum / holdFrames >= holdMinKpa) {
            if (holds < MAX_HOLDS) {
                holdDurations[holds] = s;
            }
            holds++;
            // "about five seconds": a hold within half a second of the goal counts
            if (s >= holdTargetS - 0.5) {
                holdsReachingTarget++;
            }
        }
    }

    private void liftOff() {
        inContact = false;
        closeRun();
        if (holding) {
            closeHold();
        }
        dir = Dir.NONE;
        turning = 0;
    }

    public void finish() {
        if (inContact) {
            liftOff();
        }
    }

    public SessionMetrics.Movement snapshot() {
        java.util.List<Double> d = new java.util.ArrayList<>();
        for (int i = 0; i < Math.min(holds, MAX_HOLDS); i++) {
            d.add(holdDurations[i]);
        }
        // a stroke or hold still in progress is counted when it ends (at lift-off or finish())
        return new SessionMetrics.Movement(strokes[Dir.UP.ordinal()], strokes[Dir.DOWN.ordinal()],
                strokes[Dir.OUTWARD.ordinal()], strokes[Dir.INWARD.ordinal()], circlesCw, circlesCcw, holds,
                holdsReachingTarget, holdTargetS, d);
    }

    @Override
    public State checkpoint() {
        return new State(inContact, runX0, runY0, extX, extY, dir, strokes.clone(), lastSx, lastSy, lastHeading,
                turning, circlesCw, circlesCcw, holdX, holdY, holdStartUs, holdLastUs, holds, holdsReachingTarget,
                java.util.Arrays.copyOf(holdDurations, Math.min(holds, MAX_HOLDS)), holding, holdPeakSum,
                holdFrames);
    }

    @Override
    public void restore(State s) {
        inContact = s.inContact();
        runX0 = s.runX0();
        runY0 = s.runY0();
        extX = s.extX();
        extY = s.extY();
        dir = s.dir();
        System.arraycopy(s.strokes(), 0, strokes, 0, strokes.length);
        lastSx = s.lastSx();
        lastSy = s.lastSy();
        lastHeading = s.lastHeading();
        turning = s.turning();
        circlesCw = s.circlesCw();
        circlesCcw = s.circlesCcw();
        holdX = s.holdX();
        holdY = s.holdY();
        holdStartUs = s.holdStartUs();
        holdLastUs = s.holdLastUs();
        holds = s.holds();
        holdsReachingTarget = s.holdsReachingTarget();
        java.util.Arrays.fill(holdDurations, 0);
        System.arraycopy(s.holdDurations(), 0, holdDurations, 0, s.holdDurations().length);
        holding = s.holding();
        holdPeakSum = s.holdPeakSum();
        holdFrames = s.holdFrames();
    }
}
