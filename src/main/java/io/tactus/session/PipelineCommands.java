package io.tactus.session;

import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.PipelineControl;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.body.Registration;
import io.tactus.signal.technique.Routine;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.calibration.UserCalibration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Applies recorded {@link PipelineCommand}s to the signal pipeline, and builds them. The same mapping runs live
 * and on replay, which is what keeps a replay exact. The name-to-call table itself belongs to the signal core
 * ({@link PipelineControl}), so a new pipeline action is added in one place; the typed factories below are the
 * only place outside it that spells a command's name and argument keys, so callers never build string maps.
 */
public final class PipelineCommands {

    /** Names this version can apply. */
    public static final Set<String> KNOWN = PipelineControl.KNOWN;

    private PipelineCommands() {
    }

    /**
     * @throws IllegalArgumentException for an unknown command or bad arguments (one-line message)
     * @throws IllegalStateException    when the pipeline refuses the action
     */
    public static void apply(SignalPipeline pipeline, PipelineCommand command) {
        PipelineControl.apply(pipeline, command.name(), command.args());
    }

    /** Records {@code seconds} of no-touch baseline and subtracts it. */
    public static PipelineCommand tare(double seconds) {
        return new PipelineCommand("tare", Map.of("seconds", number(seconds)));
    }

    public static PipelineCommand tareCancel() {
        return PipelineCommand.of("tare_cancel");
    }

    /** Switches to {@code profile} (carried whole, so a user's edited bands replay exactly). */
    public static PipelineCommand profile(Profile profile) {
        return new PipelineCommand("profile", Map.of("json", PipelineControl.toJson(profile)));
    }

    /** Switches to a built-in profile by id. */
    public static PipelineCommand profile(String id) {
        return new PipelineCommand("profile", Map.of("id", id));
    }

    public static PipelineCommand registration(Registration registration) {
        return new PipelineCommand("registration", Map.of("json", PipelineControl.toJson(registration)));
    }

    public static PipelineCommand spineHalfWidth(double mm) {
        return new PipelineCommand("spine_half_width", Map.of("mm", number(mm)));
    }

    /** Trace the spine, step 1: start collecting the finger's track. */
    public static PipelineCommand traceStart() {
        return PipelineCommand.of("trace_start");
    }

    public static PipelineCommand traceCancel() {
        return PipelineCommand.of("trace_cancel");
    }

    /** Trace the spine, step 2: fit a midline of {@code degree} 1 (straight) or 2 (curved). */
    public static PipelineCommand traceFinish(int degree) {
        return new PipelineCommand("trace_finish", Map.of("degree", Integer.toString(degree)));
    }

    /** A user calibration, or null for the factory curve. */
    public static PipelineCommand calibration(UserCalibration calibration) {
        return calibration == null ? PipelineCommand.of("calibration")
                : new PipelineCommand("calibration", Map.of("json", PipelineControl.toJson(calibration)));
    }

    public static PipelineCommand limits(PersonalLimits limits) {
        return new PipelineCommand("limits", Map.of("json", PipelineControl.toJson(limits)));
    }

    /** Starts {@code routine}, or the built-in routine when null. */
    public static PipelineCommand routineStart(Routine routine) {
        return routine == null ? PipelineCommand.of("routine_start")
                : new PipelineCommand("routine_start", Map.of("json", PipelineControl.toJson(routine)));
    }

    public static PipelineCommand routineStop() {
        return PipelineCommand.of("routine_stop");
    }

    /** Passes over the routine's current step (it is marked skipped). */
    public static PipelineCommand routineSkip() {
        return PipelineCommand.of("routine_skip");
    }

    private static String number(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("a command argument must be a finite number, got " + v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }
}
