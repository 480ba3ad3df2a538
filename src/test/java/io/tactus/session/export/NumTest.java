package io.tactus.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Num#put}'s text: the same bytes as before it lost its divisions by a table power of ten (the reference
 * below is that version, verbatim), and the value it names rounds back to the input.
 */
class NumTest {

    private static final double[] EDGES = {0, -0.0, 1, -1, 0.5, 0.0005, 0.00049999, 0.0004999999, 0.001, 0.999,
        0.9995, 0.99949, 9.9995, 10, 100, 1000, 12.05, 12.5, 120.0001, 1e-9, 5e-8, 123456789.123, 999999999999.9,
        1e12, -1e12, 3e15, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        Double.MAX_VALUE, -Double.MAX_VALUE, 4.0000005f, 31.3125f, 0.1f, 0.2f, 0.3f, 1.1f};

    @Test
    void sameTextAsTheDivisionFormForEveryDecimals() {
        SplittableRandom rnd = new SplittableRandom(3);
        int compared = 0;
        for (int decimals = 0; decimals <= 7; decimals++) {
            for (double v : EDGES) {
                check(v, decimals);
                compared++;
            }
            for (int k = 0; k < 200_000; k++) {
                double v = switch (k % 5) {
                    case 0 -> (float) (rnd.nextDouble() * 200); // cell kPa, as float
                    case 1 -> rnd.nextInt(-100_000, 100_000) / Math.pow(10, rnd.nextInt(8)); // exact decimals
                    case 2 -> (rnd.nextInt(2_000_001) - 1_000_000 + 0.5) / Math.pow(10, rnd.nextInt(8)); // halves
                    case 3 -> rnd.nextGaussian() * Math.pow(10, rnd.nextInt(-9, 13));
                    default -> rnd.nextLong(1_000_000_000_000L) / 1e6; // seconds with microseconds
                };
                check(v, decimals);
                compared++;
            }
        }
        assertEquals(8 * (EDGES.length + 200_000), compared);
    }

    @Test
    void textNamesTheRoundedValue() {
        assertEquals("12.05", text(12.05, 3));
        assertEquals("0.005", text(0.005, 3));
        assertEquals("12", text(12.0004, 3));
        assertEquals("-3.25", text(-3.25, 7));
        assertEquals("0", text(-0.0001, 3));
        assertEquals("100", text(99.9996, 3));
        SplittableRandom rnd = new SplittableRandom(5);
        for (int k = 0; k < 10_000; k++) {
            double v = rnd.nextDouble(-1e6, 1e6);
            int d = rnd.nextInt(8);
            BigDecimal want = BigDecimal.valueOf(Math.round(Math.abs(v) * Math.pow(10, d)))
                    .movePointLeft(d).multiply(BigDecimal.valueOf(v < 0 ? -1 : 1));
            assertEquals(0, want.compareTo(new BigDecimal(text(v, d))), v + " at " + d + " decimals");
        }
    }

    private static void check(double v, int decimals) {
        String want = reference(v, decimals);
        assertEquals(want, text(v, decimals), v + " at " + decimals + " decimals");
    }

    private static String text(double v, int decimals) {
        byte[] b = new byte[Num.MAX_CHARS];
        int n = Num.put(b, 0, v, decimals);
        return new String(b, 0, n, StandardCharsets.US_ASCII);
    }

    /** Num.put before this change. */
    private static String reference(double v, int decimals) {
        long[] pow10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v) || Math.abs(v) >= 1e12) {
            return v > 0 && Double.isInfinite(v) ? "Inf" : v < 0 && Double.isInfinite(v) ? "-Inf" : Double.toString(v);
        }
        long scale = pow10[decimals];
        long r = Math.round(Math.abs(v) * scale);
        if (r == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder();
        if (v < 0) {
            b.append('-');
        }
        b.append(r / scale);
        long frac = r % scale;
        if (frac != 0) {
            int digits = decimals;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            b.append('.');
            for (long q = pow10[digits - 1]; q > frac && q > 1; q /= 10) {
                b.append('0');
            }
            b.append(frac);
        }
        return b.toString();
    }
}
