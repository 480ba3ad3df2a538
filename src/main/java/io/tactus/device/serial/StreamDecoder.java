package io.tactus.device.serial;

import io.tactus.protocol.PacketDecoder;

/**
 * Bytes of one connection in, packets out (through the {@link PacketDecoder.Sink} it was built with). A fresh
 * decoder is made for every (re)connect so a half packet from before an unplug never merges with new bytes.
 */
@FunctionalInterface
public interface StreamDecoder {

    void feed(byte[] buf, int off, int len);

    /** Builds the decoder for a connection. */
    @FunctionalInterface
    interface Factory {
        /**
         * @param format what the port carries (AUTO may be resolved by the decoder itself)
         * @param sink   receives packets and corruption reports on the reader thread
         * @param status receives one-line notices the decoder wants the user to see (e.g. "text detected")
         */
        StreamDecoder create(WireFormat format, PacketDecoder.Sink sink, java.util.function.Consumer<String> status);
    }
}
