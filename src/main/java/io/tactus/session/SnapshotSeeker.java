package io.tactus.session;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import java.util.List;
import java.util.function.Function;

/**
 * "What did the core show at time t?" for a replay view, exact and without threads: keeps one core positioned in
 * the file; a later t continues from there (cheap for playback and stepping), an earlier t re-runs the core from
 * the start of the file (exact, because the core's state depends on everything before t; cost = analysing the
 * file up to t). Thread-safe (calls are serialised); run it off the UI thread.
 */
public final class SnapshotSeeker {

    private final RecordingReader reader;
    private final Function<DeviceDescriptor, SignalPipeline> factory;
    private CoreRunner core;
    private RecordingReader.Cursor cursor;
    private RecordedPacket next;
    private FrameSnapshot current;

    public SnapshotSeeker(RecordingReader reader, Function<DeviceDescriptor, SignalPipeline> factory) {
        this.reader = reader;
        this.factory = factory;
        rewind();
    }

    private void rewind() {
        core = new CoreRunner(factory, reader.commands(), null);
        cursor = reader.cursor();
        next = cursor.next();
        current = null;
    }

    /**
     * The snapshot of the last frame at or before {@code deviceTimeUs} (unwrapped device time), or null if there
     * is no frame that early.
     */
    public synchronized FrameSnapshot at(long deviceTimeUs) {
        if (current != null && deviceTimeUs < current.deviceTimeUs()) {
            rewind();
        }
        boolean moved = false;
        while (next != null && next.deviceTimeUs() <= deviceTimeUs) {
            core.feed(next.ordinal(), next.timed());
            moved |= core.frameDone();
            next = cursor.next();
        }
        if (moved) {
            current = core.snapshot();
        }
        return current;
    }

    /** Flag events the core has raised up to the current position (open ones included). */
    public synchronized List<FlagEvent> eventsSoFar() {
        return core.events();
    }
}
