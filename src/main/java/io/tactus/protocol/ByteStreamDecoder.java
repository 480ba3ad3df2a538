package io.tactus.protocol;

import java.util.Map;

/**
 * Turns a byte stream from a device into packets for a {@link PacketDecoder.Sink}: the binary v1 decoder
 * ({@link PacketDecoder}), the DIY text transcoder ({@link AsciiFrameDecoder}) or the auto-detecting
 * {@link SniffingDecoder}. Fed from one reader thread; the counters may be read from any thread.
 */
public interface ByteStreamDecoder {

    /** Feeds bytes in whatever chunks the driver returns. Never throws on bad input (the sink might). */
    void feed(byte[] buf, int off, int len);

    /** End of stream (file end, port closed): processes what is still buffered where that makes sense. */
    default void finish() {
    }

    /** Bytes held back waiting for a delimiter or line end. */
    int pendingBytes();

    /** Packets delivered to the sink. */
    long packets();

    /** Bytes fed. */
    long bytesIn();

    /** Rejections by kind (kinds with a zero count are absent). */
    Map<Corruption, Long> corruptCounts();

    long corruptTotal();
}
