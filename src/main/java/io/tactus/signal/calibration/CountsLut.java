package io.tactus.signal.calibration;

/**
 * A {@link CalibrationCurve} sampled at every integer count of the ADC range, so the hot path converts a cell
 * with one subtraction, two array reads and a linear interpolation instead of a {@code Math.pow}.
 */
public final class CountsLut {

    private final float[] table;
    /**
     * {@code table[i + 1] - table[i]}: the interpolation's step, computed once instead of per cell (the same float
     * subtraction, so the same value). At the top of the range {@code 0 * (table[last + 1] - table[last])}, the
     * signed zero the original form added there.
     */
    private final float[] slope;
    /** For {@link #kpa(int, float)}: entry 0 for every d below 0 (sample 0, step 0), then sample / step i at i + 1. */
    private final float[] cellBase;
    private final float[] cellStep;
    private final int last;
    /** Every sample finite: the branch-free path is exact (0 * a finite step is 0). */
    private final boolean finite;
    /** {@link #kpa(int, float)} may use its own form: samples finite, sample 0 not -0 (so sample 0 + any 0 is it). */
    private final boolean cellForm;

    public CountsLut(CalibrationCurve curve, int adcBits) {
        int size = (1 << Math.max(1, Math.min(16, adcBits))) + 1;
        table = new float[size + 1];
        boolean allFinite = true;
        for (int i = 0; i < table.length; i++) {
            table[i] = (float) curve.kpa(i);
            allFinite &= Float.isFinite(table[i]);
        }
        last = size - 1;
        finite = allFinite;
        slope = new float[last + 1];
        for (int i = 0; i < last; i++) {
            slope[i] = table[i + 1] - table[i];
        }
        slope[last] = 0f * (table[last + 1] - table[last]);
        cellBase = new float[last + 2];
        cellStep = new float[last + 2];
        cellBase[0] = table[0];
        System.arraycopy(table, 0, cellBase, 1, last + 1);
        System.arraycopy(slope, 0, cellStep, 1, last + 1);
        cellForm = finite && Float.floatToRawIntBits(table[0]) != Float.floatToRawIntBits(-0f);
    }

    /**
     * kPa for {@code d} counts above zero load; 0 for d <= 0, clamped at the top of the ADC range.
     *
     * <p>Branch-free: an unloaded cell reads its baseline +- noise, so a {@code d <= 0} test goes either way about
     * half the time and the mispredictions dominated the whole pipeline. Clamping d into [0, last] instead gives
     * bit-identical results, because every curve reads 0 at 0 counts and {@code f == 0} at both ends makes the
     * interpolation return the end sample exactly; NaN stays NaN either way.
     */
    public float kpa(float d) {
        if (!finite) {
            return kpaBranching(d);
        }
        // the cell index is clamped as an int (two cmovs), the fraction as a float: below 0 it is +0 (the sample
        // at 0), at or above the top it is in [0, 1] and meets the signed-zero step, as the original's 0 did
        int i = Math.min(Math.max((int) d, 0), last);
        float f = Math.min(Math.max(d - i, 0f), 1f);
        return table[i] + f * slope[i];
    }

    /**
     * The calibration loop's form: kPa of a cell reading {@code counts} over its zero-load {@code baseline}, bit for
     * bit {@code kpa(counts - baseline)} when the baseline is finite (the caller's promise, so d is finite).
     * Cheaper than {@link #kpa(float)}, with no float clamp at all: every d below 0 reads entry 0, sample 0 plus
     * a zero (sample 0 itself, as the original's +0 step gave); at or above the top the fraction is >= 0 and meets
     * the signed-zero top step, as the original's 0 did.
     */
    public float kpa(int counts, float baseline) {
        float d = counts - baseline;
        if (!cellForm) {
            return kpa(d);
        }
        int k = (int) d;
        // d < 0 as a mask from the sign bit: the JIT turns a float test into a branch, and an unloaded cell's d
        // is below 0 about half the time
        int neg = Float.floatToRawIntBits(d) >> 31;
        int i = (Math.min(k, last) + 1) & ~neg;
        return cellBase[i] + (d - k) * cellStep[i];
    }

    /**
     * The calibration loop: {@code out[i] = kpa(counts[i], baseline[i])} for every cell, bit for bit, with the
     * cells near their baseline converted in {@code split}'s integer form (most cells of a frame: one integer
     * subtraction and compare, then the same table reads and interpolation as {@link #kpa(int, float)}; the
     * others take that method; all of them when {@code split} is null). The baseline must be finite. Returns how
     * many counts are 0.
     */
    int kpaAll(int[] counts, float[] baseline, SplitBaseline split, float[] out) {
        final int n = out.length;
        int zeros = 0;
        if (split == null || !cellForm || split.maxEntry() > last) {
            for (int i = 0; i < n; i++) {
                int c = counts[i];
                zeros += c == 0 ? 1 : 0;
                out[i] = kpa(c, baseline[i]);
            }
            return zeros;
        }
        final int[] off = split.offset();
        final int[] lim = split.limit();
        final float[] frac = split.fraction();
        final float[] base = cellBase;
        final float[] step = cellStep;
        for (int i = 0; i < n; i++) {
            int c = counts[i];
            // counted here so the dead-cell watch can skip a frame without zeros (the usual dense frame)
            zeros += c == 0 ? 1 : 0;
            int e = c - off[i];
            if (e < lim[i]) {
                int k = e & ~(e >> 31); // at or below the baseline: entry 0 (sample 0, step 0)
                out[i] = base[k] + frac[i] * step[k];
            } else {
                out[i] = kpa(c, baseline[i]);
            }
        }
        return zeros;
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
