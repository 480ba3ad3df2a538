package io.tactus.signal.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Fixed-decimal numbers exactly as {@code String.format(Locale.US, "%.Nf", v)} writes them (rounded half up, a
 * '-' for any negative value including -0.0, "NaN" and "Infinity" as they are), at a fraction of its cost: a
 * movement's feedback line has up to five numbers, and with the Formatter they were most of what a finished
 * movement cost the tracking stage. A value whose scaled fraction is within a millionth of one half is rounded on
 * its shortest decimal digits ({@link BigDecimal#valueOf(double)}), as the Formatter rounds; a value of a million
 * or more, NaN and the infinities go to the Formatter itself. Both are rare, and the Formatter's code stays cold
 * (interpreted) when it is rare: one call in a thousand was half of the feedback's cost. {@code DecimalsTest}
 * compares with the Formatter on a million values and on every half and its neighbours.
 */
public final class Decimals {

    private static final double FAST_BELOW = 1e6;
    private static final double NEAR_HALF = 1e-6;
    private static final long[] POW10 = {1, 10, 100, 1000};

    private Decimals() {
    }

    /** {@code v} with {@code places} decimals (0 to 3). */
    public static String fixed(double v, int places) {
        if (places < 0 || places >= POW10.length) {
            throw new IllegalArgumentException("0 to 3 decimals, not " + places);
        }
        double a = Math.abs(v);
        if (!(a < FAST_BELOW)) { // also NaN and the infinities
            return String.format(Locale.US, "%." + places + "f", v);
        }
        long scale = POW10[places];
        double s = a * scale;
        double whole = Math.floor(s);
        double frac = s - whole;
        long q;
        if (Math.abs(frac - 0.5) < NEAR_HALF) {
            // the Formatter rounds the shortest decimal that reads back as the value (1.85, not the binary
            // 1.85000000000000008882), half up: so does this, on the same digits
            q = BigDecimal.valueOf(a).setScale(places, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        } else {
            q = (long) whole + (frac > 0.5 ? 1 : 0);
        }
        StringBuilder b = new StringBuilder(12);
        if (Double.compare(v, 0.0) < 0) {
            b.append('-');
        }
        b.append(q / scale);
        if (places > 0) {
            b.append('.');
            String digits = Long.toString(q % scale);
            for (int k = digits.length(); k < places; k++) {
                b.append('0');
            }
            b.append(digits);
        }
        return b.toString();
    }

    /** A whole number without decimals ("2"), else one decimal ("1.5"): a limit or an aim as a person writes it. */
    public static String brief(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e18 ? Long.toString((long) v) : fixed(v, 1);
    }
}
