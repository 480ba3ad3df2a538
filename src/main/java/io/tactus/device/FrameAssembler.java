package io.tactus.device;

import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;

/**
 * Interprets a stream of timed packets from one device: tracks the descriptor from HELLO, decodes frame
 * payloads against its layout, unwraps the 16-bit sequence and 32-bit device clock, and counts sequence gaps
 * as dropped packets. Deterministic: live and replayed packet streams give the same frames. Not thread-safe.
 */
public final class FrameAssembler {

    private static final long SEQ_MOD = 1L << 16;
    private static final long TIME_MOD = 1L << 32;
    /** Characters of text kept per marker (a button label or a short note; the rest is cut and counted). */
    public static final int MARKER_TEXT_MAX = 256;
    /** Characters of marker text kept per stream in all. */
    public static final long MARKER_TEXT_TOTAL = 256 * 1024;

    private final FrameListener listener;
    private DeviceDescriptor descriptor;
    private long lastSeqRaw = -1;
    private long seqUnwrapped;
    private long lastTimeRaw = -1;
    private long timeUnwrapped;
    private long frames;
    private long dropped;
    private long badPayload;
    private long framesWithoutHello;
    private long deviceResets;
    private long markerTextKept;
    private long markerTextsCut;
    private long markerCharsCut;
    private boolean oneBuffer;
    private boolean headersOnly;
    private int[] buffer;

    public FrameAssembler(FrameListener listener) {
        this.listener = listener;
    }

    /** Starts with a known descriptor (e.g. ASCII mode, or a recording's metadata). */
    public FrameAssembler(FrameListener listener, DeviceDescriptor descriptor) {
        this(listener);
        this.descriptor = descriptor;
    }

    /**
     * Decodes every frame into the same counts array instead of a new one per frame: for a consumer on this
     * thread that is done with each {@link RawFrame} before the next packet (offline analysis), never for frames
     * handed to another thread or kept.
     */
    public void decodeIntoOneBuffer() {
        oneBuffer = true;
    }

    /**
     * Frames are checked against the layout exactly as when decoded (a payload that does not fit is a bad payload)
     * but their cells are not read: listeners get each {@link RawFrame} with {@code counts} null. For a pass that
     * needs frames, times, gaps and bad payloads but no pressure ({@code tactus info}), where decoding 1,024 cells
     * per frame was most of the work at a cold start.
     */
    public void headersOnly() {
        headersOnly = true;
    }

    public void accept(TimedPacket tp) {
        Packet p = tp.packet();
        accept(p.type(), p.seq(), p.deviceTimeUs(), tp.hostNanos(), p.payload(), 0, p.payload().length, tp);
    }

    /**
     * Same as {@link #accept(TimedPacket)} for a packet whose payload is {@code len} bytes of a shared buffer at
     * {@code off} (a recording's read buffer): a frame is decoded straight from there without allocating; the bytes
     * are read before this returns and never kept.
     *
     * @param deviceTimeUs the 32-bit device time as sent
     */
    public void accept(PacketType type, int seq, long deviceTimeUs, long hostNanos, byte[] buf, int off, int len) {
        accept(type, seq, deviceTimeUs, hostNanos, buf, off, len, null);
    }

    /** @param tp the packet as received, or null when only its fields are at hand (made on demand) */
    private void accept(PacketType type, int seq, long rawTimeUs, long hostNanos, byte[] buf, int off, int len,
                        TimedPacket tp) {
        if (!type.fromDevice()) {
            return;
        }
        // A device sends HELLO at boot with its clock restarted: a HELLO whose time steps backwards marks a
        // reboot, after which the sequence restarts too and must not be read as a huge gap.
        boolean reboot = type == PacketType.HELLO && lastTimeRaw >= 0
                && Math.floorMod(rawTimeUs - lastTimeRaw, TIME_MOD) > TIME_MOD / 2;
        if (reboot) {
            deviceResets++;
        }
        trackSequence(seq, reboot);
        long deviceTime = unwrapTime(rawTimeUs);
        if (type.isFrame()) {
            onFrame(type, seq, rawTimeUs, hostNanos, buf, off, len, tp, deviceTime);
            return;
        }
        // the rarer packets are decoded from a packet of their own
        TimedPacket whole = tp != null ? tp : copy(type, seq, rawTimeUs, hostNanos, buf, off, len);
        byte[] payload = whole.packet().payload();
        switch (type) {
            case HELLO -> onHello(whole);
            case MARKER -> {
                Payloads.Marker m = Payloads.decodeMarker(payload);
                if (m == null) {
                    bad(whole, "empty MARKER payload");
                } else {
                    listener.onMarker(deviceTime, hostNanos, capped(m));
                }
            }
            case POSE -> {
                Payloads.Pose pose = Payloads.decodePose(payload);
                if (pose == null) {
                    bad(whole, "POSE payload must be 8 bytes, got " + payload.length);
                } else {
                    listener.onPose(deviceTime, pose);
                }
            }
            case LOG -> listener.onDeviceMessage(deviceTime, -1, Payloads.decodeText(payload));
            case ERROR -> {
                Payloads.DeviceError e = Payloads.decodeError(payload);
                if (e == null) {
                    bad(whole, "ERROR payload shorter than 2 bytes");
                } else {
                    listener.onDeviceMessage(deviceTime, e.code(), e.text());
                }
            }
            default -> {
            }
        }
    }

    private static TimedPacket copy(PacketType type, int seq, long rawTimeUs, long hostNanos, byte[] buf, int off,
                                    int len) {
        return new TimedPacket(new Packet(type, seq, rawTimeUs, java.util.Arrays.copyOfRange(buf, off, off + len)),
                hostNanos);
    }

    private void onHello(TimedPacket tp) {
        try {
            DeviceDescriptor d = DeviceDescriptor.parse(tp.packet().payload());
            descriptor = d;
            listener.onDescriptor(d);
        } catch (DeviceDescriptor.DescriptorException e) {
            bad(tp, e.getMessage());
        }
    }

    private void onFrame(PacketType type, int seq, long rawTimeUs, long hostNanos, byte[] buf, int off, int len,
                         TimedPacket tp, long deviceTime) {
        if (descriptor == null) {
            framesWithoutHello++;
            return;
        }
        int cells = descriptor.cellCount();
        int[] counts = headersOnly ? null
                : oneBuffer && buffer != null && buffer.length == cells ? buffer : new int[cells];
        if (oneBuffer) {
            buffer = counts;
        }
        if (counts == null ? !Payloads.frameFits(type, buf, off, len, cells)
                : !Payloads.decodeFrame(type, buf, off, len, counts)) {
            bad(tp != null ? tp : copy(type, seq, rawTimeUs, hostNanos, buf, off, len),
                    type + " payload of " + len + " bytes does not fit " + descriptor.rows() + "x"
                            + descriptor.cols());
            return;
        }
        frames++;
        listener.onFrame(new RawFrame(seqUnwrapped, deviceTime, hostNanos, counts));
    }

    /**
     * A marker's text as kept downstream (events, the analysis, the timeline): at most {@link #MARKER_TEXT_MAX}
     * characters each and {@link #MARKER_TEXT_TOTAL} per stream, so a device (or a crafted file) sending
     * thousands of 64 kB markers cannot exhaust memory. The press itself (time, code) is always kept.
     */
    private Payloads.Marker capped(Payloads.Marker m) {
        String t = m.text();
        long allowed = Math.min(MARKER_TEXT_MAX, MARKER_TEXT_TOTAL - markerTextKept);
        if (t.length() <= allowed) {
            markerTextKept += t.length();
            return m;
        }
        int keep = (int) Math.max(0, allowed);
        if (keep > 0 && Character.isHighSurrogate(t.charAt(keep - 1))) {
            keep--;
        }
        markerTextsCut++;
        markerCharsCut += t.length() - keep;
        markerTextKept += keep;
        return new Payloads.Marker(m.code(), t.substring(0, keep));
    }

    private void trackSequence(int seq, boolean reboot) {
        if (lastSeqRaw < 0) {
            seqUnwrapped = seq;
        } else if (reboot) {
            seqUnwrapped++;
        } else {
            long delta = Math.floorMod(seq - lastSeqRaw, SEQ_MOD);
            if (delta == 0) {
                // A repeated sequence number is a duplicate or a device reset: keep counting, no gap.
                delta = 1;
            } else if (delta > SEQ_MOD / 2) {
                // Far backwards: the device rebooted. Not a gap.
                delta = 1;
            } else {
                dropped += delta - 1;
            }
            seqUnwrapped += delta;
        }
        lastSeqRaw = seq;
    }

    private long unwrapTime(long raw) {
        if (lastTimeRaw < 0) {
            timeUnwrapped = raw;
        } else {
            long delta = Math.floorMod(raw - lastTimeRaw, TIME_MOD);
            // A backwards step (reboot) would read as ~71 minutes forward; hold time instead.
            timeUnwrapped += delta < TIME_MOD / 2 ? delta : 0;
        }
        lastTimeRaw = raw;
        return timeUnwrapped;
    }

    private void bad(TimedPacket tp, String why) {
        badPayload++;
        listener.onBadPayload(Corruption.BAD_PAYLOAD, tp, why);
    }

    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    public long frames() {
        return frames;
    }

    /** Packets missing according to sequence gaps. */
    public long dropped() {
        return dropped;
    }

    public long badPayload() {
        return badPayload;
    }

    public long framesWithoutHello() {
        return framesWithoutHello;
    }

    /** HELLOs that showed the device restarted (clock stepped backwards). */
    public long deviceResets() {
        return deviceResets;
    }

    /** Markers whose text was cut (longer than {@link #MARKER_TEXT_MAX}, or over the stream's total). */
    public long markerTextsCut() {
        return markerTextsCut;
    }

    /** Characters of marker text not kept. */
    public long markerCharsCut() {
        return markerCharsCut;
    }

    /**
     * Everything the assembler carries from packet to packet (descriptor, sequence and clock unwrapping, counters):
     * a replay checkpoint restores it so the frames after a seek are numbered and timed exactly as in a straight
     * run. Immutable.
     */
    public record State(DeviceDescriptor descriptor, long lastSeqRaw, long seqUnwrapped, long lastTimeRaw,
                        long timeUnwrapped, long frames, long dropped, long badPayload, long framesWithoutHello,
                        long deviceResets, long markerTextKept, long markerTextsCut,
                        long markerCharsCut) {

        /** This state continuing at {@code p} (unwrapped time {@code unwrappedUs}) as if nothing was skipped. */
        public State resumingAt(Packet p, long unwrappedUs) {
            return new State(descriptor, Math.floorMod(p.seq() - 1, SEQ_MOD), seqUnwrapped, p.deviceTimeUs(),
                    unwrappedUs, frames, dropped, badPayload, framesWithoutHello, deviceResets,
                    markerTextKept, markerTextsCut, markerCharsCut);
        }
    }

    public State checkpoint() {
        return new State(descriptor, lastSeqRaw, seqUnwrapped, lastTimeRaw, timeUnwrapped, frames, dropped,
                badPayload, framesWithoutHello, deviceResets, markerTextKept, markerTextsCut, markerCharsCut);
    }

    public void restore(State s) {
        descriptor = s.descriptor();
        lastSeqRaw = s.lastSeqRaw();
        seqUnwrapped = s.seqUnwrapped();
        lastTimeRaw = s.lastTimeRaw();
        timeUnwrapped = s.timeUnwrapped();
        frames = s.frames();
        dropped = s.dropped();
        badPayload = s.badPayload();
        framesWithoutHello = s.framesWithoutHello();
        deviceResets = s.deviceResets();
        markerTextKept = s.markerTextKept();
        markerTextsCut = s.markerTextsCut();
        markerCharsCut = s.markerCharsCut();
    }
}
