package io.tactus.signal.calibration;

/**
 * A {@link CalibrationCurve} sampled at every integer count of the ADC range, so the hot path converts a cell
 * with one subtraction, two array reads and a linear interpolation instead of a {@code Math.pow}.
 */
public final class CountsLut {

    private final float[] table;
    private final int last;
    private final float lastF;
    /** Every sample finite: the branch-free path is exact (0 * a finite step is 0). */
    private final boolean finite;

    public CountsLut(CalibrationCurve curve, int adcBits) {
        int size = (1 << Math.max(1, Math.min(16, adcBits))) + 1;
        table = new float[size + 1];
        boolean allFinite = true;
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) curve.kpa(i);
            allFinite &= Float.isFinite(table[i]);
        }
        last = size - 1;
        lastF = last;
        finite = allFinite;
    }

    /**
     * kPa for {@code d} counts above zero load; 0 for d <= 0, clamped at the top of the ADC range.
     *
     * <p>Branch-free: an unloaded cell reads its baseline +- noise, so a {@code d <= 0} test goes either way about
     * half the time and the mispredictions dominated the whole pipeline. Clamping d into [0, last] instead (float
     * min/max are single instructions) gives bit-identical results, because every curve reads 0 at 0 counts and
     * {@code f == 0} at both ends makes the interpolation return the end sample exactly; NaN stays NaN either way.
     */
    public float kpa(float d) {
        if (!finite) {
            return kpaBranching(d);
        }
        float x = Math.min(Math.max(d, 0f), lastF);
        int i = (int) x;
        float f = x - i;
        return table[i] + f * (table[i + 1] - table[i]);
    }

    /** The original form, kept for a table with an infinite sample (0 * infinity would be NaN). */
    private float kpaBranching(float d) {
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
