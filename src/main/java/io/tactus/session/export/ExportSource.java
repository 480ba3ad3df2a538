package io.tactus.session.export;

import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.flags.FlagEvent;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * A session as exporters see it: metadata, a streaming pass over processed frames, flag events and instructor
 * annotations. Exporters never hold a whole session: they call {@link #forEachFrame} (once or twice, see the
 * exporter) and keep only what they write.
 *
 * <p>Implementations: a recording file (via the session reader), a raw wire capture (re-run through the signal
 * core), or synthetic frames in tests and benchmarks.
 */
public interface ExportSource {

    ExportMetadata metadata();

    /**
     * One full pass over the session's frames in time order, on the calling thread. May be called more than
     * once; every pass must deliver the same frames. A snapshot is the consumer's only during the call: a source
     * may reuse its {@code kpa} array for the next frame (recordings and captures do, so a pass does not copy
     * every frame), so a consumer that keeps frames copies them. The consumer may throw an unchecked exception
     * (cancellation, a wrapped write error) to stop the pass; implementations let it propagate after releasing
     * their resources.
     *
     * @throws IOException when the source cannot be read (the message is shown to the user as is)
     */
    void forEachFrame(Consumer<FrameSnapshot> consumer) throws IOException;

    /**
     * Flag events of the session, in start order, with device times. Complete after a full
     * {@link #forEachFrame} pass (the core finds them while processing); complete at any time if
     * {@link #eventsKnownBeforePass()}.
     */
    List<FlagEvent> events();

    /** Instructor annotations in time order (device time). */
    List<ExportAnnotation> annotations();

    /** The exact number of frames a pass delivers, when known without a pass (e.g. from a recording's index). */
    default OptionalLong knownFrameCount() {
        return OptionalLong.empty();
    }

    /**
     * A frame count good enough for a progress bar when the exact one is unknown (e.g. a recording's index,
     * which also counts frames the core may drop). Never used to size a file.
     */
    default OptionalLong estimatedFrameCount() {
        return knownFrameCount();
    }

    /**
     * A recording's integrity as the last full pass found it (damaged regions, lost spans), for the sidecar's
     * {@code integrity} block; null for sources that are not recordings.
     */
    default io.tactus.session.IntegrityReport integrity() {
        return null;
    }

    /** One-line warnings the last pass found (damage, a rejected metadata descriptor...); shown by the caller. */
    default List<String> warnings() {
        return List.of();
    }

    /** True when {@link #events()} is complete before any pass (e.g. a synthetic source or stored flags). */
    default boolean eventsKnownBeforePass() {
        return false;
    }
}
