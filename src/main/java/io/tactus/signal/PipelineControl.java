package io.tactus.signal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.protocol.Json;
import io.tactus.signal.body.Registration;
import io.tactus.signal.calibration.UserCalibration;
import io.tactus.signal.flags.PersonalLimits;
import io.tactus.signal.flags.Profile;
import io.tactus.signal.flags.Profiles;
import io.tactus.signal.technique.Routine;
import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Every state change of a {@link SignalPipeline} as a named command with string arguments, so a session can
 * record it at its place in the packet stream and a replay can apply it at exactly the same frame (the mapping
 * lives here, next to the API it drives). Arguments holding structures are JSON in the same form the signal
 * classes read and write ({@link Registration}, {@link Profile}, {@link UserCalibration}, {@link PersonalLimits},
 * {@link Routine}).
 *
 * <table>
 *   <caption>commands</caption>
 *   <tr><td>tare</td><td>seconds (default 3)</td><td>{@link SignalPipeline#startTare}</td></tr>
 *   <tr><td>tare_cancel</td><td></td><td>{@link SignalPipeline#cancelTare}</td></tr>
 *   <tr><td>profile</td><td>id (built-in) or json</td><td>switch profile</td></tr>
 *   <tr><td>registration</td><td>json</td><td>{@link SignalPipeline#setRegistration}</td></tr>
 *   <tr><td>spine_half_width</td><td>mm</td><td>spine band width</td></tr>
 *   <tr><td>trace_start / trace_cancel</td><td></td><td>trace the spine</td></tr>
 *   <tr><td>trace_finish</td><td>degree (1 or 2, default 1)</td><td>{@link SignalPipeline#finishSpineTrace}</td></tr>
 *   <tr><td>calibration</td><td>json, or none for factory</td><td>{@link SignalPipeline#applyUserCalibration}</td></tr>
 *   <tr><td>limits</td><td>json</td><td>{@link SignalPipeline#setPersonalLimits}</td></tr>
 *   <tr><td>routine_start</td><td>json (default: the built-in routine)</td><td>{@link SignalPipeline#startRoutine}</td></tr>
 *   <tr><td>routine_stop</td><td></td><td>{@link SignalPipeline#stopRoutine}</td></tr>
 *   <tr><td>routine_skip</td><td></td><td>{@link SignalPipeline#skipRoutineStep}</td></tr>
 * </table>
 */
public final class PipelineControl {

    public static final Set<String> KNOWN = Set.of("tare", "tare_cancel", "profile", "registration",
            "spine_half_width", "trace_start", "trace_cancel", "trace_finish", "calibration", "limits",
            "routine_start", "routine_stop", "routine_skip");

    private static final ObjectMapper JSON = Json.MAPPER;

    private PipelineControl() {
    }

    /**
     * Applies a command.
     *
     * @throws IllegalArgumentException with a one-line reason for an unknown command or bad arguments
     * @throws IllegalStateException    when the pipeline refuses (e.g. a spine trace too short to fit)
     */
    public static void apply(SignalPipeline p, String name, Map<String, String> args) {
        Map<String, String> a = args == null ? Map.of() : args;
        switch (name == null ? "" : name) {
            case "tare" -> p.startTare(number(a, "seconds", 3.0));
            case "tare_cancel" -> p.cancelTare();
            case "profile" -> p.applySettings(p.settings().withProfile(a.containsKey("json")
                    ? json(a, Profile.class) : Profiles.byId(required(a, "id"))));
            case "registration" -> p.setRegistration(json(a, Registration.class));
            case "spine_half_width" -> p.applySettings(p.settings().withSpineHalfWidth(number(a, "mm", Double.NaN)));
            case "trace_start" -> p.startSpineTrace();
            case "trace_cancel" -> p.cancelSpineTrace();
            case "trace_finish" -> p.finishSpineTrace((int) number(a, "degree", 1));
            case "calibration" -> p.applyUserCalibration(a.containsKey("json") ? json(a, UserCalibration.class) : null);
            case "limits" -> p.setPersonalLimits(json(a, PersonalLimits.class));
            case "routine_start" -> p.startRoutine(a.containsKey("json") ? json(a, Routine.class)
                    : Routine.defaultRoutine());
            case "routine_stop" -> p.stopRoutine();
            case "routine_skip" -> p.skipRoutineStep();
            default -> throw new IllegalArgumentException("unknown pipeline command '" + name + "' (known: "
                    + String.join(", ", new java.util.TreeSet<>(KNOWN)) + ")");
        }
    }

    /** The JSON argument form of a value, for recording a command. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot serialise " + value.getClass().getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    private static String required(Map<String, String> a, String key) {
        String v = a.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing argument '" + key + "'");
        }
        return v;
    }

    private static double number(Map<String, String> a, String key, double dflt) {
        String v = a.get(key);
        if (v == null) {
            if (Double.isNaN(dflt)) {
                throw new IllegalArgumentException("missing argument '" + key + "'");
            }
            return dflt;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("argument '" + key + "' must be a number, got '" + v + "'");
        }
    }

    private static <T> T json(Map<String, String> a, Class<T> type) {
        String v = required(a, "json");
        try {
            return JSON.readValue(v, type);
        } catch (IOException e) {
            Throwable c = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new IllegalArgumentException(type.getSimpleName() + " argument: "
                    + String.valueOf(c.getMessage()).split("\n")[0]);
        }
    }
}
