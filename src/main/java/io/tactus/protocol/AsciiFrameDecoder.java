package io.tactus.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * DIY line mode (PROTOCOL.md section 9): transcodes a hobby grid's text output (one frame per line, or one row
 * per line with frames separated by a blank or label line) into v1 packets: a synthesized HELLO, then one
 * FRAME_DENSE per good frame, with consecutive seq and device time from a {@link FrameClock}. Bad lines are
 * counted ({@link Corruption#BAD_TEXT}, {@link Corruption#OVERSIZE} for overlong lines) and skipped; memory is
 * bounded by the line cap. Not thread-safe: one instance per reader thread; counters readable from any thread.
 */
public final class AsciiFrameDecoder extends CountingDecoder {

    /** Frames held back to estimate the rate when none is given. */
    public static final int ESTIMATE_FRAMES = 10;
    /** Rate announced when it must be estimated from fewer than two frames. */
    public static final double FALLBACK_RATE_HZ = 50;

    private record Held(int[] counts, long timeUs) {
    }

    private final AsciiOptions options;
    private final FrameClock clock;
    private final PacketDecoder.Sink sink;
    private final byte[] line;
    private int lineLen;
    private boolean lineOverflow;
    private final int[] values;
    private final int[] frame;
    private int rowsFilled;
    private long frameIndex;
    private int seq;
    private boolean helloSent;
    private final List<Held> held = new ArrayList<>();
    private volatile long labelLines;
    private volatile double announcedRateHz;

    public AsciiFrameDecoder(AsciiOptions options, FrameClock clock, PacketDecoder.Sink sink) {
        this.options = options;
        this.clock = clock;
        this.sink = sink;
        int cells = options.cellCount();
        this.line = new byte[lineCap(cells)];
        this.values = new int[cells];
        this.frame = new int[cells];
    }

    /** Longest accepted line: room for "65535, " per cell plus slack, never below 256 bytes. */
    static int lineCap(int cells) {
        return Math.max(256, 8 * cells + 256);
    }

    @Override
    public void feed(byte[] buf, int off, int len) {
        bytesIn += len;
        for (int i = off, end = off + len; i < end; i++) {
            byte b = buf[i];
            if (b == '\n') {
                endLine();
            } else if (lineOverflow) {
                continue;
            } else if (lineLen == line.length) {
                lineOverflow = true;
            } else {
                line[lineLen++] = b;
            }
        }
    }

    /** Processes a last line without a line end, reports a cut-off frame, and flushes frames held for the rate. */
    @Override
    public void finish() {
        if (lineLen > 0 || lineOverflow) {
            endLine();
        }
        separator();
        if (!helloSent && !held.isEmpty()) {
            releaseHeld();
        }
    }

    private void endLine() {
        int len = lineLen;
        boolean over = lineOverflow;
        lineLen = 0;
        lineOverflow = false;
        if (over) {
            rowsFilled = 0; // the frame in progress is lost with the line; counted once
            reject(Corruption.OVERSIZE, len);
            return;
        }
        int n = parse(len);
        if (n == BLANK || n == LABEL) {
            if (n == LABEL) {
                labelLines++;
            }
            separator();
        } else if (n == BAD) {
            rowsFilled = 0;
            reject(Corruption.BAD_TEXT, len);
        } else if (n == frame.length) {
            if (rowsFilled > 0) {
                rowsFilled = 0;
                reject(Corruption.BAD_TEXT, 0);
            }
            emit(values);
        } else if (n == options.cols()) {
            System.arraycopy(values, 0, frame, rowsFilled * options.cols(), n);
            if (++rowsFilled == options.rows()) {
                rowsFilled = 0;
                emit(frame);
            }
        } else {
            rowsFilled = 0;
            reject(Corruption.BAD_TEXT, len);
        }
    }

    /** A blank or label line: fine between frames, damage inside a row-per-line frame. */
    private void separator() {
        if (rowsFilled > 0) {
            rowsFilled = 0;
            reject(Corruption.BAD_TEXT, 0);
        }
    }

    private static final int BLANK = -1;
    private static final int LABEL = -2;
    private static final int BAD = -3;

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == ',' || b == '\t' || b == ';' || b == '\r';
    }

    /** A digit, or a sign or point followed by a digit: the line means to hold numbers ("---" does not). */
    private boolean looksNumeric(int i, int len) {
        byte b = line[i];
        if (b >= '0' && b <= '9') {
            return true;
        }
        return (b == '-' || b == '+' || b == '.') && i + 1 < len && line[i + 1] >= '0' && line[i + 1] <= '9';
    }

    /** Parses line[0, len) into values; returns the value count, or BLANK, LABEL or BAD. */
    private int parse(int len) {
        int i = 0;
        while (i < len && isSeparator(line[i])) {
            i++;
        }
        if (i == len) {
            return BLANK;
        }
        if (!looksNumeric(i, len)) {
            return LABEL;
        }
        int n = 0;
        while (i < len) {
            int v = 0;
            int digits = 0;
            while (i < len && !isSeparator(line[i])) {
                byte b = line[i++];
                if (b < '0' || b > '9') {
                    return BAD;
                }
                if (v <= 0xFFFF) {
                    v = v * 10 + (b - '0'); // stops growing once above the limit: no int overflow
                }
                digits++;
            }
            if (digits > 0) {
                if (v > 0xFFFF || n == values.length) {
                    return BAD;
                }
                values[n++] = v;
            }
            while (i < len && isSeparator(line[i])) {
                i++;
            }
        }
        return n;
    }

    private void emit(int[] counts) {
        long t = clock.timeUs(frameIndex++);
        if (helloSent) {
            sendFrame(counts, t);
        } else if (options.rateHz() > 0) {
            sendHello(options.rateHz(), t);
            sendFrame(counts, t);
        } else {
            held.add(new Held(counts.clone(), t));
            if (held.size() == ESTIMATE_FRAMES) {
                releaseHeld();
            }
        }
    }

    private void releaseHeld() {
        sendHello(estimateRate(), held.get(0).timeUs());
        for (Held h : held) {
            sendFrame(h.counts(), h.timeUs());
        }
        held.clear();
    }

    /** Frames per second over the held frames' clock span, rounded to 0.01 Hz and kept in the valid range. */
    private double estimateRate() {
        if (held.size() < 2) {
            return FALLBACK_RATE_HZ;
        }
        long span = held.get(held.size() - 1).timeUs() - held.get(0).timeUs();
        if (span <= 0) {
            return FALLBACK_RATE_HZ;
        }
        double hz = (held.size() - 1) * 1e6 / span;
        return Math.min(100_000, Math.max(0.01, Math.round(hz * 100) / 100.0));
    }

    private void sendHello(double rateHz, long t) {
        helloSent = true;
        announcedRateHz = rateHz;
        deliver(new Packet(PacketType.HELLO, nextSeq(), t & 0xFFFF_FFFFL, options.descriptor(rateHz).toJson()));
    }

    private void sendFrame(int[] counts, long t) {
        deliver(new Packet(PacketType.FRAME_DENSE, nextSeq(), t & 0xFFFF_FFFFL, Payloads.dense(counts)));
    }

    private int nextSeq() {
        int s = seq;
        seq = (seq + 1) & 0xFFFF;
        return s;
    }

    private void deliver(Packet p) {
        packets++;
        sink.onPacket(p);
    }

    private void reject(Corruption kind, int bytes) {
        corrupt.add(kind);
        sink.onCorrupt(kind, bytes);
    }

    /** Rate announced in the HELLO, or 0 before it was sent. */
    public double announcedRateHz() {
        return announcedRateHz;
    }

    /** Label lines seen ({@code Frame 12}, {@code # comment}): ignored, not corruption. */
    public long labelLines() {
        return labelLines;
    }

    public AsciiOptions options() {
        return options;
    }

    @Override
    public int pendingBytes() {
        return lineLen;
    }
}
