package io.tactus.session.export;

/**
 * Fast, locale-free decimal text for numeric columns: fixed decimals, trailing zeros dropped, NaN as "NaN".
 * One implementation writing ASCII bytes ({@link #put}); the text forms wrap it.
 */
final class Num {

    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};
    /** Longest text {@link #put} writes: "-" + 19 digits (an integer part below 1e12 has at most 12) + "." + 7. */
    static final int MAX_CHARS = 28;

    private Num() {
    }

    /** Appends {@code v} rounded to {@code decimals} (0..7) places, e.g. 12.5, 0, -3.25. */
    static StringBuilder append(StringBuilder sb, double v, int decimals) {
        byte[] b = new byte[MAX_CHARS];
        int n = put(b, 0, v, decimals);
        for (int i = 0; i < n; i++) {
            sb.append((char) b[i]);
        }
        return sb;
    }

    static String format(double v, int decimals) {
        return append(new StringBuilder(16), v, decimals).toString();
    }

    /**
     * Writes {@code v} rounded to {@code decimals} (0..7) places as ASCII at {@code at} (room for
     * {@link #MAX_CHARS} bytes needed), e.g. 12.5, 0, -3.25; returns the position after it.
     */
    static int put(byte[] b, int at, double v, int decimals) {
        if (Double.isNaN(v)) {
            return ascii(b, at, "NaN");
        }
        if (Double.isInfinite(v) || Math.abs(v) >= 1e12) {
            return ascii(b, at, v > 0 && Double.isInfinite(v) ? "Inf" : v < 0 && Double.isInfinite(v) ? "-Inf"
                    : Double.toString(v));
        }
        long r = Math.round(Math.abs(v) * POW10[decimals]);
        if (r == 0) {
            b[at] = '0';
            return at + 1;
        }
        int p = at;
        if (v < 0) {
            b[p++] = '-';
        }
        // r's digits with the point before its last `decimals`, trailing zeros of the fraction dropped: only
        // divisions by the constant 10 (the JIT multiplies), no 64-bit division by a power of ten read from a table
        int dec = decimals;
        while (dec > 0 && r % 10 == 0) {
            r /= 10;
            dec--;
        }
        int digits = 1;
        for (long t = r; t >= 10; t /= 10) {
            digits++;
        }
        int end = p + Math.max(digits - dec, 1) + (dec > 0 ? dec + 1 : 0);
        int q = end;
        long t = r;
        for (int k = 0; k < dec; k++) {
            b[--q] = (byte) ('0' + (int) (t % 10));
            t /= 10;
        }
        if (dec > 0) {
            b[--q] = '.';
        }
        do {
            b[--q] = (byte) ('0' + (int) (t % 10));
            t /= 10;
        } while (t != 0);
        return end;
    }

    /** Writes a non-negative {@code v} in decimal at {@code at}; returns the position after it. */
    static int putLong(byte[] b, int at, long v) {
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        int p = at + digits;
        long t = v;
        for (int i = p - 1; i >= at; i--) {
            b[i] = (byte) ('0' + (int) (t % 10));
            t /= 10;
        }
        return p;
    }

    private static int ascii(byte[] b, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            b[at + i] = (byte) s.charAt(i);
        }
        return at + s.length();
    }
}
