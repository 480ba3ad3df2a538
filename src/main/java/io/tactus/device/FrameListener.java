package io.tactus.device;

import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;

/** Typed events out of {@link FrameAssembler}, delivered on the thread that feeds the assembler. */
public interface FrameListener {

    /** A (new or repeated) HELLO. Frames before the first HELLO are counted as {@code framesWithoutHello}. */
    default void onDescriptor(DeviceDescriptor descriptor) {
    }

    default void onFrame(RawFrame frame) {
    }

    default void onMarker(long deviceTimeUs, long hostNanos, Payloads.Marker marker) {
    }

    default void onPose(long deviceTimeUs, Payloads.Pose pose) {
    }

    /** LOG (code -1) and ERROR packets from the firmware. */
    default void onDeviceMessage(long deviceTimeUs, int code, String text) {
    }

    /** A packet whose payload did not fit its type or the announced layout. */
    default void onBadPayload(Corruption kind, TimedPacket packet, String why) {
    }
}
