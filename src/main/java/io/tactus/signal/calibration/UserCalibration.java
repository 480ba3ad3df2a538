package io.tactus.signal.calibration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A calibration fitted from known loads, saved per device serial and reused.
 *
 * @param serial         device serial it belongs to
 * @param curve          the fitted curve
 * @param rmsErrorKpa    root-mean-square residual in kPa (leave-one-out for interpolating models)
 * @param rmsErrorPct    root-mean-square relative residual in percent of the applied pressure
 * @param points         the load points it was fitted on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserCalibration(@JsonProperty("serial") String serial,
                              @JsonProperty("curve") CalibrationCurve curve,
                              @JsonProperty("rms_error_kpa") double rmsErrorKpa,
                              @JsonProperty("rms_error_pct") double rmsErrorPct,
                              @JsonProperty("points") List<LoadPoint> points) {

    public UserCalibration {
        points = points == null ? List.of() : List.copyOf(points);
    }
}
