package io.tactus.protocol;

/**
 * Tells a DIY text stream from binary v1 by its first bytes (PROTOCOL.md section 9.4). Any 0x00 means BINARY
 * at once (every binary packet ends with one). Otherwise the decision waits for three line ends or 256 bytes:
 * TEXT when at most 4 % of the bytes are outside printable ASCII / tab / CR / LF and at least 30 % are digits.
 */
public final class FormatSniffer {

    /** What the stream looks like. */
    public enum Format { TEXT, BINARY, UNDECIDED }

    /** Bytes after which the sniffer decides whatever it has seen. */
    public static final int SAMPLE_BYTES = 256;
    private static final int LINES_TO_DECIDE = 3;
    private static final int MIN_BYTES_FOR_LINES = 16;

    private int seen;
    private int digits;
    private int nonText;
    private int newlines;
    private Format decision = Format.UNDECIDED;

    /** One-shot: the format of the given bytes, forced to TEXT or BINARY. */
    public static Format sniff(byte[] b, int off, int len) {
        FormatSniffer s = new FormatSniffer();
        s.offer(b, off, len);
        return s.decide();
    }

    /** Looks at more bytes (only the first {@link #SAMPLE_BYTES} matter); returns the decision so far. */
    public Format offer(byte[] b, int off, int len) {
        for (int i = off, end = off + len; i < end && decision == Format.UNDECIDED; i++) {
            int c = b[i] & 0xFF;
            seen++;
            if (c == 0) {
                decision = Format.BINARY;
                return decision;
            }
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '\n') {
                newlines++;
            } else if (!(c >= 0x20 && c < 0x7F) && c != '\t' && c != '\r') {
                nonText++;
            }
            if (seen >= SAMPLE_BYTES || (newlines >= LINES_TO_DECIDE && seen >= MIN_BYTES_FOR_LINES)) {
                decision = judge();
            }
        }
        return decision;
    }

    /** The decision now, forcing one from what was seen (BINARY when nothing was). */
    public Format decide() {
        if (decision == Format.UNDECIDED) {
            decision = seen == 0 ? Format.BINARY : judge();
        }
        return decision;
    }

    public Format decision() {
        return decision;
    }

    private Format judge() {
        boolean text = nonText * 25 <= seen && digits * 10 >= seen * 3;
        return text ? Format.TEXT : Format.BINARY;
    }
}
