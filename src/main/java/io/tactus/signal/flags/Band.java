package io.tactus.signal.flags;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A region's pressure band in kPa: where the work should be ({@code targetMin..targetMax}) and the ceiling above
 * which {@code excess_pressure} is raised ({@code hardMax}; null = not checked, as for the spine and the bones,
 * which have their own contact flags).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Band(@JsonProperty("target_min") double targetMin,
                   @JsonProperty("target_max") double targetMax,
                   @JsonProperty("hard_max") Double hardMax) {

    public Band {
        if (!(targetMin >= 0) || !(targetMax >= targetMin)) {
            throw new IllegalArgumentException("band needs 0 <= target_min <= target_max, got " + targetMin + ".."
                    + targetMax);
        }
        if (hardMax != null && !(hardMax > 0 && hardMax >= targetMax)) {
            throw new IllegalArgumentException("hard_max must be > 0 and >= target_max, got " + hardMax);
        }
    }

    /** hard max, or +infinity when not checked. */
    @JsonIgnore
    public double hardMaxOrInfinity() {
        return hardMax == null ? Double.POSITIVE_INFINITY : hardMax;
    }
}
