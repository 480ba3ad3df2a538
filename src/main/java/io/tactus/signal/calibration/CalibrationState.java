package io.tactus.signal.calibration;

/**
 * What the readings are worth, for the status bar.
 *
 * @param source       "factory", "user" or "uncalibrated" (no factory calibration in HELLO: 1 kPa per count)
 * @param description  the curve, e.g. "power: 0.0123 * d^1.25"
 * @param rmsErrorPct  user fit error in percent (NaN for factory)
 * @param tared        a tare baseline is in use
 * @param noiseFloorKpa median noise floor
 * @param deadCells    cells excluded
 */
public record CalibrationState(String source, String description, double rmsErrorPct, boolean tared,
                               double noiseFloorKpa, int deadCells) {
}
