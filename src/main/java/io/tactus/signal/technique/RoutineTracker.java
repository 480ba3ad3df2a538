package io.tactus.signal.technique;

import io.tactus.signal.state.Checkpointable;import io.tactus.signal.body.BodyRegion;

/**
 * Follows a {@link Routine} frame by frame from the movement counters and the touched regions, without
 * allocating: a step's progress is what its counter gained since the step began.
 */
public final class RoutineTracker implements Checkpointable<RoutineTracker.State> {

    /** The routine followed and the progress through it. */
    public record State(Routine routine, int step, double baseValue, double timeUs, long[] completedAt) {
    }

    private final Routine routine;
    private final int[] kind;
    private final int[] counter;
    private final double[] goal;
    private final boolean[][] regionMask;
    private final long[] completedAt;
    private int step;
    private double baseValue;
    private double timeUs;

    private static final int STROKES = 0;
    private static final int CIRCLES = 1;
    private static final int HOLD = 2;
    private static final int TIME = 3;

    public RoutineTracker(Routine routine) {
        this.routine = routine;
        int n = routine.steps().size();
        kind = new int[n];
        counter = new int[n];
        goal = new double[n];
        regionMask = new boolean[n][BodyRegion.values().length];
        completedAt = new long[n];
        for (int i = 0; i < n; i++) {
            Routine.Step s = routine.steps().get(i);
            goal[i] = s.goal();
            switch (s.kind()) {
                case "strokes" -> {
                    kind[i] = STROKES;
                    counter[i] = MovementTracker.Dir.valueOf(s.direction().toUpperCase()).ordinal();
                }
                case "circles" -> {
                    kind[i] = CIRCLES;
                    counter[i] = "clockwise".equals(s.direction()) ? 0 : 1;
                }
                case "hold" -> kind[i] = HOLD;
                default -> {
                    kind[i] = TIME;
                    for (String r : s.regions()) {
                        regionMask[i][BodyRegion.fromId(r).ordinal()] = true;
                    }
                }
            }
        }
        baseValue = -1;
    }

    private double value(MovementTracker m) {
        return switch (kind[step]) {
            case STROKES -> m.strokes[counter[step]];
            case CIRCLES -> counter[step] == 0 ? m.circlesCw : m.circlesCcw;
            case HOLD -> m.holdsReachingTarget;
            default -> timeUs / 1e6;
        };
    }

    /**
     * @param touched per region: touched this frame
     */
    public void update(long t, long dtUs, MovementTracker m, boolean[] touched) {
        if (step >= goal.length) {
            return;
        }
        if (kind[step] == TIME) {
            boolean[] mask = regionMask[step];
            for (int g = 0; g < mask.length; g++) {
                if (mask[g] && touched[g]) {
                    timeUs += dtUs;
                    break;
                }
            }
        }
        if (baseValue < 0) {
            baseValue = value(m);
        }
        if (value(m) - baseValue >= goal[step]) {
            completedAt[step] = t;
            step++;
            timeUs = 0;
            baseValue = step < goal.length ? value(m) : 0;
        }
    }

    RoutineProgress progress() {
        java.util.List<Long> done = new java.util.ArrayList<>();
        for (int i = 0; i < step; i++) {
            done.add(completedAt[i]);
        }
        if (step >= goal.length) {
            return new RoutineProgress(routine.name(), step, null, 1, true, done);
        }
        return new RoutineProgress(routine.name(), step, routine.steps().get(step),
                0, false, done);
    }

    public RoutineProgress progress(MovementTracker m) {
        RoutineProgress p = progress();
        if (p.done()) {
            return p;
        }
        double base = baseValue < 0 ? value(m) : baseValue;
        double frac = Math.max(0, Math.min(1, (value(m) - base) / goal[step]));
        return new RoutineProgress(p.routine(), p.step(), p.current(), frac, false, p.completedAtUs());
    }

    /** The routine this tracker follows. */
    public Routine routine() {
        return routine;
    }

    @Override
    public State checkpoint() {
        return new State(routine, step, baseValue, timeUs, completedAt.clone());
    }

    /** Restores progress; the tracker must follow the same routine ({@code new RoutineTracker(s.routine())}). */
    @Override
    public void restore(State s) {
        step = s.step();
        baseValue = s.baseValue();
        timeUs = s.timeUs();
        System.arraycopy(s.completedAt(), 0, completedAt, 0, completedAt.length);
    }
}
