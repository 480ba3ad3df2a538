package io.tactus.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The shared test vectors in firmware-protocol/test-vectors/vectors.txt: how they are generated (from the Java
 * encoder), written and parsed. The C test program parses the same file. Regenerate after a deliberate change with
 * {@code java -cp target/test-classes:target/classes io.tactus.protocol.TestVectors firmware-protocol/test-vectors/vectors.txt}.
 */
final class TestVectors {

    /** Payloads longer than this are written as {@code ramp:N} and their wire bytes as a length + CRC-32 digest. */
    static final int INLINE_LIMIT = 4096;

    /** One vector. {@code wire} is always the full expected wire form (computed for digests). */
    record Vector(String name, int type, int seq, long timeUs, byte[] payload, byte[] wire) {
        Packet packet() {
            return new Packet(PacketType.fromCode(type), seq, timeUs, payload);
        }
    }

    private TestVectors() {
    }

    static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nonZero(int n, int salt) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (1 + (i * 7 + salt) % 255);
        }
        return b;
    }

    private static byte[] cat(byte[]... parts) {
        java.io.ByteArrayOutputStream o = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            o.writeBytes(p);
        }
        return o.toByteArray();
    }

    private static long crcOf(int type, int seq, long time, byte[] payload) {
        byte[] raw = PacketEncoder.raw(new Packet(PacketType.fromCode(type), seq, time, payload));
        return LittleEndian.u32(raw, raw.length - 4);
    }

    /** Varies the byte at {@code at} until the packet's CRC satisfies {@code ok}; deterministic. */
    private static byte[] tuneCrc(int type, int seq, long time, byte[] payload, int at,
                                  java.util.function.LongPredicate ok) {
        byte[] p = payload.clone();
        for (int v = 1; v < 256; v++) {
            p[at] = (byte) v;
            if (ok.test(crcOf(type, seq, time, p))) {
                return p;
            }
        }
        throw new IllegalStateException("no CRC variant found");
    }

    private static boolean noZeroByte(long crc) {
        for (int k = 0; k < 4; k++) {
            if (((crc >>> (8 * k)) & 0xFF) == 0) {
                return false;
            }
        }
        return true;
    }

    static List<Vector> generate() {
        List<Vector> v = new ArrayList<>();
        add(v, "hello_grid", PacketType.HELLO, 0, 0, utf8("{\"protocol\":1,\"device\":\"TactusMat\",\"serial\":\"M-0001\","
                + "\"firmware\":\"1.0.0\",\"layout\":\"grid\",\"rows\":2,\"cols\":3,\"pitch_mm\":[15,15],\"adc_bits\":10,"
                + "\"rate_hz\":100,\"calibration\":{\"model\":\"linear\",\"kpa_per_count\":0.05,\"offset_counts\":40}}"));
        add(v, "hello_glove", PacketType.HELLO, 0, 1_500_000, utf8("{\"protocol\":1,\"device\":\"TactusGlove\","
                + "\"serial\":\"G-0007\",\"firmware\":\"0.3.1\",\"layout\":\"glove\",\"rows\":1,\"cols\":3,\"adc_bits\":12,"
                + "\"rate_hz\":200,\"taxels\":[{\"id\":0,\"hand\":\"right\",\"zone\":\"thumb_tip\"},"
                + "{\"id\":1,\"hand\":\"right\",\"zone\":\"palm_heel\"},{\"id\":2,\"hand\":\"right\",\"zone\":\"knuckles\"}],"
                + "\"calibration\":{\"model\":\"table\",\"points\":[[0,0],[400,10],[4095,120]]}}"));
        add(v, "hello_power_calibration", PacketType.HELLO, 1, 2, utf8("{\"protocol\":1,\"device\":\"DIY\",\"serial\":\"\","
                + "\"firmware\":\"x\",\"layout\":\"grid\",\"rows\":16,\"cols\":16,\"pitch_mm\":[20,25],\"adc_bits\":10,"
                + "\"rate_hz\":50,\"calibration\":{\"model\":\"power\",\"a\":0.8,\"b\":1.3,\"offset_counts\":12}}"));
        add(v, "frame_dense_2x3", PacketType.FRAME_DENSE, 1, 10_000, Payloads.dense(new int[] {0, 1, 2, 255, 256, 1023}));
        add(v, "frame_dense_4x4_all_zero", PacketType.FRAME_DENSE, 2, 20_000, Payloads.dense(new int[16]));
        int[] dome = new int[32 * 32];
        for (int r = 0; r < 32; r++) {
            for (int c = 0; c < 32; c++) {
                double d2 = (r - 12.5) * (r - 12.5) + (c - 20.5) * (c - 20.5);
                dome[r * 32 + c] = d2 < 49 ? (int) Math.round(3000 * (1 - d2 / 49)) : 0;
            }
        }
        add(v, "frame_dense_32x32_dome", PacketType.FRAME_DENSE, 3, 30_000, Payloads.dense(dome));
        add(v, "frame_sparse_empty", PacketType.FRAME_SPARSE, 4, 40_000, Payloads.sparse(new int[1024]));
        int[] three = new int[1024];
        three[5] = 17;
        three[40] = 300;
        three[1023] = 4095;
        add(v, "frame_sparse_3_cells", PacketType.FRAME_SPARSE, 5, 50_000, Payloads.sparse(three));
        add(v, "frame_sparse_32x32_dome", PacketType.FRAME_SPARSE, 6, 60_000, Payloads.sparse(dome));
        add(v, "marker_too_much", PacketType.MARKER, 7, 61_234, Payloads.marker(Payloads.Marker.TOO_MUCH, null));
        add(v, "marker_more_text", PacketType.MARKER, 8, 62_000, Payloads.marker(Payloads.Marker.MORE, "more please"));
        add(v, "marker_button_utf8", PacketType.MARKER, 9, 63_000, Payloads.marker(Payloads.Marker.BUTTON, "Kn\u00f6pfchen"));
        add(v, "pose", PacketType.POSE, 10, 64_000, Payloads.pose(250.5f, 410.25f));
        add(v, "pose_negative", PacketType.POSE, 11, 65_000, Payloads.pose(-12.75f, 0f));
        add(v, "log", PacketType.LOG, 12, 66_000, utf8("boot ok, scanning 32x32"));
        add(v, "error", PacketType.ERROR, 13, 67_000, Payloads.error(3, "row 7 open circuit"));
        add(v, "request_hello", PacketType.REQUEST_HELLO, 0, 0, new byte[0]);
        add(v, "start", PacketType.START, 1, 0, new byte[0]);
        add(v, "stop", PacketType.STOP, 2, 0, new byte[0]);
        add(v, "set_rate_1000", PacketType.SET_RATE, 3, 0, Payloads.setRate(1000));
        add(v, "seq_and_time_at_wrap", PacketType.FRAME_DENSE, 0xFFFF, 0xFFFF_FFFFL, Payloads.dense(new int[] {7}));
        // COBS edge cases inside real packets. Header bytes 01 7E 01 01 01 01 01 01 have no zero, so the
        // payload alone decides where the runs of non-zero bytes end.
        int t = PacketType.LOG.code();
        add(v, "cobs_run_253", PacketType.LOG, 0x0101, 0x01010101L, cat(new byte[1], nonZero(253, 1), new byte[1]));
        add(v, "cobs_run_254", PacketType.LOG, 0x0101, 0x01010101L, cat(new byte[1], nonZero(254, 2), new byte[1]));
        add(v, "cobs_run_255", PacketType.LOG, 0x0101, 0x01010101L, cat(new byte[1], nonZero(255, 3), new byte[1]));
        add(v, "cobs_run_256", PacketType.LOG, 0x0101, 0x01010101L, cat(new byte[1], nonZero(256, 4), new byte[1]));
        add(v, "cobs_run_508", PacketType.LOG, 0x0101, 0x01010101L, cat(new byte[1], nonZero(508, 5), new byte[1]));
        // 8 header bytes + 246 payload bytes = a first block of exactly 254, the CRC starts a new block.
        add(v, "cobs_header_and_payload_254", PacketType.LOG, 0x0101, 0x01010101L, nonZero(246, 6));
        // The packet ends in a run of exactly 254 (250 payload + 4 CRC bytes): wire ends FF .. 01 00.
        add(v, "cobs_final_run_254", PacketType.LOG, 0x0101, 0x01010101L,
                tuneCrc(t, 0x0101, 0x01010101L, cat(new byte[1], nonZero(250, 7)), 1, TestVectors::noZeroByte));
        // ... and of 255: wire ends FF <254 bytes> 02 xx 00.
        add(v, "cobs_final_run_255", PacketType.LOG, 0x0101, 0x01010101L,
                tuneCrc(t, 0x0101, 0x01010101L, cat(new byte[1], nonZero(251, 8)), 1, TestVectors::noZeroByte));
        // Zeros at both ends of the decoded packet: seq and time 0 in the header, a CRC whose last byte is 00.
        add(v, "zeros_at_both_ends", PacketType.LOG, 0, 0,
                tuneCrc(t, 0, 0, new byte[] {0, 0x55, 0}, 1, crc -> (crc >>> 24) == 0));
        add(v, "payload_all_zero_64", PacketType.LOG, 0, 0, new byte[64]);
        add(v, "max_payload_ramp", PacketType.FRAME_DENSE, 42, 123_456_789L, ramp(Packet.MAX_PAYLOAD));
        add(v, "large_payload_ramp_5000", PacketType.LOG, 43, 1, ramp(5000));
        return v;
    }

    private static void add(List<Vector> v, String name, PacketType type, int seq, long time, byte[] payload) {
        Packet p = new Packet(type, seq, time, payload);
        v.add(new Vector(name, type.code(), seq, time, payload, PacketEncoder.encode(p)));
    }

    static String render(List<Vector> vectors) {
        StringBuilder sb = new StringBuilder();
        sb.append("""
                # Tactus wire protocol v1 test vectors (firmware-protocol/PROTOCOL.md).
                # Generated by src/test/java/io/tactus/protocol/TestVectors.java from the Java encoder; checked by
                # the Java tests (encode and decode) and by firmware-protocol/c/test_vectors.c (C encoder).
                #
                # One vector per line, six fields separated by one space:
                #   name type seq time_us payload wire
                # type     two hex digits (01 HELLO, 02 FRAME_DENSE, ..., 84 SET_RATE)
                # seq      decimal 0..65535; time_us decimal 0..4294967295
                # payload  lower-case hex, "-" when empty, or "ramp:N" = N bytes where byte i is (i mod 256)
                # wire     the complete wire bytes in hex (COBS + final 00), or for ramp payloads
                #          "digest:LEN:CRC" = length and CRC-32 (zlib) of the wire bytes, CRC as 8 hex digits
                # Lines starting with # and blank lines are ignored.
                """);
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (Vector v : vectors) {
            boolean generated = v.payload().length > INLINE_LIMIT;
            String payload = generated ? "ramp:" + v.payload().length
                    : v.payload().length == 0 ? "-" : hex.formatHex(v.payload());
            String wire;
            if (generated) {
                CRC32 crc = new CRC32();
                crc.update(v.wire());
                wire = "digest:" + v.wire().length + ":" + String.format("%08x", crc.getValue());
            } else {
                wire = hex.formatHex(v.wire());
            }
            sb.append(v.name()).append(' ').append(String.format("%02x", v.type())).append(' ').append(v.seq())
                    .append(' ').append(v.timeUs()).append(' ').append(payload).append(' ').append(wire).append('\n');
        }
        return sb.toString();
    }

    /** A parsed line; {@code wire} is null when the file gives a digest, which is then in the digest fields. */
    record Line(String name, int type, int seq, long timeUs, byte[] payload, byte[] wire, int digestLen, long digestCrc) {
    }

    static List<Line> parse(Path file) throws IOException {
        List<Line> out = new ArrayList<>();
        java.util.HexFormat hex = java.util.HexFormat.of();
        for (String raw : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
            String s = raw.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                continue;
            }
            String[] f = s.split(" ");
            if (f.length != 6) {
                throw new IOException("vector line needs 6 fields: " + s.substring(0, Math.min(60, s.length())));
            }
            byte[] payload = f[4].equals("-") ? new byte[0]
                    : f[4].startsWith("ramp:") ? ramp(Integer.parseInt(f[4].substring(5))) : hex.parseHex(f[4]);
            byte[] wire = null;
            int dLen = -1;
            long dCrc = -1;
            if (f[5].startsWith("digest:")) {
                String[] d = f[5].split(":");
                dLen = Integer.parseInt(d[1]);
                dCrc = Long.parseLong(d[2], 16);
            } else {
                wire = hex.parseHex(f[5]);
            }
            out.add(new Line(f[0], Integer.parseInt(f[1], 16), Integer.parseInt(f[2]), Long.parseLong(f[3]), payload,
                    wire, dLen, dCrc));
        }
        return out;
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "firmware-protocol/test-vectors/vectors.txt");
        Files.writeString(out, render(generate()), StandardCharsets.US_ASCII);
        System.out.println("wrote " + out);
    }
}
