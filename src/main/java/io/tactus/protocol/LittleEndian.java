package io.tactus.protocol;

/** Little-endian field access on byte arrays (the wire byte order). */
public final class LittleEndian {

    private LittleEndian() {
    }

    public static int u16(byte[] b, int off) {
        return (b[off] & 0xFF) | (b[off + 1] & 0xFF) << 8;
    }

    public static long u32(byte[] b, int off) {
        return (b[off] & 0xFFL) | (b[off + 1] & 0xFFL) << 8 | (b[off + 2] & 0xFFL) << 16 | (b[off + 3] & 0xFFL) << 24;
    }

    public static void putU16(byte[] b, int off, int v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
    }

    public static void putU32(byte[] b, int off, long v) {
        b[off] = (byte) v;
        b[off + 1] = (byte) (v >>> 8);
        b[off + 2] = (byte) (v >>> 16);
        b[off + 3] = (byte) (v >>> 24);
    }

    public static float f32(byte[] b, int off) {
        return Float.intBitsToFloat((int) u32(b, off));
    }

    public static void putF32(byte[] b, int off, float v) {
        putU32(b, off, Float.floatToRawIntBits(v) & 0xFFFF_FFFFL);
    }
}
