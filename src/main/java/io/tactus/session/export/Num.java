package io.tactus.session.export;

/** Fast, locale-free decimal text for numeric columns: fixed decimals, trailing zeros dropped, NaN as "NaN". */
final class Num {

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    private Num() {
    }

    /** Appends {@code v} rounded to {@code decimals} (0..7) places, e.g. 12.5, 0, -3.25. */
    static StringBuilder append(StringBuilder sb, double v, int decimals) {
        if (Double.isNaN(v)) {
            return sb.append("NaN");
        }
        if (Double.isInfinite(v) || Math.abs(v) >= 1e12) {
            return sb.append(v > 0 && Double.isInfinite(v) ? "Inf" : v < 0 && Double.isInfinite(v) ? "-Inf"
                    : Double.toString(v));
        }
        long scale = POW10[decimals];
        long r = Math.round(Math.abs(v) * scale);
        if (r == 0) {
            return sb.append('0');
        }
        if (v < 0) {
            sb.append('-');
        }
        sb.append(r / scale);
        long frac = r % scale;
        if (frac != 0) {
            int digits = decimals;
            while (frac % 10 == 0) {
                frac /= 10;
                digits--;
            }
            sb.append('.');
            for (long p = POW10[digits - 1]; p > frac && p > 1; p /= 10) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb;
    }

    static String format(double v, int decimals) {
        return append(new StringBuilder(16), v, decimals).toString();
    }
}
