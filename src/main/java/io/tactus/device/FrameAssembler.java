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
    private int peakCount;
    private long deviceResets;

    public FrameAssembler(FrameListener listener) {
        this.listener = listener;
    }

    /** Starts with a known descriptor (e.g. ASCII mode, or a recording's metadata). */
    public FrameAssembler(FrameListener listener, DeviceDescriptor descriptor) {
        this(listener);
        this.descriptor = descriptor;
    }

    public void accept(TimedPacket tp) {
        Packet p = tp.packet();
        if (!p.type().fromDevice()) {
            return;
        }
        // A device sends HELLO at boot with its clock restarted: a HELLO whose time steps backwards marks a
        // reboot, after which the sequence restarts too and must not be read as a huge gap.
        boolean reboot = p.type() == PacketType.HELLO && lastTimeRaw >= 0
                && Math.floorMod(p.deviceTimeUs() - lastTimeRaw, TIME_MOD) > TIME_MOD / 2;
        if (reboot) {
            deviceResets++;
        }
        trackSequence(p.seq(), reboot);
        long deviceTime = unwrapTime(p.deviceTimeUs());
        switch (p.type()) {
            case HELLO -> onHello(tp);
            case FRAME_DENSE, FRAME_SPARSE -> onFrame(tp, deviceTime);
            case MARKER -> {
                Payloads.Marker m = Payloads.decodeMarker(p.payload());
                if (m == null) {
                    bad(tp, "empty MARKER payload");
                } else {
                    listener.onMarker(deviceTime, tp.hostNanos(), m);
                }
            }
            case POSE -> {
                Payloads.Pose pose = Payloads.decodePose(p.payload());
                if (pose == null) {
                    bad(tp, "POSE payload must be 8 bytes, got " + p.payload().length);
                } else {
                    listener.onPose(deviceTime, pose);
                }
            }
            case LOG -> listener.onDeviceMessage(deviceTime, -1, Payloads.decodeText(p.payload()));
            case ERROR -> {
                Payloads.DeviceError e = Payloads.decodeError(p.payload());
                if (e == null) {
                    bad(tp, "ERROR payload shorter than 2 bytes");
                } else {
                    listener.onDeviceMessage(deviceTime, e.code(), e.text());
                }
            }
            default -> {
            }
        }
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

    private void onFrame(TimedPacket tp, long deviceTime) {
        if (descriptor == null) {
            framesWithoutHello++;
            return;
        }
        int[] counts = new int[descriptor.cellCount()];
        if (!Payloads.decodeFrame(tp.packet().type(), tp.packet().payload(), counts)) {
            bad(tp, tp.packet().type() + " payload of " + tp.packet().payload().length
                    + " bytes does not fit " + descriptor.rows() + "x" + descriptor.cols());
            return;
        }
        for (int c : counts) {
            if (c > peakCount) {
                peakCount = c;
            }
        }
        frames++;
        listener.onFrame(new RawFrame(seqUnwrapped, deviceTime, tp.hostNanos(), counts));
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

    public int peakCount() {
        return peakCount;
    }

    /**
     * Everything the assembler carries from packet to packet (descriptor, sequence and clock unwrapping, counters):
     * a replay checkpoint restores it so the frames after a seek are numbered and timed exactly as in a straight
     * run. Immutable.
     */
    public record State(DeviceDescriptor descriptor, long lastSeqRaw, long seqUnwrapped, long lastTimeRaw,
                        long timeUnwrapped, long frames, long dropped, long badPayload, long framesWithoutHello,
                        int peakCount, long deviceResets) {

        /** This state continuing at {@code p} (unwrapped time {@code unwrappedUs}) as if nothing was skipped. */
        public State resumingAt(Packet p, long unwrappedUs) {
            return new State(descriptor, Math.floorMod(p.seq() - 1, SEQ_MOD), seqUnwrapped, p.deviceTimeUs(),
                    unwrappedUs, frames, dropped, badPayload, framesWithoutHello, peakCount, deviceResets);
        }
    }

    public State checkpoint() {
        return new State(descriptor, lastSeqRaw, seqUnwrapped, lastTimeRaw, timeUnwrapped, frames, dropped,
                badPayload, framesWithoutHello, peakCount, deviceResets);
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
        peakCount = s.peakCount();
        deviceResets = s.deviceResets();
    }
}
