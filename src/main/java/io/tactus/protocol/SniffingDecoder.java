package io.tactus.protocol;

import java.io.ByteArrayOutputStream;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decodes either format: holds the first bytes until {@link FormatSniffer} decides, then hands everything to a
 * {@link PacketDecoder} (binary) or an {@link AsciiFrameDecoder} (text). Text without a grid size cannot be
 * decoded: each line is then counted as {@link Corruption#BAD_TEXT} and {@link #needsAsciiSize()} turns true,
 * so the caller can tell the user to give one ({@code --ascii 16x16}).
 */
public final class SniffingDecoder implements ByteStreamDecoder {

    private final PacketDecoder.Sink sink;
    private final AsciiOptions ascii;
    private final FrameClock clock;
    private final FormatSniffer sniffer = new FormatSniffer();
    private ByteArrayOutputStream held = new ByteArrayOutputStream();
    private volatile ByteStreamDecoder delegate;
    private volatile boolean needsAsciiSize;
    private volatile long heldBytesIn;

    /**
     * @param ascii grid options for text input, or null if the user gave none
     * @param clock device time for text frames
     */
    public SniffingDecoder(PacketDecoder.Sink sink, AsciiOptions ascii, FrameClock clock) {
        this.sink = sink;
        this.ascii = ascii;
        this.clock = clock;
    }

    @Override
    public void feed(byte[] buf, int off, int len) {
        ByteStreamDecoder d = delegate;
        if (d != null) {
            d.feed(buf, off, len);
            return;
        }
        held.write(buf, off, len);
        heldBytesIn += len;
        if (sniffer.offer(buf, off, len) != FormatSniffer.Format.UNDECIDED) {
            start();
        }
    }

    @Override
    public void finish() {
        if (delegate == null && held.size() > 0) {
            sniffer.decide();
            start();
        }
        if (delegate != null) {
            delegate.finish();
        }
    }

    private void start() {
        ByteStreamDecoder d;
        if (sniffer.decision() == FormatSniffer.Format.BINARY) {
            d = new PacketDecoder(sink);
        } else if (ascii != null) {
            d = new AsciiFrameDecoder(ascii, clock, sink);
        } else {
            needsAsciiSize = true;
            d = new UnsizedText(sink);
        }
        byte[] b = held.toByteArray();
        held = null;
        delegate = d;
        d.feed(b, 0, b.length);
    }

    /** The format in use, or UNDECIDED while sniffing. */
    public FormatSniffer.Format format() {
        return delegate == null ? FormatSniffer.Format.UNDECIDED : sniffer.decision();
    }

    /** True when the stream is text but no grid size was given. */
    public boolean needsAsciiSize() {
        return needsAsciiSize;
    }

    @Override
    public int pendingBytes() {
        ByteStreamDecoder d = delegate;
        return d == null ? (int) heldBytesIn : d.pendingBytes();
    }

    @Override
    public long packets() {
        ByteStreamDecoder d = delegate;
        return d == null ? 0 : d.packets();
    }

    @Override
    public long bytesIn() {
        ByteStreamDecoder d = delegate;
        return d == null ? heldBytesIn : d.bytesIn();
    }

    @Override
    public Map<Corruption, Long> corruptCounts() {
        ByteStreamDecoder d = delegate;
        return d == null ? new EnumMap<>(Corruption.class) : d.corruptCounts();
    }

    @Override
    public long corruptTotal() {
        ByteStreamDecoder d = delegate;
        return d == null ? 0 : d.corruptTotal();
    }

    /** Text with no grid size: every non-blank line is counted, nothing is delivered. */
    private static final class UnsizedText implements ByteStreamDecoder {
        private final PacketDecoder.Sink sink;
        private volatile long bytesIn;
        private volatile long lines;
        private int lineLen;

        UnsizedText(PacketDecoder.Sink sink) {
            this.sink = sink;
        }

        @Override
        public void feed(byte[] buf, int off, int len) {
            bytesIn += len;
            for (int i = off, end = off + len; i < end; i++) {
                if (buf[i] == '\n') {
                    endLine();
                } else if (buf[i] != '\r' && lineLen < Integer.MAX_VALUE) {
                    lineLen++;
                }
            }
        }

        @Override
        public void finish() {
            endLine();
        }

        private void endLine() {
            if (lineLen > 0) {
                lines++;
                sink.onCorrupt(Corruption.BAD_TEXT, lineLen);
            }
            lineLen = 0;
        }

        @Override
        public int pendingBytes() {
            return lineLen;
        }

        @Override
        public long packets() {
            return 0;
        }

        @Override
        public long bytesIn() {
            return bytesIn;
        }

        @Override
        public Map<Corruption, Long> corruptCounts() {
            Map<Corruption, Long> m = new EnumMap<>(Corruption.class);
            if (lines > 0) {
                m.put(Corruption.BAD_TEXT, lines);
            }
            return m;
        }

        @Override
        public long corruptTotal() {
            return lines;
        }
    }
}
