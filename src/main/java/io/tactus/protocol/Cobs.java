package io.tactus.protocol;

/**
 * Consistent Overhead Byte Stuffing (Cheshire and Baker, 1999). The encoded form contains no 0x00 byte, so
 * 0x00 can delimit packets and a receiver resynchronises at the next 0x00 after garbage.
 */
public final class Cobs {

    private Cobs() {
    }

    /** Worst-case encoded size of {@code n} bytes (without the trailing delimiter). */
    public static int maxEncodedLength(int n) {
        return n + n / 254 + 1;
    }

    /**
     * Encodes {@code src[off, off+len)} into {@code dst} starting at {@code dstOff}.
     *
     * @return number of bytes written (no delimiter is written)
     */
    public static int encode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int codeIndex = dstOff;
        int out = dstOff + 1;
        int code = 1;
        for (int i = off, end = off + len; i < end; i++) {
            byte b = src[i];
            if (b == 0) {
                dst[codeIndex] = (byte) code;
                codeIndex = out++;
                code = 1;
            } else {
                dst[out++] = b;
                code++;
                if (code == 0xFF) {
                    dst[codeIndex] = (byte) code;
                    codeIndex = out++;
                    code = 1;
                }
            }
        }
        dst[codeIndex] = (byte) code;
        return out - dstOff;
    }

    public static byte[] encode(byte[] src) {
        byte[] dst = new byte[maxEncodedLength(src.length)];
        int n = encode(src, 0, src.length, dst, 0);
        return java.util.Arrays.copyOf(dst, n);
    }

    /**
     * Decodes one COBS block (delimiter already removed) in {@code src[off, off+len)} into {@code dst}.
     *
     * @return decoded length, or -1 if the block is malformed (a zero byte inside, or a code that runs
     *         past the end) or would not fit into {@code dst}
     */
    public static int decode(byte[] src, int off, int len, byte[] dst, int dstOff) {
        int in = off;
        int end = off + len;
        int out = dstOff;
        while (in < end) {
            int code = src[in++] & 0xFF;
            if (code == 0) {
                return -1;
            }
            int run = code - 1;
            if (in + run > end || out + run > dst.length) {
                return -1;
            }
            for (int k = 0; k < run; k++) {
                byte b = src[in++];
                if (b == 0) {
                    return -1;
                }
                dst[out++] = b;
            }
            if (code != 0xFF && in < end) {
                if (out >= dst.length) {
                    return -1;
                }
                dst[out++] = 0;
            }
        }
        return out - dstOff;
    }

    /** @return the decoded bytes, or null if malformed. */
    public static byte[] decode(byte[] src) {
        byte[] dst = new byte[src.length];
        int n = decode(src, 0, src.length, dst, 0);
        return n < 0 ? null : java.util.Arrays.copyOf(dst, n);
    }
}
