/**
 * Counts to kPa: calibration curves and their fitter, the per-sensor lookup table, user calibrations, tare,
 * dead-cell watch and drift status. Plain Java, no JavaFX.
 */
package io.tactus.signal.calibration;
