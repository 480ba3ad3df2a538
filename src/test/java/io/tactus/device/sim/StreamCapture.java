package io.tactus.device.sim;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.Packet;
import io.tactus.protocol.Payloads;
import java.util.ArrayList;
import java.util.List;

/** Runs a whole stream through a FrameAssembler and keeps what came out (test helper). */
final class StreamCapture implements FrameListener {

    final List<Packet> packets = new ArrayList<>();
    final List<RawFrame> frames = new ArrayList<>();
    final List<long[]> markers = new ArrayList<>(); // {deviceTimeUs, code}
    final List<float[]> poses = new ArrayList<>();
    final List<Long> poseTimes = new ArrayList<>();
    final List<String> bad = new ArrayList<>();
    final FrameAssembler assembler = new FrameAssembler(this);

    static StreamCapture of(ScenarioStream s) {
        StreamCapture c = new StreamCapture();
        Packet p;
        while ((p = s.next()) != null) {
            c.packets.add(p);
            c.assembler.accept(new TimedPacket(p, 0));
        }
        return c;
    }

    @Override
    public void onFrame(RawFrame frame) {
        frames.add(frame);
    }

    @Override
    public void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
        markers.add(new long[] {deviceTimeUs, marker.code()});
    }

    @Override
    public void onPose(long deviceTimeUs, Payloads.Pose pose) {
        poses.add(new float[] {pose.xMm(), pose.yMm()});
        poseTimes.add(deviceTimeUs);
    }

    @Override
    public void onBadPayload(Corruption kind, TimedPacket packet, String why) {
        bad.add(why);
    }

    /** The frame at (or first after) an unwrapped device time. */
    RawFrame frameAt(long deviceTimeUs) {
        for (RawFrame f : frames) {
            if (f.deviceTimeUs() >= deviceTimeUs) {
                return f;
            }
        }
        throw new AssertionError("no frame at " + deviceTimeUs);
    }
}
