package io.tactus.protocol;

import java.util.zip.CRC32;

/**
 * Streaming decoder: feed it bytes in whatever chunks the driver returns; it splits on 0x00, COBS-decodes,
 * checks length, version, type and CRC, and hands each good packet to the sink. A bad block is counted by
 * {@link Corruption} kind and skipped; the decoder resynchronises at the next 0x00, so the following good
 * packet is never lost. Not thread-safe: one decoder per reader thread. Counters may be read from any thread.
 */
public final class PacketDecoder extends CountingDecoder {

    /** Receives decoded packets and corruption reports on the feeding thread. */
    public interface Sink {
        void onPacket(Packet packet);

        default void onCorrupt(Corruption kind, int bytes) {
        }
    }

    private static final int MAX_RAW = Packet.HEADER_BYTES + Packet.MAX_PAYLOAD + Packet.CRC_BYTES;

    private final byte[] block = new byte[Cobs.maxEncodedLength(MAX_RAW)];
    /** As large as the block, so a block that decodes to more than MAX_RAW is reported as OVERSIZE, not BAD_COBS. */
    private final byte[] raw = new byte[block.length];
    private final CRC32 crc = new CRC32();
    private final Sink sink;
    private int blockLen;
    private boolean overflowing;

    public PacketDecoder(Sink sink) {
        this.sink = sink;
    }

    @Override
    public void feed(byte[] buf, int off, int len) {
        bytesIn += len;
        for (int i = off, end = off + len; i < end; i++) {
            byte b = buf[i];
            if (b == 0) {
                endOfBlock();
            } else if (overflowing) {
                blockLen++;
            } else if (blockLen == block.length) {
                overflowing = true;
                blockLen++;
            } else {
                block[blockLen++] = b;
            }
        }
    }

    /** Bytes received since the last delimiter (an incomplete trailing packet stays buffered). */
    @Override
    public int pendingBytes() {
        return blockLen;
    }

    private void endOfBlock() {
        int len = blockLen;
        boolean over = overflowing;
        blockLen = 0;
        overflowing = false;
        if (len == 0) {
            return; // consecutive delimiters are legal padding
        }
        if (over) {
            reject(Corruption.OVERSIZE, len);
            return;
        }
        int n = Cobs.decode(block, 0, len, raw, 0);
        if (n < 0) {
            reject(Corruption.BAD_COBS, len);
            return;
        }
        if (n < Packet.HEADER_BYTES + Packet.CRC_BYTES) {
            reject(Corruption.TOO_SHORT, len);
            return;
        }
        if (n > MAX_RAW) {
            reject(Corruption.OVERSIZE, len);
            return;
        }
        crc.reset();
        crc.update(raw, 0, n - Packet.CRC_BYTES);
        if (crc.getValue() != LittleEndian.u32(raw, n - Packet.CRC_BYTES)) {
            reject(Corruption.BAD_CRC, len);
            return;
        }
        if ((raw[0] & 0xFF) != Packet.VERSION) {
            reject(Corruption.BAD_VERSION, len);
            return;
        }
        PacketType type = PacketType.fromCode(raw[1] & 0xFF);
        if (type == null) {
            reject(Corruption.UNKNOWN_TYPE, len);
            return;
        }
        byte[] payload = java.util.Arrays.copyOfRange(raw, Packet.HEADER_BYTES, n - Packet.CRC_BYTES);
        packets++;
        sink.onPacket(new Packet(type, LittleEndian.u16(raw, 2), LittleEndian.u32(raw, 4), payload));
    }

    private void reject(Corruption kind, int bytes) {
        corrupt.add(kind);
        sink.onCorrupt(kind, bytes);
    }
}
