package io.tactus.device.serial;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;

/** Packets of a small synthetic grid device, each frame's content derived from its sequence number. */
final class TestDevice {

    static final int ROWS = 8;
    static final int COLS = 8;
    static final DeviceDescriptor DESCRIPTOR = new DeviceDescriptor(1, "TestGrid", "T-1", "1.0", "grid", ROWS, COLS,
            new double[] {10, 10}, 12, 100, null, null);

    private TestDevice() {
    }

    static Packet hello(int seq) {
        return new Packet(PacketType.HELLO, seq & 0xFFFF, seq * 10_000L, DESCRIPTOR.toJson());
    }

    static int[] counts(int seq) {
        int[] c = new int[ROWS * COLS];
        for (int i = 0; i < c.length; i++) {
            c[i] = (seq * 31 + i * 7) & 0xFFF;
        }
        return c;
    }

    static Packet frame(int seq) {
        return new Packet(PacketType.FRAME_DENSE, seq & 0xFFFF, seq * 10_000L, Payloads.dense(counts(seq)));
    }

    static byte[] wire(Packet p) {
        return PacketEncoder.encode(p);
    }
}
