package io.tactus.protocol;

import java.util.zip.CRC32;

/** Turns packets into wire bytes: header + payload + CRC-32, COBS-encoded, terminated by one 0x00. */
public final class PacketEncoder {

    private PacketEncoder() {
    }

    /** The decoded (pre-COBS) form: header, payload, CRC. */
    public static byte[] raw(Packet p) {
        byte[] raw = new byte[Packet.HEADER_BYTES + p.payload().length + Packet.CRC_BYTES];
        raw[0] = Packet.VERSION;
        raw[1] = (byte) p.type().code();
        LittleEndian.putU16(raw, 2, p.seq());
        LittleEndian.putU32(raw, 4, p.deviceTimeUs());
        System.arraycopy(p.payload(), 0, raw, Packet.HEADER_BYTES, p.payload().length);
        CRC32 crc = new CRC32();
        crc.update(raw, 0, raw.length - Packet.CRC_BYTES);
        LittleEndian.putU32(raw, raw.length - Packet.CRC_BYTES, crc.getValue());
        return raw;
    }

    /** The complete wire form: COBS(raw) followed by the 0x00 delimiter. */
    public static byte[] encode(Packet p) {
        byte[] raw = raw(p);
        byte[] out = new byte[Cobs.maxEncodedLength(raw.length) + 1];
        int n = Cobs.encode(raw, 0, raw.length, out, 0);
        out[n] = 0;
        return java.util.Arrays.copyOf(out, n + 1);
    }
}
