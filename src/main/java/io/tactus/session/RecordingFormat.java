package io.tactus.session;

import io.tactus.protocol.Packet;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Byte layout of recording format v1, shared by writer and reader. Normative description:
 * docs/RECORDING-FORMAT.md. All integers little-endian.
 *
 * <pre>
 * file    = header record*
 * header  = magic "TACTREC" 0x1A (8) | u16 version | u16 min_reader_version | u32 crc32(bytes 0..11)
 * record  = u8 0xA5 | u8 type | u16 flags | u32 body_length | body | u32 crc32(bytes from 0xA5 to body end)
 * </pre>
 */
public final class RecordingFormat {

    public static final byte[] MAGIC = {'T', 'A', 'C', 'T', 'R', 'E', 'C', 0x1A};
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 16;
    public static final int SYNC = 0xA5;
    public static final int RECORD_HEADER_BYTES = 8;
    public static final int RECORD_OVERHEAD = RECORD_HEADER_BYTES + 4;
    /** PACKET body: i64 host_ns + 8-byte protocol header + payload. */
    public static final int PACKET_PREFIX = 16;
    public static final int MAX_PACKET_BODY = PACKET_PREFIX + Packet.MAX_PAYLOAD;
    /** Cap on any record body a reader accepts: a corrupt length never turns into a huge allocation. */
    public static final int MAX_BODY = 16 * 1024 * 1024;
    /** Cap on JSON side records (metadata, annotations, events, commands). */
    public static final int MAX_JSON_BODY = 1024 * 1024;
    /** PACKET flag: the recorder synthesized this packet (a HELLO built from the metadata descriptor). */
    public static final int FLAG_SYNTHETIC = 1;
    /** TRAILER body: u64 index offset | magic "TACTEND!". */
    public static final byte[] TRAILER_MAGIC = {'T', 'A', 'C', 'T', 'E', 'N', 'D', '!'};
    public static final int TRAILER_BODY = 16;
    public static final int TRAILER_BYTES = RECORD_OVERHEAD + TRAILER_BODY;

    private RecordingFormat() {
    }

    public static ByteBuffer header() {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).putShort((short) VERSION).putShort((short) 1);
        CRC32 crc = new CRC32();
        crc.update(b.array(), 0, 12);
        b.putInt((int) crc.getValue());
        b.flip();
        return b;
    }

    /**
     * Appends one record into {@code out} (little-endian, heap buffer with room for body + 12 bytes).
     *
     * @param body bytes between position and limit are the record body; position is left unchanged
     */
    public static void putRecord(ByteBuffer out, RecordType type, int flags, ByteBuffer body) {
        int start = out.position();
        int len = body.remaining();
        out.put((byte) SYNC).put((byte) type.code()).putShort((short) flags).putInt(len);
        out.put(body.duplicate());
        CRC32 crc = new CRC32();
        crc.update(out.array(), out.arrayOffset() + start, RECORD_HEADER_BYTES + len);
        out.putInt((int) crc.getValue());
    }

    /** Writes a PACKET record directly into {@code out} without an intermediate body buffer. */
    public static void putPacket(ByteBuffer out, long hostNs, Packet p, int flags) {
        int start = out.position();
        int len = PACKET_PREFIX + p.payload().length;
        out.put((byte) SYNC).put((byte) RecordType.PACKET.code()).putShort((short) flags).putInt(len);
        out.putLong(hostNs);
        out.put((byte) Packet.VERSION).put((byte) p.type().code()).putShort((short) p.seq())
                .putInt((int) p.deviceTimeUs());
        out.put(p.payload());
        CRC32 crc = new CRC32();
        crc.update(out.array(), out.arrayOffset() + start, RECORD_HEADER_BYTES + len);
        out.putInt((int) crc.getValue());
    }

    public static int packetRecordBytes(Packet p) {
        return RECORD_OVERHEAD + PACKET_PREFIX + p.payload().length;
    }

    public static ByteBuffer utf8(String json) {
        return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
    }
}
