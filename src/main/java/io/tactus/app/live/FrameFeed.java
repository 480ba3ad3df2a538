package io.tactus.app.live;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import java.util.function.Consumer;

/**
 * What the live view pulls from, once per pulse: the latest processed frame, a version counter that changes
 * with every frame, counters, and the events since the last drain. Producers publish and return; they never
 * call into the UI.
 */
public interface FrameFeed extends AutoCloseable {

    String name();

    /** Latest processed frame, or null before the first one. */
    FrameSnapshot latest();

    /** Changes whenever {@link #latest()} does. */
    long version();

    /** Descriptor of the connected device, or null before its HELLO. */
    DeviceDescriptor descriptor();

    FeedStats stats();

    /** Hands every event since the last call to {@code sink}, in order, on the caller's thread. */
    void drainEvents(Consumer<FeedEvent> sink);

    @Override
    void close();
}
