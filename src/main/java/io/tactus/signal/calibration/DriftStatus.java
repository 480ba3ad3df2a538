package io.tactus.signal.calibration;

/**
 * Baseline drift since the tare (or since the factory offset), tracked while nothing is pressed.
 *
 * @param meanDriftKpa mean absolute baseline change over live cells, in kPa
 * @param maxDriftKpa  largest single-cell change
 * @param warning      the mean drift exceeds the noise floor: re-tare advised (the tracker keeps re-zeroing)
 * @param idleFrames   frames the tracker updated the baseline on
 */
public record DriftStatus(double meanDriftKpa, double maxDriftKpa, boolean warning, long idleFrames) {
}
