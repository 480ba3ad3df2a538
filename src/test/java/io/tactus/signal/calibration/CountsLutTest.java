package io.tactus.signal.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.protocol.DeviceDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The branch-free {@link CountsLut#kpa} returns bit for bit what the original branching form returned. */
class CountsLutTest {

    private static final float[] EDGES = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, 1e-7f, -1e-7f, 0.5f, 1f, -1f,
        -40.3f, 4095f, 4096f, 4095.9995f, 4096.0005f, 4097f, 65536f, 1e9f, -1e9f, Float.MAX_VALUE, -Float.MAX_VALUE,
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, 254.99998f, 255f, 255.00002f, 256f, 257f};

    private static List<Object[]> curves() {
        List<LoadPoint> loads = List.of(new LoadPoint(100, 5), new LoadPoint(400, 22), new LoadPoint(900, 61),
                new LoadPoint(1600, 120), new LoadPoint(2500, 190));
        List<Object[]> out = new ArrayList<>();
        out.add(new Object[] {"power, 12 bit", CalibrationCurve.power(0.0123, 1.25, 40), 12});
        out.add(new Object[] {"linear, 8 bit", CalibrationCurve.linear(0.4, 3), 8});
        out.add(new Object[] {"factory table, 12 bit", CalibrationCurve.fromDescriptor(
                DeviceDescriptor.CalibrationSpec.table(new double[][] {{50, 0}, {300, 10}, {1500, 80}, {4000, 250}})), 12});
        for (CalibrationFitter.Model m : CalibrationFitter.Model.values()) {
            out.add(new Object[] {"user " + m, CalibrationFitter.fit("s", loads, m, 3).curve(), 12});
        }
        // a nonsense curve whose top samples overflow float: the exact fallback path
        out.add(new Object[] {"overflowing power, 16 bit", CalibrationCurve.power(1e30, 3, 0), 16});
        return out;
    }

    @Test
    void branchFreeEqualsBranchingBitForBit() {
        SplittableRandom rnd = new SplittableRandom(7);
        int compared = 0;
        for (Object[] c : curves()) {
            CalibrationCurve curve = (CalibrationCurve) c[1];
            int bits = (int) c[2];
            CountsLut lut = new CountsLut(curve, bits);
            Reference ref = new Reference(curve, bits);
            List<Float> inputs = new ArrayList<>();
            for (float e : EDGES) {
                inputs.add(e);
            }
            int top = 1 << bits;
            for (int k = 0; k < 200_000; k++) {
                // counts minus a fractional baseline, as the pipeline computes it: unloaded cells straddle 0
                int counts = rnd.nextInt(8) == 0 ? rnd.nextInt(top + 1) : 40 + rnd.nextInt(-6, 7);
                float base = (float) (40 + rnd.nextGaussian());
                inputs.add(counts - base);
            }
            for (float d : inputs) {
                float want = ref.kpa(d);
                float got = lut.kpa(d);
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got),
                        c[0] + ": kpa(" + d + ") was " + got + ", the branching form gives " + want);
                compared++;
            }
        }
        assertTrue(compared > 1_000_000);
    }

    /** The calibration loop's form {@code kpa(counts, baseline)} over every finite baseline it can meet. */
    @Test
    void countsOverAFiniteBaselineEqualBranchingFormBitForBit() {
        int[] countEdges = {0, 1, 39, 40, 41, 255, 256, 4095, 4096, 4097, 65535, 65536, -1, -4096,
            Integer.MAX_VALUE, Integer.MIN_VALUE};
        float[] baseEdges = {0f, -0f, 40f, 40.3f, 39.999996f, 1e-30f, Float.MIN_VALUE, 4095.9995f, 4096f, -1e9f, 1e9f,
            Float.MAX_VALUE, -Float.MAX_VALUE, 0.5f, 255.5f};
        SplittableRandom rnd = new SplittableRandom(11);
        int compared = 0;
        for (Object[] c : curves()) {
            CalibrationCurve curve = (CalibrationCurve) c[1];
            int bits = (int) c[2];
            CountsLut lut = new CountsLut(curve, bits);
            Reference ref = new Reference(curve, bits);
            int top = 1 << bits;
            for (int k = 0; k < 300_000; k++) {
                int counts = k < countEdges.length * baseEdges.length ? countEdges[k % countEdges.length]
                        : rnd.nextInt(8) == 0 ? rnd.nextInt(top + 2) : 40 + rnd.nextInt(-6, 7);
                float base = k < countEdges.length * baseEdges.length ? baseEdges[k / countEdges.length]
                        : (float) (40 + rnd.nextGaussian() * (rnd.nextInt(50) == 0 ? 2000 : 1));
                float want = ref.kpa(counts - base);
                float got = lut.kpa(counts, base);
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got),
                        c[0] + ": kpa(" + counts + ", " + base + ") was " + got + ", the branching form gives " + want);
                compared++;
            }
        }
        assertTrue(compared > 2_000_000);
    }

    /**
     * The whole-frame loop with its integer form for cells near the baseline ({@link SplitBaseline}) over every
     * kind of finite baseline: whole and fractional, at the edges of its binades and of the integer form's range
     * (1, 2^23), below 1, negative, huge; counts near the baseline (where the integer form applies), at the end of
     * its range 2^(e+1) above it, far above, below, negative and extreme.
     */
    @Test
    void calibrationLoopEqualsBranchingFormBitForBit() {
        float[] baseEdges = {40f, 40.3f, 39.999996f, 40.000004f, 1f, Math.nextDown(1f), Math.nextUp(1f), 1.5f,
            31.999998f, 32f, 32.000004f, 63.999996f, 64f, 255.5f, 4095.9995f, 4096f, 4096.0005f, 65535.5f,
            Math.nextDown(0x1p23f), 0x1p23f, 0x1p24f, 0.5f, 1e-30f, Float.MIN_VALUE, 0f, -0f, -0.3f, -40.7f, -1e9f,
            1e9f, Float.MAX_VALUE, -Float.MAX_VALUE};
        SplittableRandom rnd = new SplittableRandom(13);
        int n = 4096;
        long compared = 0;
        int integerForm = 0;
        for (Object[] c : curves()) {
            CalibrationCurve curve = (CalibrationCurve) c[1];
            int bits = (int) c[2];
            CountsLut lut = new CountsLut(curve, bits);
            Reference ref = new Reference(curve, bits);
            int top = 1 << bits;
            SplitBaseline split = new SplitBaseline(n, top);
            float[] base = new float[n];
            int[] counts = new int[n];
            float[] out = new float[n];
            for (int round = 0; round < 25; round++) {
                for (int i = 0; i < n; i++) {
                    float b;
                    if (i < baseEdges.length) {
                        b = baseEdges[i];
                    } else if (rnd.nextInt(4) == 0) {
                        b = (float) rnd.nextInt(1, top); // a whole baseline
                    } else {
                        b = (float) (rnd.nextInt(10) == 0 ? rnd.nextDouble(1, top) : 40 + rnd.nextGaussian() * 3);
                    }
                    base[i] = b;
                    split.set(i, b);
                    int reach = Float.isFinite(b) && Math.abs(b) < 0x1p24f ? 2 << Math.max(0, Math.getExponent(b)) : 8;
                    int near = (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, (long) b));
                    counts[i] = switch (rnd.nextInt(8)) {
                        case 0 -> rnd.nextInt(top + 2);
                        case 1 -> near + reach + rnd.nextInt(-2, 3); // the end of the integer form's range
                        case 2 -> switch (rnd.nextInt(6)) {
                            case 0 -> Integer.MIN_VALUE;
                            case 1 -> Integer.MAX_VALUE;
                            case 2 -> -rnd.nextInt(1 << 20);
                            case 3 -> 0;
                            default -> 1 << 24 | rnd.nextInt(1 << 20);
                        };
                        default -> near + rnd.nextInt(-8, 9);
                    };
                    if (split.limit()[i] > Integer.MIN_VALUE) {
                        integerForm++;
                    }
                }
                int zeros = lut.kpaAll(counts, base, split, out);
                int wantZeros = 0;
                for (int i = 0; i < n; i++) {
                    float want = ref.kpa(counts[i] - base[i]);
                    assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(out[i]), c[0] + ": counts "
                            + counts[i] + " over baseline " + base[i] + " gave " + out[i] + ", the branching form " + want);
                    wantZeros += counts[i] == 0 ? 1 : 0;
                    compared++;
                }
                assertEquals(wantZeros, zeros, c[0] + ": zero counts");
            }
        }
        assertTrue(compared > 500_000);
        assertTrue(integerForm > compared / 2, "most baselines take the integer form: " + integerForm);
    }

    @Test
    void unloadedAndSaturatedCellsReadTheEnds() {
        CountsLut lut = new CountsLut(CalibrationCurve.power(0.0123, 1.25, 40), 12);
        assertEquals(0f, lut.kpa(-3.5f));
        assertEquals(0f, lut.kpa(0f));
        assertEquals(lut.kpa(4096f), lut.kpa(1e6f));
        assertTrue(Float.isNaN(lut.kpa(Float.NaN)));
    }

    /** The original implementation, verbatim, over the same samples. */
    private static final class Reference {
        private final float[] table;
        private final int last;

        Reference(CalibrationCurve curve, int adcBits) {
            int size = (1 << Math.max(1, Math.min(16, adcBits))) + 1;
            table = new float[size + 1];
            for (int i = 0; i < table.length; i++) {
                table[i] = (float) curve.kpa(i);
            }
            last = size - 1;
        }

        float kpa(float d) {
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
    }
}
