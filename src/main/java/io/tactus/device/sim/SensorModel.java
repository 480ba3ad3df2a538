package io.tactus.device.sim;

import io.tactus.protocol.DeviceDescriptor;

/**
 * The piezoresistive sensing element and its 12-bit readout, shared by the mat and the glove. A Velostat/FSR
 * cell's conductance grows sub-linearly with pressure (G ~ P^0.8 here); a transimpedance stage makes the ADC
 * count proportional to conductance, so the factory calibration is a power law
 * {@code kPa = A * (count - OFFSET)^B} with B = 1/0.8 = 1.25, sent in HELLO. Full scale (4095 counts) is
 * ~400 kPa, above the hardest scripted press (260 kPa). Per-cell baseline and gain scatter around the factory
 * values, so a tare and a user calibration have something to correct.
 */
public final class SensorModel {

    public static final int ADC_BITS = 12;
    public static final int ADC_MAX = (1 << ADC_BITS) - 1;
    /** No-load reading of the factory calibration (counts). */
    public static final double OFFSET_COUNTS = 40;
    public static final double CAL_A = 0.0123;
    public static final double CAL_B = 1.25;
    /** Per-cell no-load baseline is uniform in OFFSET +- this (counts). */
    public static final double BASELINE_SPREAD_COUNTS = 6;
    /** Per-cell sensitivity is uniform in 1 +- this. */
    public static final double GAIN_SPREAD = 0.03;
    /** ADC + amplifier noise, standard deviation in counts, independent per cell and frame. */
    public static final double NOISE_SIGMA_COUNTS = 2.0;

    private SensorModel() {
    }

    public static DeviceDescriptor.CalibrationSpec calibration() {
        return DeviceDescriptor.CalibrationSpec.power(CAL_A, CAL_B, OFFSET_COUNTS);
    }

    /** Counts above the no-load offset produced by a true pressure (before noise, clipping, gain scatter). */
    public static double countsAboveOffset(double kpa) {
        return kpa <= 0 ? 0 : Math.pow(kpa / CAL_A, 1 / CAL_B);
    }

    /** The factory calibration: pressure for a count (0 at or below the offset). */
    public static double kpaOf(double counts) {
        double c = counts - OFFSET_COUNTS;
        return c <= 0 ? 0 : CAL_A * Math.pow(c, CAL_B);
    }

    static int clip(double counts) {
        long v = Math.round(counts);
        return (int) Math.max(0, Math.min(ADC_MAX, v));
    }
}
