package io.tactus.device.serial;

import io.tactus.protocol.PacketDecoder;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Holds the first bytes of a connection until it is clear whether they are protocol v1 (COBS blocks ending in
 * 0x00) or DIY text lines, then replays them into the right decoder and passes everything after straight
 * through. The held bytes are stamped with the time of the chunk that decided, a few milliseconds late at most.
 */
final class SniffingDecoder implements StreamDecoder {

    static final int WINDOW = 256;

    private final PacketDecoder.Sink sink;
    private final Consumer<String> status;
    private final StreamDecoder.Factory factory;
    private final byte[] held = new byte[WINDOW];
    private int heldLen;
    private StreamDecoder delegate;

    SniffingDecoder(PacketDecoder.Sink sink, Consumer<String> status, StreamDecoder.Factory factory) {
        this.sink = sink;
        this.status = status;
        this.factory = factory;
    }

    @Override
    public void feed(byte[] buf, int off, int len) {
        if (delegate != null) {
            delegate.feed(buf, off, len);
            return;
        }
        int take = Math.min(len, WINDOW - heldLen);
        System.arraycopy(buf, off, held, heldLen, take);
        heldLen += take;
        WireFormat.Mode guess = guess(held, heldLen, heldLen == WINDOW);
        if (guess == WireFormat.Mode.AUTO) {
            return;
        }
        delegate = factory.create(guess == WireFormat.Mode.BINARY ? WireFormat.binary() : WireFormat.textInferred(), sink, status);
        delegate.feed(held, 0, heldLen);
        if (take < len) {
            delegate.feed(buf, off + take, len - take);
        }
    }

    /**
     * BINARY once a 0x00 delimiter shows up (text never contains one), TEXT once a line of only digits and
     * separators is complete, AUTO while unsure. A full window without a decision is treated as binary, whose
     * decoder counts and skips whatever it is.
     */
    static WireFormat.Mode guess(byte[] b, int n, boolean full) {
        boolean printable = true;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return WireFormat.Mode.BINARY;
            }
            if (!(c == '\n' || c == '\r' || c == '\t' || (c >= 0x20 && c < 0x7F))) {
                printable = false;
            }
        }
        if (printable && Arrays.asList(lines(b, n)).stream().anyMatch(SniffingDecoder::numericLine)) {
            return WireFormat.Mode.TEXT;
        }
        return full ? WireFormat.Mode.BINARY : WireFormat.Mode.AUTO;
    }

    private static String[] lines(byte[] b, int n) {
        String s = new String(b, 0, n, java.nio.charset.StandardCharsets.US_ASCII);
        int lastNl = s.lastIndexOf('\n');
        // Only complete lines count, and not the first one: the port may have opened mid-line.
        return lastNl <= 0 ? new String[0] : s.substring(s.indexOf('\n') + 1, lastNl + 1).split("\r?\n");
    }

    private static boolean numericLine(String line) {
        String t = line.trim();
        return t.length() >= 3 && t.matches("[-+0-9., ;\t]+") && t.matches(".*\\d[ ,;\t]+\\d.*");
    }
}
