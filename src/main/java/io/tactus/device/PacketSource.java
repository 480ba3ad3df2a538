package io.tactus.device;

import io.tactus.protocol.Packet;

/**
 * Every source of frames: a serial device, the simulator, a recording played back. A source owns one thread
 * that reads and decodes and calls the sink; it never waits for the consumer. Start once, close once.
 */
public interface PacketSource extends AutoCloseable {

    /** Human-readable name for the status bar, e.g. "/dev/ttyACM0 (TactusMat 32x32 #A1B2)". */
    String name();

    /** Starts delivering to {@code sink} on the source's own thread; returns at once. */
    void start(PacketSink sink);

    /** Sends a host-to-device command (REQUEST_HELLO, START, STOP, SET_RATE). Ignored by passive sources. */
    default void send(Packet command) {
    }

    /** Counters polled by the UI / monitor about once a second. */
    LinkStats stats();

    /** Stops the thread and releases the port or file; idempotent. */
    @Override
    void close();
}
