package io.tactus.app.live;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.session.CoachingState;
import io.tactus.signal.FrameSnapshot;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the live view pulls from, once per pulse: the latest processed frame, a version counter that changes
 * with every frame, counters, the events since the last drain and the coaching picture. Producers publish and return; they never
 * call into the UI. A feed backed by a live pipeline also offers a {@link FeedControl} (commands, queries,
 * recording).
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

    /**
     * The latest coaching picture (routine progress, contacts, hold timer, balance), published by the processing
     * thread when it changes; null when this feed has none.
     */
    default CoachingState coaching() {
        return null;
    }

    /** Changes whenever {@link #coaching()} does. */
    default long coachingVersion() {
        return 0;
    }

    /** The pipeline's command port, or empty when this feed has no pipeline to command. */
    default Optional<FeedControl> control() {
        return Optional.empty();
    }

    @Override
    void close();
}
