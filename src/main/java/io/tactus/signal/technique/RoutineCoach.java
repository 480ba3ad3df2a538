package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;import io.tactus.signal.body.BodyMap;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.technique.RoutineProgress.Status;
import io.tactus.signal.text.Decimals;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Follows a {@link Routine} from the movements of the tracked contacts and judges each movement against what the
 * current step asks. Allocates only when a movement ends or a step changes (never per frame).
 *
 * <ul>
 *   <li>A movement of the current step's kind is judged against its asks (direction, place, pace, length,
 *   pressure; a hold's duration against the profile's hold time): it counts when it meets them all, otherwise
 *   it is a miss with the reasons.</li>
 *   <li>Both hands doing the step together are one repetition: a movement that overlaps the step's last counted
 *   one by more than half of the shorter of the two counts with it, not again.</li>
 *   <li>A movement the current step does not ask for (or one that misses the current step but meets every ask of
 *   another step not done yet, e.g. a thumb slide while effleurage with the palms is current), counts toward that
 *   other step; if
 *   the later step reaches its goal first it is <b>out of order</b>, the steps before it that were not finished
 *   are <b>skipped</b>, and the routine continues after it (the trainee moved on; a skipped step can still be
 *   done later and then shows as out of order). A pending step starts from 0 when it becomes current.</li>
 *   <li>Time steps (seconds with pressure on their regions) advance only while current.</li>
 *   <li>At the end of the stream, steps not completed or skipped are <b>not reached</b>.</li>
 * </ul>
 */
public final class RoutineCoach implements Checkpointable<RoutineCoach.State> {

    /** The routine followed and where each step stands (copies). */
    public record State(Routine routine, Status[] status, double[] count, long[] completedAt, long[] lastStart,
                        long[] lastEnd, int current, boolean finished) {
    }

    /** A movement between half and twice the aimed duration keeps the pace. */
    public static final double PACE_TOLERANCE = 2.0;
    /** "About five seconds": a hold within half a second of the profile's hold time reaches it. */
    public static final double HOLD_SLACK_S = 0.5;

    private final Routine routine;
    private final int n;
    private final Status[] status;
    private final double[] count;
    private final long[] completedAt;
    private final long[] lastStart;
    private final long[] lastEnd;
    private final boolean[][] timeMask;
    /** Per step: a time step (seconds on its regions); read every frame, so not a string comparison each time. */
    private final boolean[] timed;
    /** Per step: its goal, read every frame of a time step. */
    private final double[] goal;
    private int current;
    private boolean finished;

    public RoutineCoach(Routine routine) {
        this.routine = routine;
        n = routine.steps().size();
        status = new Status[n];
        count = new double[n];
        completedAt = new long[n];
        lastStart = new long[n];
        lastEnd = new long[n];
        timeMask = new boolean[n][BodyRegion.values().length];
        timed = new boolean[n];
        goal = new double[n];
        for (int i = 0; i < n; i++) {
            timed[i] = "time".equals(routine.steps().get(i).kind());
            goal[i] = routine.steps().get(i).goal();
            status[i] = Status.PENDING;
            completedAt[i] = -1;
            lastEnd[i] = Long.MIN_VALUE;
            for (String r : routine.steps().get(i).regions()) {
                timeMask[i][BodyRegion.fromId(r).ordinal()] = true;
            }
        }
        current = -1;
        advance(0);
    }

    public Routine routine() {
        return routine;
    }

    /**
     * Time steps: seconds with pressure on the step's regions, while it is current.
     *
     * @param touched per region ordinal: touched this frame
     * @return true when the current step completed in this frame
     */
    public boolean updateTime(long t, long dtUs, boolean[] touched) {
        if (finished || current < 0 || !timed[current]) {
            return false;
        }
        boolean[] mask = timeMask[current];
        for (int g = 0; g < mask.length; g++) {
            if (mask[g] && touched[g]) {
                count[current] += dtUs / 1e6;
                break;
            }
        }
        if (count[current] >= goal[current]) {
            complete(current, t);
            return true;
        }
        return false;
    }

    /**
     * Judges a finished movement and counts it where it belongs.
     *
     * @param names   body map for the place names in the text
     * @param profile the profile in force (bands, hold time)
     */
    public MovementFeedback judge(Movement m, BodyMap names, Profile profile) {
        String what = describe(m, names);
        int target = -1;
        List<String> misses = List.of();
        if (current >= 0 && kindOf(step(current)) == m.type()) {
            target = current;
            misses = misses(step(current), m, names, profile);
            int other = misses.isEmpty() ? -1 : otherStepMetBy(m, profile);
            if (other >= 0) {
                // not this step done badly but another step done well (a thumb slide while effleurage is current)
                target = other;
                misses = List.of();
            }
        } else {
            target = otherStepMetBy(m, profile);
            if (target < 0) {
                return new MovementFeedback(m, MovementFeedback.Verdict.NO_STEP, null, 0, 0, List.of(), what);
            }
        }
        Routine.Step s = step(target);
        int goal = (int) Math.round(s.goal());
        if (!misses.isEmpty()) {
            return new MovementFeedback(m, MovementFeedback.Verdict.MISSED, s.id(), (int) count[target], goal, misses,
                    what + ": " + String.join("; ", misses));
        }
        boolean sameRepetition = overlapsMoreThanHalf(m, lastStart[target], lastEnd[target]);
        if (!sameRepetition) {
            count[target]++;
            lastStart[target] = m.startUs();
            lastEnd[target] = m.endUs();
        } else {
            lastEnd[target] = Math.max(lastEnd[target], m.endUs());
        }
        int c = (int) count[target];
        if (!status[target].completed() && c >= goal) {
            complete(target, m.endUs());
            return new MovementFeedback(m, MovementFeedback.Verdict.STEP_COMPLETE, s.id(), c, goal, List.of(),
                    what + ": " + s.label() + " complete (" + c + " / " + goal + ")");
        }
        return new MovementFeedback(m, MovementFeedback.Verdict.COUNTED, s.id(), c, goal, List.of(),
                what + (sameRepetition ? ", with the other hand" : "") + ": " + c + " / " + goal);
    }

    /** Skips the current step on purpose (the trainee's "skip" button). */
    public void skipCurrent() {
        if (current >= 0) {
            status[current] = Status.SKIPPED;
            advance(current + 1);
        }
    }

    /** End of stream: whatever is pending or current was not reached. */
    public void finish() {
        finished = true;
        for (int i = 0; i < n; i++) {
            if (status[i] == Status.PENDING || status[i] == Status.CURRENT) {
                status[i] = Status.NOT_REACHED;
            }
        }
        // current keeps pointing at where the session stopped (the report shows it)
    }

    public boolean finished() {
        return finished;
    }

    private void complete(int i, long t) {
        boolean wasCurrent = i == current;
        status[i] = wasCurrent ? Status.DONE : Status.OUT_OF_ORDER;
        completedAt[i] = t;
        if (wasCurrent) {
            advance(i + 1);
        } else if (current >= 0 && i > current) {
            // the trainee moved on: the unfinished steps before this one are skipped
            for (int k = current; k < i; k++) {
                if (status[k] == Status.PENDING || status[k] == Status.CURRENT) {
                    status[k] = Status.SKIPPED;
                }
            }
            advance(i + 1);
        }
    }

    private void advance(int from) {
        current = -1;
        for (int i = from; i < n; i++) {
            if (status[i] == Status.PENDING) {
                current = i;
                status[i] = Status.CURRENT;
                // a pending step starts from scratch when it becomes current (earlier counts were tentative)
                count[i] = 0;
                lastEnd[i] = Long.MIN_VALUE;
                return;
            }
        }
    }

    private static boolean overlapsMoreThanHalf(Movement m, long s0, long e0) {
        if (e0 == Long.MIN_VALUE) {
            return false;
        }
        long overlap = Math.min(m.endUs(), e0) - Math.max(m.startUs(), s0);
        long shorter = Math.min(m.endUs() - m.startUs(), e0 - s0);
        return overlap > 0 && overlap * 2 > shorter;
    }

    /** The first step other than the current one, not done yet, whose every ask the movement meets; else -1. */
    private int otherStepMetBy(Movement m, Profile profile) {
        for (int i = 0; i < n; i++) {
            if (i != current && (status[i] == Status.PENDING || status[i] == Status.SKIPPED)
                    && kindOf(step(i)) == m.type() && meets(step(i), m, profile)) {
                return i;
            }
        }
        return -1;
    }

    private Routine.Step step(int i) {
        return routine.steps().get(i);
    }

    static MovementType kindOf(Routine.Step s) {
        return switch (s.kind()) {
            case "strokes" -> MovementType.STROKE;
            case "circles" -> MovementType.CIRCLE;
            case "hold" -> MovementType.HOLD;
            default -> null;
        };
    }

    /** What the movement misses of what the step asks, one short phrase each; empty when it meets them all. */
    static List<String> misses(Routine.Step s, Movement m, BodyMap names, Profile profile) {
        List<String> out = new ArrayList<>(2);
        check(s, m, names, profile, out);
        return out;
    }

    /** True when the movement meets every ask of the step (nothing formatted: tried on several steps per movement). */
    static boolean meets(Routine.Step s, Movement m, Profile profile) {
        return !check(s, m, null, profile, null);
    }

    /**
     * Checks the movement against the step's asks, in the order the trainee reads them.
     *
     * @param out the phrases of the misses go here; null: stop at the first miss
     * @return whether it missed anything
     */
    private static boolean check(Routine.Step s, Movement m, BodyMap names, Profile profile, List<String> out) {
        boolean missed = false;
        if (m.type() != MovementType.HOLD && s.direction() != null && !s.direction().equals(m.direction().id())) {
            if (out == null) {
                return true;
            }
            missed = out.add("wrong direction: " + m.direction().id() + ", aim for " + s.direction());
        }
        if (!s.regions().isEmpty() && (m.region() == null || !s.regions().contains(m.region().id()))) {
            if (out == null) {
                return true;
            }
            missed = out.add("wrong place: " + place(m.region(), names) + ", aim for " + regionsText(s, names));
        }
        String pace = null;
        if (m.type() == MovementType.HOLD) {
            double target = profile.holdTimeS();
            if (m.durationS() < target - HOLD_SLACK_S) {
                pace = out == null ? "" : "too short: " + fixed(m.durationS(), 1) + " s, aim for " + num(target) + " s";
            }
        } else if (s.aimS() > 0) {
            if (m.durationS() < s.aimS() / PACE_TOLERANCE) {
                pace = out == null ? "" : "too fast: " + fixed(m.durationS(), 1) + " s, aim for " + num(s.aimS()) + " s";
            } else if (m.durationS() > s.aimS() * PACE_TOLERANCE) {
                pace = out == null ? "" : "too slow: " + fixed(m.durationS(), 1) + " s, aim for " + num(s.aimS()) + " s";
            }
        }
        if (pace != null) {
            if (out == null) {
                return true;
            }
            missed = out.add(pace);
        }
        HandPart part = m.handPart();
        if (s.handPart() != null && part != null && !s.handPart().equals(part.id())) {
            if (out == null) {
                return true;
            }
            missed = out.add("with the " + part.id() + " (" + fixed(m.contactMm2() / 100, 0)
                    + " cm² on the mat), aim for the " + s.handPart());
        }
        if (m.type() == MovementType.STROKE && s.minLengthMm() > 0 && m.lengthMm() < s.minLengthMm()) {
            if (out == null) {
                return true;
            }
            missed = out.add("too short: " + fixed(m.lengthMm(), 0) + " mm, aim for at least " + num(s.minLengthMm())
                    + " mm");
        }
        // pressure is judged only where the step asks for it: the profile's bands are for region peaks, and a
        // thumb, read by its force over one cell on a coarse mat, sits under its true peak (CompactPressure)
        double[] band = s.kpa();
        if (band != null && (m.meanKpa() < band[0] || m.meanKpa() > band[1])) {
            if (out == null) {
                return true;
            }
            missed = out.add((m.meanKpa() < band[0] ? "too light: " : "too hard: ") + fixed(m.meanKpa(), 0)
                    + " kPa, aim for " + num(band[0]) + "-" + num(band[1]) + " kPa");
        }
        return missed;
    }

    /** "Stroke up, 300 mm in 2.8 s (107 mm/s), 24 kPa, lower back (left)". */
    static String describe(Movement m, BodyMap names) {
        String where = place(m.region(), names);
        return switch (m.type()) {
            case STROKE -> "Stroke " + m.direction().id() + ", " + fixed(m.lengthMm(), 0) + " mm in "
                    + fixed(m.durationS(), 1) + " s (" + fixed(m.speedMmS(), 0) + " mm/s), " + fixed(m.meanKpa(), 0)
                    + " kPa, " + where;
            case CIRCLE -> "Circle " + m.direction().id() + ", radius " + fixed(m.radiusMm(), 0) + " mm in "
                    + fixed(m.durationS(), 1) + " s, " + fixed(m.meanKpa(), 0) + " kPa, " + where;
            case HOLD -> "Hold " + fixed(m.durationS(), 1) + " s at " + fixed(m.meanKpa(), 0) + " kPa, " + where;
        };
    }

    private static String place(BodyRegion r, BodyMap names) {
        return r == null ? "off the back" : names.displayName(r).toLowerCase(Locale.ROOT);
    }

    private static String regionsText(Routine.Step s, BodyMap names) {
        StringBuilder b = new StringBuilder();
        for (String id : s.regions()) {
            b.append(b.length() == 0 ? "" : " or ").append(place(BodyRegion.fromId(id), names));
        }
        return b.toString();
    }

    /** The feedback's numbers: what {@code %.Nf} writes, without the Formatter's cost per movement. */
    private static String fixed(double v, int places) {
        return Decimals.fixed(v, places);
    }

    private static String num(double v) {
        return Decimals.brief(v);
    }

    /** The progress now (allocates). */
    public RoutineProgress progress(double holdS, double holdTargetS) {
        List<RoutineProgress.StepState> states = new ArrayList<>(n);
        List<Long> completed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            states.add(new RoutineProgress.StepState(step(i).id(), status[i], count[i], step(i).goal(), completedAt[i]));
            if (status[i].completed()) {
                completed.add(completedAt[i]);
            }
        }
        boolean none = current < 0;
        boolean allDone = true;
        for (Status st : status) {
            allDone &= st.completed() || st == Status.SKIPPED;
        }
        double frac = none ? 1 : Math.max(0, Math.min(1, count[current] / step(current).goal()));
        return new RoutineProgress(routine.name(), routine.id(), none ? n : current, none ? null : step(current), frac,
                allDone, completed, states, holdS, holdTargetS);
    }

    @Override
    public State checkpoint() {
        return new State(routine, status.clone(), count.clone(), completedAt.clone(), lastStart.clone(),
                lastEnd.clone(), current, finished);
    }

    /** Restores progress; the coach must follow the same routine ({@code new RoutineCoach(s.routine())}). */
    @Override
    public void restore(State s) {
        System.arraycopy(s.status(), 0, status, 0, n);
        System.arraycopy(s.count(), 0, count, 0, n);
        System.arraycopy(s.completedAt(), 0, completedAt, 0, n);
        System.arraycopy(s.lastStart(), 0, lastStart, 0, n);
        System.arraycopy(s.lastEnd(), 0, lastEnd, 0, n);
        current = s.current();
        finished = s.finished();
    }
}
