package io.tactus.signal.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Decimals} writes what {@code String.format(Locale.US, "%.Nf", v)} writes, for every value tried. */
class DecimalsTest {

    private static void same(double v, int places) {
        assertEquals(String.format(Locale.US, "%." + places + "f", v), Decimals.fixed(v, places),
                () -> "value " + v + " (" + Double.doubleToRawLongBits(v) + "), " + places + " decimals");
    }

    @Test
    void randomValuesOfEveryMagnitudeAndSign() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < 1_000_000; k++) {
            double magnitude = Math.pow(10, rnd.nextInt(-4, 8));
            double v = rnd.nextDouble() * magnitude * (rnd.nextBoolean() ? 1 : -1);
            same(v, k % 4);
        }
    }

    @Test
    void halvesAndTheirNeighboursAtEveryScale() {
        for (int places = 0; places <= 3; places++) {
            double unit = Math.pow(10, -places);
            for (int k = 0; k < 20_000; k++) {
                double half = (k + 0.5) * unit; // 0.05, 0.15, 2.675 ... not exact in binary: the JDK decides
                same(half, places);
                same(-half, places);
                same(Math.nextUp(half), places);
                same(Math.nextDown(half), places);
                same(k * unit, places);
                same(Math.nextDown(k * unit), places);
            }
        }
    }

    @Test
    void specialValues() {
        double[] special = {0.0, -0.0, -1e-9, 1e-300, Double.MIN_VALUE, 999_999.95, 1e6, 1e6 + 0.05, 123_456_789.5,
            Double.MAX_VALUE, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (double v : special) {
            for (int places = 0; places <= 3; places++) {
                same(v, places);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> Decimals.fixed(1, 4));
    }

    @Test
    void briefWritesWholeNumbersWithoutDecimals() {
        assertEquals("2", Decimals.brief(2.0));
        assertEquals("40", Decimals.brief(40));
        assertEquals("1.5", Decimals.brief(1.5));
        assertEquals("0.3", Decimals.brief(0.25)); // half up, as the Formatter
        assertEquals("-0.1", Decimals.brief(-0.1));
        assertEquals("NaN", Decimals.brief(Double.NaN));
    }
}
