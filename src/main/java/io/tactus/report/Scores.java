package io.tactus.report;

import io.tactus.session.FileAnalysis;
import io.tactus.session.SessionAnalysis;
import io.tactus.signal.flags.FlagType;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.metrics.SessionMetrics;
import io.tactus.signal.technique.RoutineProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The few clear scores of one session, the same everywhere they appear: `analyze --json` ("scores"), the report's
 * summary, the session library, trainee progress and cohort tables. Derived from the analysis only.
 *
 * @param durationS              session length (first to last frame)
 * @param spineContacts          spine-contact flags
 * @param spineContactsPerMinute the same per minute of session (0 for an empty session)
 * @param spineContactS          total spine-contact time
 * @param boneContacts           bone-contact flags (shoulder blades, sacrum, iliac crests)
 * @param boneContactS           total bone-contact time
 * @param excessS                seconds above a region's hard maximum (excess-pressure flags)
 * @param excessEvents           excess-pressure flags
 * @param tooMuchMarkers         the receiver's marker presses
 * @param timeInBand             share 0..1 of the time muscle regions were touched that their pressure was within
 *                               the profile's target band; NaN without muscle work
 * @param timeBelowBand          share of that time below the band
 * @param timeAboveBand          share of that time above the band
 * @param leftShare              force on the receiver's left / (left + right), 0.5 = balanced; NaN without
 *                               lateral work
 * @param routineStepsDone       guided-routine steps completed (done, or done out of order) when a routine was
 *                               started in the session (a recorded command); -1 otherwise
 * @param routineSteps           steps in the routine, or -1
 */
public record Scores(double durationS, int spineContacts, double spineContactsPerMinute, double spineContactS,
                     int boneContacts, double boneContactS, double excessS, int excessEvents, int tooMuchMarkers,
                     double timeInBand, double timeBelowBand, double timeAboveBand, double leftShare,
                     int routineStepsDone, int routineSteps) {

    /** Routine completion 0..1, NaN without a routine analysis. */
    public double routineCompletion() {
        return routineSteps > 0 ? routineStepsDone / (double) routineSteps : Double.NaN;
    }

    public static Scores of(FileAnalysis.Result r) {
        return of(r.analysis(), r.pipeline() == null ? null : r.pipeline().routineProgress());
    }

    /**
     * With the guided routine's outcome from the core that ran the session (null: no routine was started, so
     * routine steps stay unknown).
     */
    public static Scores of(SessionAnalysis a, RoutineProgress routine) {
        Scores s = of(a);
        if (routine == null || routine.steps().isEmpty()) {
            return s;
        }
        int done = (int) routine.steps().stream().filter(st -> st.status().completed()).count();
        return s.withRoutine(done, routine.steps().size());
    }

    /** From an analysis: its flag counts and times, and its per-region statistics (all segments). */
    public static Scores of(SessionAnalysis a) {
        SessionAnalysis.Metrics m = a.metrics();
        int spine = count(m, FlagType.SPINE_CONTACT);
        int bone = count(m, FlagType.BONE_CONTACT);
        double touched = 0;
        double within = 0;
        double below = 0;
        double above = 0;
        for (SessionMetrics.RegionMetrics rm : a.regions()) {
            if (BodyRegion.fromId(rm.region()).kind() == BodyRegion.Kind.MUSCLE) {
                touched += rm.timeTouchedS();
                within += rm.timeWithinS();
                below += rm.timeBelowS();
                above += rm.timeAboveS();
            }
        }
        double minutes = m.durationSeconds() / 60.0;
        return new Scores(m.durationSeconds(), spine, minutes > 0 ? spine / minutes : 0,
                seconds(m, FlagType.SPINE_CONTACT), bone, seconds(m, FlagType.BONE_CONTACT),
                seconds(m, FlagType.EXCESS_PRESSURE), count(m, FlagType.EXCESS_PRESSURE), count(m, FlagType.MARKER),
                touched > 0 ? within / touched : Double.NaN, touched > 0 ? below / touched : Double.NaN,
                touched > 0 ? above / touched : Double.NaN, m.leftRightBalance(), -1, -1);
    }

    /** With a routine's progress (from the technique analysis when it exists). */
    public Scores withRoutine(int done, int steps) {
        return new Scores(durationS, spineContacts, spineContactsPerMinute, spineContactS, boneContacts, boneContactS,
                excessS, excessEvents, tooMuchMarkers, timeInBand, timeBelowBand, timeAboveBand, leftShare, done,
                steps);
    }

    /** JSON / column names (snake_case), values rounded like the rest of `analyze --json`; NaN becomes null. */
    public Map<String, Object> toMap() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("duration_s", round(durationS));
        o.put("spine_contacts", spineContacts);
        o.put("spine_contacts_per_min", round(spineContactsPerMinute));
        o.put("spine_contact_s", round(spineContactS));
        o.put("bone_contacts", boneContacts);
        o.put("bone_contact_s", round(boneContactS));
        o.put("excess_s", round(excessS));
        o.put("excess_events", excessEvents);
        o.put("too_much_markers", tooMuchMarkers);
        o.put("time_in_band", round(timeInBand));
        o.put("time_below_band", round(timeBelowBand));
        o.put("time_above_band", round(timeAboveBand));
        o.put("left_share", round(leftShare));
        o.put("routine_steps_done", routineSteps < 0 ? null : routineStepsDone);
        o.put("routine_steps", routineSteps < 0 ? null : routineSteps);
        return o;
    }

    /** Three decimals; null for NaN / infinity (the rounding `analyze --json` uses). */
    public static Double round(double v) {
        return Double.isFinite(v) ? Math.round(v * 1000.0) / 1000.0 : null;
    }

    private static int count(SessionAnalysis.Metrics m, FlagType t) {
        Long n = m.flagCounts().get(t.id());
        return n == null ? 0 : n.intValue();
    }

    private static double seconds(SessionAnalysis.Metrics m, FlagType t) {
        Double s = m.flagSeconds().get(t.id());
        return s == null ? 0 : s;
    }
}
