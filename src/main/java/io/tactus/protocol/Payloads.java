package io.tactus.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Encoding and decoding of v1 payloads. Decoders validate lengths and return null (never throw) on a
 * payload that does not fit, so the caller can count it as {@link Corruption#BAD_PAYLOAD}.
 */
public final class Payloads {

    private Payloads() {
    }

    public static byte[] dense(int[] counts) {
        byte[] p = new byte[counts.length * 2];
        for (int i = 0; i < counts.length; i++) {
            LittleEndian.putU16(p, 2 * i, counts[i]);
        }
        return p;
    }

    /** Sparse payload of the non-zero cells of {@code counts}. */
    public static byte[] sparse(int[] counts) {
        int n = 0;
        for (int c : counts) {
            if (c != 0) {
                n++;
            }
        }
        byte[] p = new byte[2 + 4 * n];
        LittleEndian.putU16(p, 0, n);
        int o = 2;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] != 0) {
                LittleEndian.putU16(p, o, i);
                LittleEndian.putU16(p, o + 2, counts[i]);
                o += 4;
            }
        }
        return p;
    }

    /**
     * Decodes a FRAME_DENSE or FRAME_SPARSE payload into {@code out} (length = cell count).
     *
     * @return false if the payload does not fit the layout (wrong length, cell index out of range)
     */
    public static boolean decodeFrame(PacketType type, byte[] p, int[] out) {
        return decodeFrame(type, p, 0, p.length, out);
    }

    /** Same as {@link #decodeFrame(PacketType, byte[], int[])} for a payload of {@code len} bytes at {@code off}. */
    public static boolean decodeFrame(PacketType type, byte[] p, int off, int len, int[] out) {
        if (!frameFits(type, p, off, len, out.length)) {
            return false; // out untouched
        }
        if (type == PacketType.FRAME_DENSE) {
            for (int i = 0; i < out.length; i++) {
                out[i] = LittleEndian.u16(p, off + 2 * i);
            }
            return true;
        }
        java.util.Arrays.fill(out, 0);
        int n = LittleEndian.u16(p, off);
        for (int k = 0, o = off + 2; k < n; k++, o += 4) {
            out[LittleEndian.u16(p, o)] = LittleEndian.u16(p, o + 2);
        }
        return true;
    }

    /**
     * Whether a FRAME_DENSE or FRAME_SPARSE payload of {@code len} bytes at {@code off} fits a layout of
     * {@code cells} cells: exactly the checks {@link #decodeFrame(PacketType, byte[], int, int, int[])} makes
     * (length; every sparse cell index in range), without reading any cell value. For a pass that only counts
     * frames ({@code tactus info}): per-cell decoding is most of such a pass at a cold start.
     */
    public static boolean frameFits(PacketType type, byte[] p, int off, int len, int cells) {
        if (type == PacketType.FRAME_DENSE) {
            return len == cells * 2;
        }
        if (type != PacketType.FRAME_SPARSE || len < 2) {
            return false;
        }
        int n = LittleEndian.u16(p, off);
        if (len != 2 + 4 * n) {
            return false;
        }
        for (int k = 0, o = off + 2; k < n; k++, o += 4) {
            if (LittleEndian.u16(p, o) >= cells) {
                return false;
            }
        }
        return true;
    }

    /** Marker codes: 1 = receiver says "too much", 2 = "more pressure", 3 = generic button. */
    public record Marker(int code, String text) {
        public static final int TOO_MUCH = 1;
        public static final int MORE = 2;
        public static final int BUTTON = 3;
    }

    public static byte[] marker(int code, String text) {
        byte[] t = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[1 + t.length];
        p[0] = (byte) code;
        System.arraycopy(t, 0, p, 1, t.length);
        return p;
    }

    public static Marker decodeMarker(byte[] p) {
        if (p.length < 1) {
            return null;
        }
        return new Marker(p[0] & 0xFF, new String(p, 1, p.length - 1, StandardCharsets.UTF_8));
    }

    /** Glove hand position on the back, in mat coordinates (mm). */
    public record Pose(float xMm, float yMm) {
    }

    public static byte[] pose(float xMm, float yMm) {
        byte[] p = new byte[8];
        LittleEndian.putF32(p, 0, xMm);
        LittleEndian.putF32(p, 4, yMm);
        return p;
    }

    public static Pose decodePose(byte[] p) {
        return p.length == 8 ? new Pose(LittleEndian.f32(p, 0), LittleEndian.f32(p, 4)) : null;
    }

    /** ERROR payload: u16 code + UTF-8 text. LOG payload: UTF-8 text only. */
    public record DeviceError(int code, String text) {
    }

    public static byte[] error(int code, String text) {
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        byte[] p = new byte[2 + t.length];
        LittleEndian.putU16(p, 0, code);
        System.arraycopy(t, 0, p, 2, t.length);
        return p;
    }

    public static DeviceError decodeError(byte[] p) {
        return p.length < 2 ? null
                : new DeviceError(LittleEndian.u16(p, 0), new String(p, 2, p.length - 2, StandardCharsets.UTF_8));
    }

    public static String decodeText(byte[] p) {
        return new String(p, StandardCharsets.UTF_8);
    }

    public static byte[] setRate(int hz) {
        byte[] p = new byte[2];
        LittleEndian.putU16(p, 0, hz);
        return p;
    }

    /** @return the requested rate, or -1 if the payload is not 2 bytes. */
    public static int decodeSetRate(byte[] p) {
        return p.length == 2 ? LittleEndian.u16(p, 0) : -1;
    }
}
