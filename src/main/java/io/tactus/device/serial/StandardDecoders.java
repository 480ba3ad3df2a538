package io.tactus.device.serial;

import io.tactus.protocol.AsciiFrameDecoder;
import io.tactus.protocol.AsciiOptions;
import io.tactus.protocol.FrameClock;
import io.tactus.protocol.PacketDecoder;
import io.tactus.protocol.SniffingDecoder;
import java.util.function.Consumer;

/**
 * The decoders a serial source uses: protocol v1 ({@link PacketDecoder}), DIY text lines of a known grid
 * ({@link AsciiFrameDecoder}, device time from the host clock since a text device has none), or the protocol
 * package's {@link SniffingDecoder}, which picks one from the first bytes.
 */
public final class StandardDecoders implements StreamDecoder.Factory {

    static final String NEEDS_SIZE = "the device sends text lines (DIY grid): give the grid size, e.g. --ascii 16x16";

    @Override
    public StreamDecoder create(WireFormat format, PacketDecoder.Sink sink, Consumer<String> status) {
        return switch (format.mode()) {
            case BINARY -> new PacketDecoder(sink)::feed;
            case TEXT -> new AsciiFrameDecoder(AsciiOptions.of(format.rows(), format.cols()), FrameClock.hostTime(),
                    sink)::feed;
            case AUTO -> sniffing(sink, status);
        };
    }

    /** Auto-detect; text without a size cannot be decoded, so the user is told once what to add. */
    private static StreamDecoder sniffing(PacketDecoder.Sink sink, Consumer<String> status) {
        SniffingDecoder d = new SniffingDecoder(sink, null, FrameClock.hostTime());
        return new StreamDecoder() {
            private boolean told;

            @Override
            public void feed(byte[] buf, int off, int len) {
                d.feed(buf, off, len);
                if (!told && d.needsAsciiSize()) {
                    told = true;
                    status.accept(NEEDS_SIZE);
                }
            }
        };
    }
}
