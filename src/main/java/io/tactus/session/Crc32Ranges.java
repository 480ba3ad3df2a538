package io.tactus.session;

/**
 * CRC-32 (IEEE, as {@link java.util.zip.CRC32}) of a byte range from two running CRCs, without the bytes:
 * if {@code P(x)} is the CRC of bytes [s, x), the CRC of [a, b) is {@code P(b) ^ shift(P(a), b - a)}, where
 * shift multiplies by x^(8n) modulo the CRC polynomial (zlib's crc32_combine, run backwards). This is what lets
 * a resynchronisation scan check any number of overlapping candidate records in one pass.
 */
final class Crc32Ranges {

    private static final int POLY = 0xEDB88320; // reflected IEEE polynomial
    /** x^(2^k) modulo the polynomial, for k = 0..31 (reflected bit order, as zlib). */
    private static final int[] X2N = new int[32];

    static {
        int p = 1 << 30; // x^1
        X2N[0] = p;
        for (int k = 1; k < 32; k++) {
            p = multModP(p, p);
            X2N[k] = p;
        }
    }

    /**
     * @param crcToStart running CRC of the bytes before the range (P(a))
     * @param crcToEnd   running CRC of the same bytes plus the range (P(b))
     * @param length     b - a
     * @return the CRC-32 of the range alone
     */
    int ofRange(int crcToStart, int crcToEnd, long length) {
        return crcToEnd ^ multModP(shiftFor(length), crcToStart);
    }

    // Candidate records in one damaged stretch often share a length: a small cache of x^(8n) saves the
    // ~20 multiplications per candidate.
    private static final int CACHE = 64;
    private final long[] cachedLengths = new long[CACHE];
    private final int[] cachedShifts = new int[CACHE];

    /** One per scanner (the cache is not thread-safe). */
    Crc32Ranges() {
        java.util.Arrays.fill(cachedLengths, -1);
    }

    private int shiftFor(long length) {
        int slot = (int) (length ^ (length >>> 6)) & (CACHE - 1);
        if (cachedLengths[slot] != length) {
            cachedShifts[slot] = x8nModP(length);
            cachedLengths[slot] = length;
        }
        return cachedShifts[slot];
    }

    /** a * b modulo the polynomial (reflected). */
    private static int multModP(int a, int b) {
        if (a == 0) {
            return 0;
        }
        int m = 1 << 31;
        int p = 0;
        while (true) {
            if ((a & m) != 0) {
                p ^= b;
                if ((a & (m - 1)) == 0) {
                    break;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ POLY : b >>> 1;
        }
        return p;
    }

    /** x^(8n) modulo the polynomial. */
    private static int x8nModP(long n) {
        int p = 1 << 31; // x^0
        int k = 3;
        while (n != 0) {
            if ((n & 1) != 0) {
                p = multModP(X2N[k & 31], p);
            }
            n >>>= 1;
            k++;
        }
        return p;
    }
}
