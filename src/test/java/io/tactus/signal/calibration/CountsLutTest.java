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
