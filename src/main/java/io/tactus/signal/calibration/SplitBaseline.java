package io.tactus.signal.calibration;

import java.util.Arrays;

/**
 * Each cell's zero-load baseline split into whole counts and a fraction, so that the calibration loop converts a
 * cell near its baseline (an unloaded or lightly loaded one: most cells of most frames) with one integer
 * subtraction instead of two int-float conversions and a float subtraction, bit for bit as
 * {@link CountsLut#kpa(int, float)} would.
 *
 * <p>Why it is exact, for a baseline b in [1, 2^23) with binary exponent e, w = (int) b and fraction
 * f = b - w (exact): a count c gives d = c - b, exactly m - f for m = c - w as long as |m - f| < 2^(e+1)
 * (a multiple of b's ulp, 2^(e-23), below 2^24 of them). For 1 <= m below that, d lies in (m - 1, m), so the
 * lookup's entry is m and its fraction d - (m - 1) is 1 - f, again exact; a whole baseline (f = 0) is the same
 * with the entry shifted by one and fraction 0. For m <= 0, d < 0 and the lookup reads entry 0 plus a zero
 * either way. Cells outside that range (a baseline below 1 or huge, NaN) never take the integer form.
 * Derived from the baseline ({@link DriftTracker} rebuilds it after the baseline moved), never part of a checkpoint.
 */
final class SplitBaseline {

    private final int maxEntry;
    /** Lookup entry of count c: c - offset. */
    private final int[] offset;
    /** Entries below this take the integer form (Integer.MIN_VALUE: none); never above {@link #maxEntry}. */
    private final int[] limit;
    /** The interpolation fraction of every count within the limit: 1 - f, or 0 for a whole baseline. */
    private final float[] fraction;

    /** @param maxEntry the lookup table's last entry (no integer-form entry goes beyond it) */
    SplitBaseline(int n, int maxEntry) {
        this.maxEntry = maxEntry;
        offset = new int[n];
        limit = new int[n];
        fraction = new float[n];
        Arrays.fill(limit, Integer.MIN_VALUE);
    }

    /** Cell {@code i}'s baseline is now {@code b}. */
    void set(int i, float b) {
        if (b >= 1f && b < 0x1p23f) { // false for NaN
            int whole = (int) b;
            float f = b - whole; // exact: whole and b are within a factor of 2
            if (f == 0f) {
                offset[i] = whole - 1;
                fraction[i] = 0f;
            } else {
                offset[i] = whole;
                fraction[i] = 1f - f;
            }
            limit[i] = Math.min(maxEntry, 2 << Math.getExponent(b));
        } else {
            offset[i] = 0;
            fraction[i] = 0f;
            limit[i] = Integer.MIN_VALUE;
        }
    }

    /** Every baseline replaced. */
    void setAll(float[] baseline) {
        for (int i = 0; i < baseline.length; i++) {
            set(i, baseline[i]);
        }
    }

    int maxEntry() {
        return maxEntry;
    }

    int[] offset() {
        return offset;
    }

    int[] limit() {
        return limit;
    }

    float[] fraction() {
        return fraction;
    }
}
