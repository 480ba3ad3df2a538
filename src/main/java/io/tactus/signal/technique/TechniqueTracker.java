package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.body.Registration;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.metrics.SessionMetrics;
import java.util.ArrayList;
import java.util.List;

/**
 * The signal core's technique stage: tracked contacts ({@link ContactTracker}), their movements
 * ({@link ContactMovement}, one per track slot), the guided routine ({@link RoutineCoach}) and the live left /
 * right balance. One per pipeline, used from its thread; no allocation per frame (a movement, its feedback and a
 * routine change allocate when they happen, like flag events).
 */
public final class TechniqueTracker implements ContactMovement.Sink, Checkpointable<TechniqueTracker.State> {

    /**
     * Contacts, one movement detector per slot, the movements so far, the routine in progress (or null), the
     * latest feedback, the last frame's context and the balance.
     */
    public record State(ContactTracker.State contacts, List<ContactMovement.State> detectors, List<Movement> movements,
                        RoutineCoach.State coach, MovementFeedback last, Registration registration, BodyMap map,
                        Profile profile, double leftEma, double rightEma, double holdS) {
    }

    /** Time constant of the live left / right balance. */
    public static final double BALANCE_TAU_S = 2.0;
    /**
     * Lateral force (left + right, averaged over {@link #BALANCE_TAU_S}) below which there is no balance to show: a
     * palm's light touch is tens of newtons, while one noise cell on one side read as "Left 100 %" (it was 1 mN).
     */
    public static final double BALANCE_MIN_N = 2.0;

    private final ContactTracker contacts;
    /** A contact's pressure for the detectors; null for a glove (its taxels sit under the hand). */
    private final CompactPressure compact;
    private final double cellAreaMm2;
    private final ContactMovement[] detectors = new ContactMovement[ContactTracker.MAX_TRACKS];
    private final List<Movement> movements = new ArrayList<>();
    private final List<TechniqueListener> listeners;
    private RoutineCoach coach;
    private MovementFeedback last;

    // per frame context for the sink
    private Registration registration;
    private BodyMap map;
    private Profile profile;

    private double leftEma;
    private double rightEma;
    private double holdS;

    /**
     * @param listeners told about movements and routine changes (the pipeline's list; may change at any time)
     */
    public TechniqueTracker(int rows, int cols, double[] colX, double[] rowY, double cellAreaMm2, boolean glove,
                            List<TechniqueListener> listeners) {
        contacts = new ContactTracker(rows, cols, colX, rowY, cellAreaMm2);
        compact = glove ? null : new CompactPressure(rows, cols, colX, rowY, cellAreaMm2);
        this.cellAreaMm2 = cellAreaMm2;
        double cellMm = glove ? 0 : Math.max(cols > 1 ? colX[1] - colX[0] : 0, rows > 1 ? rowY[1] - rowY[0] : 0);
        for (int s = 0; s < detectors.length; s++) {
            detectors[s] = new ContactMovement(this, cellMm, !glove);
        }
        this.listeners = listeners;
    }

    /**
     * One frame.
     *
     * @param kpa        calibrated pressure per cell (a glove: per taxel)
     * @param cells      the cells above the noise floor in ascending index order, {@code count} of them (a mat)
     * @param pose       a glove's position in mat mm (NaN before its first POSE), or null for a mat
     * @param levelKpa   contact level (a cell at or above it is touched)
     * @param leftForceN force on the receiver's left lateral regions this frame (for the balance)
     * @param touched    per region ordinal: touched this frame (time steps)
     */
    public void update(long t, long dtUs, float[] kpa, int[] cells, int count, double[] pose, double levelKpa,
                       Registration reg, BodyMap bodyMap, Profile p, double leftForceN, double rightForceN,
                       boolean[] touched) {
        registration = reg;
        map = bodyMap;
        profile = p;
        if (pose != null) {
            contacts.updatePoint(t, pose[0], pose[1], kpa, levelKpa);
        } else {
            contacts.update(t, kpa, cells, count, levelKpa);
        }
        double hold = 0;
        for (int s = 0; s < ContactTracker.MAX_TRACKS; s++) {
            if (contacts.ended[s]) {
                detectors[s].end(t);
            }
            if (contacts.started[s]) {
                detectors[s].start(contacts.id[s], t, bx(s), by(s), pressure(s, kpa), area(s), contacts.force[s],
                        p.holdMinKpa());
            } else if (contacts.seen[s]) {
                detectors[s].update(t, bx(s), by(s), pressure(s, kpa), area(s), contacts.force[s]);
            }
            if (contacts.active[s]) {
                hold = Math.max(hold, detectors[s].holdSeconds());
            }
        }
        holdS = hold;
        double beta = Math.min(1.0, dtUs / (BALANCE_TAU_S * 1e6));
        leftEma += beta * (leftForceN - leftEma);
        rightEma += beta * (rightForceN - rightEma);
        if (coach != null && coach.updateTime(t, dtUs, touched)) {
            progressChanged();
        }
    }

    private double pressure(int s, float[] kpa) {
        return compact == null ? contacts.peak[s]
                : compact.of(kpa, contacts.x[s], contacts.y[s], contacts.peak[s], contacts.force[s]);
    }

    /** The contact's area on the mat; NaN for a glove (its taxels sit under the hand, whatever touches). */
    private double area(int s) {
        return compact == null ? Double.NaN : contacts.cells[s] * cellAreaMm2;
    }

    private double bx(int s) {
        return registration.bodyX(contacts.x[s], contacts.y[s]);
    }

    private double by(int s) {
        return registration.bodyY(contacts.y[s]);
    }

    /** End of stream: open movements end, the routine's unfinished steps become not reached. */
    public void finish(long t) {
        contacts.endAll();
        for (int s = 0; s < ContactTracker.MAX_TRACKS; s++) {
            if (contacts.ended[s]) {
                detectors[s].end(t);
            }
        }
        holdS = 0;
        if (coach != null && !coach.finished()) {
            coach.finish();
            progressChanged();
        }
    }

    @Override
    public void movement(int contact, MovementType type, Direction dir, double meanX, double meanY, long startUs,
                         long endUs, double lengthMm, double radiusMm, double meanKpa, double peakKpa,
                         double contactMm2) {
        BodyRegion region = map.regionAt(meanX, meanY);
        BodyRegion.Side side = region != null ? region.side()
                : Math.abs(meanX) <= map.spineHalfWidthMm() ? BodyRegion.Side.MID
                : meanX < 0 ? BodyRegion.Side.LEFT : BodyRegion.Side.RIGHT;
        Movement m = new Movement(contact, type, dir, side, region, startUs, endUs, lengthMm, radiusMm, meanKpa,
                peakKpa, contactMm2);
        movements.add(m);
        MovementFeedback f;
        boolean stepChanged = false;
        if (coach != null && !coach.finished()) {
            f = coach.judge(m, map, profile);
            stepChanged = f.verdict() == MovementFeedback.Verdict.STEP_COMPLETE;
        } else {
            f = new MovementFeedback(m, MovementFeedback.Verdict.NO_STEP, null, 0, 0, List.of(),
                    RoutineCoach.describe(m, map));
        }
        last = f;
        notifyMovement(f);
        if (stepChanged) {
            progressChanged();
        }
    }

    private void notifyMovement(MovementFeedback f) {
        for (TechniqueListener l : listeners) {
            l.onMovement(f);
        }
    }

    private void progressChanged() {
        if (listeners.isEmpty()) {
            return;
        }
        RoutineProgress p = routineProgress();
        for (TechniqueListener l : listeners) {
            l.onRoutineProgress(p);
        }
    }

    // ------------------------------------------------------------------ routine

    /** Follows a routine from the next frame (replaces any running one). */
    public void startRoutine(Routine r) {
        coach = new RoutineCoach(r);
        progressChanged();
    }

    public void stopRoutine() {
        coach = null;
    }

    /** Skips the current step on purpose. */
    public void skipStep() {
        if (coach != null) {
            coach.skipCurrent();
            progressChanged();
        }
    }

    /** Progress, or null without a routine. Allocates. */
    public RoutineProgress routineProgress() {
        return coach == null ? null : coach.progress(holdS, profile == null ? 0 : profile.holdTimeS());
    }

    // ------------------------------------------------------------------ queries (allocate)

    /** Every movement so far, in the order they ended. */
    public List<Movement> movements() {
        return List.copyOf(movements);
    }

    public int contactsSeen() {
        return contacts.contactsSeen();
    }

    /** Left / (left + right) force on lateral regions over about the last 2 s; NaN without lateral work. */
    public double leftShare() {
        double sum = leftEma + rightEma;
        return sum >= BALANCE_MIN_N ? leftEma / sum : Double.NaN;
    }

    /** The guidance counters of the session metrics from the movements ({@code target}: the profile's hold time). */
    public SessionMetrics.Movement movementCounts(double target) {
        int[] strokes = new int[4];
        int cw = 0;
        int ccw = 0;
        int holds = 0;
        int reaching = 0;
        List<Double> durations = new ArrayList<>();
        for (Movement m : movements) {
            switch (m.type()) {
                case STROKE -> strokes[m.direction().ordinal()]++;
                case CIRCLE -> {
                    if (m.direction() == Direction.CLOCKWISE) {
                        cw++;
                    } else {
                        ccw++;
                    }
                }
                case HOLD -> {
                    holds++;
                    durations.add(m.durationS());
                    if (m.durationS() >= target - RoutineCoach.HOLD_SLACK_S) {
                        reaching++;
                    }
                }
            }
        }
        return new SessionMetrics.Movement(strokes[Direction.UP.ordinal()], strokes[Direction.DOWN.ordinal()],
                strokes[Direction.OUTWARD.ordinal()], strokes[Direction.INWARD.ordinal()], cw, ccw, holds, reaching,
                target, durations);
    }

    /** The live picture: contacts now, balance, hold timer, latest feedback. */
    public TechniqueSnapshot snapshot() {
        List<TrackedContact> now = new ArrayList<>();
        for (int s = 0; s < ContactTracker.MAX_TRACKS; s++) {
            if (!contacts.active[s] || !contacts.seen[s] || registration == null) {
                continue;
            }
            double bx = bx(s);
            double by = by(s);
            BodyRegion r = map.regionAt(bx, by);
            BodyRegion.Side side = r != null ? r.side() : bx < 0 ? BodyRegion.Side.LEFT : BodyRegion.Side.RIGHT;
            now.add(new TrackedContact(contacts.id[s], contacts.x[s], contacts.y[s], bx, by, contacts.peak[s],
                    contacts.force[s], contacts.cells[s], r, side, contacts.since[s]));
        }
        return new TechniqueSnapshot(now, leftShare(), holdS, contactsSeen(), movements.size(), last);
    }

    @Override
    public State checkpoint() {
        List<ContactMovement.State> ds = new ArrayList<>(detectors.length);
        for (ContactMovement d : detectors) {
            ds.add(d.checkpoint());
        }
        return new State(contacts.checkpoint(), List.copyOf(ds), List.copyOf(movements),
                coach == null ? null : coach.checkpoint(), last, registration, map, profile, leftEma, rightEma, holdS);
    }

    @Override
    public void restore(State s) {
        contacts.restore(s.contacts());
        for (int i = 0; i < detectors.length; i++) {
            detectors[i].restore(s.detectors().get(i));
        }
        movements.clear();
        movements.addAll(s.movements());
        if (s.coach() == null) {
            coach = null;
        } else {
            coach = new RoutineCoach(s.coach().routine());
            coach.restore(s.coach());
        }
        last = s.last();
        registration = s.registration();
        map = s.map();
        profile = s.profile();
        leftEma = s.leftEma();
        rightEma = s.rightEma();
        holdS = s.holdS();
    }
}
