package io.tactus.signal.calibration;

/**
 * A {@link CalibrationCurve} sampled at every integer count of the ADC range, so the hot path converts a cell
 * with one subtraction, two array reads and a linear interpolation instead of a {@code Math.pow}.
 */
public final class CountsLut {

    private final float[] table;
    private final int last;

    public CountsLut(CalibrationCurve curve, int adcBits) {
        int size = (1 << Math.max(1, Math.min(16, adcBits))) + 1;
        table = new float[size + 1];
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) curve.kpa(i);
        }
        last = size - 1;
    }

    /** kPa for {@code d} counts above zero load; 0 for d <= 0, clamped at the top of the ADC range. */
    public float kpa(float d) {
        if (d <= 0f) {
            return 0f;
        }
        if (d >= last) {
            return table[last];
        }
        int i = (int) d;
        float f = d - i;
        return table[i] + f * (table[i + 1] - table[i]);
    }

    /** Smallest d whose kPa reaches {@code kpa} (for turning a kPa noise floor into counts). */
    float countsFor(double kpa) {
        for (int i = 0; i <= last; i++) {
            if (table[i] >= kpa) {
                return i;
            }
        }
        return last;
    }
}
