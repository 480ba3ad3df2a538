package io.tactus.signal.calibration;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One known load for a user calibration: the mean tared counts of the loaded cells and the pressure that was
 * really applied.
 *
 * @param counts mean counts above zero load over the loaded cells
 * @param kpa    applied pressure
 */
public record LoadPoint(@JsonProperty("counts") double counts, @JsonProperty("kpa") double kpa) {

    /** Standard gravity, m/s^2. */
    public static final double G = 9.80665;

    public LoadPoint {
        if (!(counts >= 0) || !(kpa >= 0) || Double.isInfinite(counts) || Double.isInfinite(kpa)) {
            throw new IllegalArgumentException("load point needs finite counts >= 0 and kPa >= 0");
        }
    }

    /** A mass of {@code kg} resting on {@code areaCm2}: kPa = kg * g / area. */
    public static LoadPoint ofMass(double kg, double areaCm2, double counts) {
        if (!(kg > 0) || !(areaCm2 > 0)) {
            throw new IllegalArgumentException("mass and area must be > 0");
        }
        return new LoadPoint(counts, kg * G / (areaCm2 * 1e-4) / 1000.0);
    }
}
