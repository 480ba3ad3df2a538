package io.tactus.device.serial;

import io.tactus.protocol.PacketDecoder;
import java.util.function.Consumer;

/** The decoders a serial source uses: protocol v1, DIY text lines, or a sniffer that picks one. */
public final class StandardDecoders implements StreamDecoder.Factory {

    @Override
    public StreamDecoder create(WireFormat format, PacketDecoder.Sink sink, Consumer<String> status) {
        return switch (format.mode()) {
            case BINARY -> new PacketDecoder(sink)::feed;
            case TEXT -> textDecoder(format, sink);
            case AUTO -> new SniffingDecoder(sink, status, this);
        };
    }

    static StreamDecoder textDecoder(WireFormat format, PacketDecoder.Sink sink) {
        throw new UnsupportedOperationException("DIY text mode is not available yet (needs protocol.AsciiFrameDecoder)");
    }
}
