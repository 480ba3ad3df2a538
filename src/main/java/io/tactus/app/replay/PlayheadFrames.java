package io.tactus.app.replay;

import io.tactus.app.fx.LatestWinsLoader;
import io.tactus.app.fx.Threads;
import io.tactus.session.ReplayEngine;
import io.tactus.session.ReplayFrame;
import io.tactus.signal.FrameSnapshot;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The frame at the playhead, loaded from the replay engine off the FX thread, latest request wins: exact
 * ({@link ReplayEngine#at}) or, while the user drags, a preview ({@link ReplayEngine#preview}). "Settled" says
 * the frame shown is the exact one for the playhead's current position. The routine panel follows the frame shown.
 */
final class PlayheadFrames {

    private record Request(ReplayEngine engine, long timeUs, boolean exact) {
    }

    private record Loaded(ReplayFrame frame, boolean exact, long timeUs) {
    }

    private final ReadOnlyObjectWrapper<FrameSnapshot> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReplayFrame> drawn = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper loaded = new ReadOnlyLongWrapper();
    private final ReadOnlyBooleanWrapper settled = new ReadOnlyBooleanWrapper(false);
    private final LatestWinsLoader<Request, Loaded> loader;
    private final ReplayCoach coach = new ReplayCoach();

    /** @param position the playhead now (read on the FX thread when a frame arrives) */
    PlayheadFrames(Threads threads, LongSupplier position, Consumer<String> status) {
        loader = new LatestWinsLoader<>(threads, r -> new Loaded(r.exact() ? r.engine().frameAt(r.timeUs())
                : r.engine().previewAt(r.timeUs()), r.exact(), r.timeUs()), l -> {
                    if (l.frame() != null) {
                        drawn.set(l.frame());
                        coach.show(l.frame());
                        frame.set(l.frame().snapshot());
                        loaded.set(loaded.get() + 1);
                        settled.set(l.exact() && l.timeUs() == position.getAsLong());
                    }
                }, why -> status.accept("Could not read the frame: " + why));
    }

    void request(ReplayEngine engine, long timeUs, boolean exact) {
        settled.set(false);
        loader.request(new Request(engine, timeUs, exact));
    }

    void clear() {
        frame.set(null);
        drawn.set(null);
        coach.show(null);
        settled.set(false);
    }

    /** The routine panel at the frame shown. */
    ReplayCoach coach() {
        return coach;
    }

    ReadOnlyObjectProperty<FrameSnapshot> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The frame with the back drawing and trails at its position. */
    ReadOnlyObjectProperty<ReplayFrame> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    ReadOnlyLongProperty loadedProperty() {
        return loaded.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty settledProperty() {
        return settled.getReadOnlyProperty();
    }
}
