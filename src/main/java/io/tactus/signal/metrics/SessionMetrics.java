package io.tactus.signal.metrics;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tactus.signal.body.BodyRegion;
import io.tactus.signal.flags.FlagType;
import java.util.List;

/**
 * Per-session metrics, an immutable copy made by {@link io.tactus.signal.SignalPipeline#metrics()}. Times in
 * seconds of device time; region ids as in {@link BodyRegion#id()}.
 *
 * @param profile            profile id the session was scored with
 * @param frames             frames processed
 * @param durationS          first to last frame
 * @param contactTimeS       time with any pressure on the mat
 * @param maxForceN          highest total force
 * @param peakKpa            highest cell pressure
 * @param regions            per region: time touched, time below / within / above the target band, pressure-time
 *                           integral, impulse
 * @param leftForceShare     left / (left + right) of the force-time integral over the lateral regions (0.5 =
 *                           balanced; NaN without lateral work)
 * @param leftTimeS          time the receiver's left side was touched
 * @param rightTimeS         time their right side was touched
 * @param flags              count and total duration per flag type
 * @param movement           guidance metrics from the centre of pressure
 * @param firstContactRegion region of the first touch (the guidance starts at the lower back), or null
 * @param rows               coverage grid rows
 * @param cols               coverage grid columns
 * @param coverageKpaS       pressure-time integral per cell (kPa s), row-major: the coverage map
 */
public record SessionMetrics(@JsonProperty("profile") String profile,
                             @JsonProperty("frames") long frames,
                             @JsonProperty("duration_s") double durationS,
                             @JsonProperty("contact_time_s") double contactTimeS,
                             @JsonProperty("max_force_n") double maxForceN,
                             @JsonProperty("peak_kpa") double peakKpa,
                             @JsonProperty("regions") List<RegionMetrics> regions,
                             @JsonProperty("left_force_share") double leftForceShare,
                             @JsonProperty("left_time_s") double leftTimeS,
                             @JsonProperty("right_time_s") double rightTimeS,
                             @JsonProperty("flags") List<FlagMetrics> flags,
                             @JsonProperty("movement") Movement movement,
                             @JsonProperty("first_contact_region") String firstContactRegion,
                             @JsonProperty("rows") int rows,
                             @JsonProperty("cols") int cols,
                             @JsonProperty("coverage_kpa_s") float[] coverageKpaS) {

    public SessionMetrics {
        regions = List.copyOf(regions);
        flags = List.copyOf(flags);
        coverageKpaS = coverageKpaS.clone();
    }

    /**
     * @param timeTouchedS  time the region's peak was at or above the profile's contact level
     * @param timeBelowS    of that, below the target band
     * @param timeWithinS   within it
     * @param timeAboveS    above it
     * @param ptiKpaS       pressure-time integral of the region's peak pressure (kPa s)
     * @param impulseNs     force-time integral (N s)
     * @param peakKpa       highest pressure seen
     */
    public record RegionMetrics(@JsonProperty("region") String region,
                                @JsonProperty("time_touched_s") double timeTouchedS,
                                @JsonProperty("time_below_s") double timeBelowS,
                                @JsonProperty("time_within_s") double timeWithinS,
                                @JsonProperty("time_above_s") double timeAboveS,
                                @JsonProperty("pti_kpa_s") double ptiKpaS,
                                @JsonProperty("impulse_ns") double impulseNs,
                                @JsonProperty("peak_kpa") double peakKpa) {
    }

    public record FlagMetrics(@JsonProperty("type") String type, @JsonProperty("count") int count,
                              @JsonProperty("total_s") double totalS) {
    }

    /**
     * Movements the guidance prescribes, counted per tracked contact (two hands stroking together are two
     * strokes; docs/SIGNAL.md, "Technique").
     *
     * @param strokesUp            strokes toward the head (effleurage, thumb slides)
     * @param strokesDown          toward the feet (knuckles from mid-back to hips)
     * @param strokesOutward       away from the spine (finger press pulling outward)
     * @param strokesInward        toward the spine
     * @param circlesClockwise     full circles, clockwise as seen from above with the head at the top
     * @param circlesCounterClockwise the other way
     * @param holds                stationary presses of at least 1.5 s
     * @param holdsReachingTarget  holds lasting the profile's hold time (trigger point: ~5 s)
     * @param holdTargetS          that hold time
     * @param holdDurationsS       each hold's duration (first 1000)
     */
    public record Movement(@JsonProperty("strokes_up") int strokesUp,
                           @JsonProperty("strokes_down") int strokesDown,
                           @JsonProperty("strokes_outward") int strokesOutward,
                           @JsonProperty("strokes_inward") int strokesInward,
                           @JsonProperty("circles_clockwise") int circlesClockwise,
                           @JsonProperty("circles_counterclockwise") int circlesCounterClockwise,
                           @JsonProperty("holds") int holds,
                           @JsonProperty("holds_reaching_target") int holdsReachingTarget,
                           @JsonProperty("hold_target_s") double holdTargetS,
                           @JsonProperty("hold_durations_s") List<Double> holdDurationsS) {

        public Movement {
            holdDurationsS = List.copyOf(holdDurationsS);
        }
    }

    public RegionMetrics region(BodyRegion r) {
        for (RegionMetrics m : regions) {
            if (m.region().equals(r.id())) {
                return m;
            }
        }
        return null;
    }

    public FlagMetrics flag(FlagType t) {
        for (FlagMetrics m : flags) {
            if (m.type().equals(t.id())) {
                return m;
            }
        }
        return null;
    }
}
