package io.tactus.app.replay;

import io.tactus.app.fx.LatestWinsLoader;
import io.tactus.app.fx.Threads;
import io.tactus.session.ReplayEngine;
import io.tactus.session.ReplayFrame;
import io.tactus.signal.FrameSnapshot;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * A second recording shown beside the first, synced by time from each one's start: its own replay engine
 * (scanned in the background, so seeking it backwards stays fast) and its exact frame at the main playhead.
 */
final class ReplayCompare {

    private final Threads threads;
    private final ReplayOpener opener;
    private final Consumer<String> status;
    private final ReadOnlyObjectWrapper<ReplayEngine> engine = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FrameSnapshot> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ReplayFrame> drawn = new ReadOnlyObjectWrapper<>();
    private final LatestWinsLoader<Long, ReplayFrame> loader;

    ReplayCompare(Threads threads, ReplayOpener opener, Consumer<String> status) {
        this.threads = threads;
        this.opener = opener;
        this.status = status;
        this.loader = new LatestWinsLoader<>(threads, t -> {
            ReplayEngine d = engine.get();
            return d == null ? null : d.frameAt(t);
        }, f -> {
            drawn.set(f);
            frame.set(f == null ? null : f.snapshot());
        }, why -> status.accept("Could not read the compared frame: " + why));
    }

    /** Opens it in the background; {@code then} runs on the FX thread once it is shown. */
    void open(Path file, Runnable then) {
        threads.background().execute(() -> {
            try {
                ReplayEngine d = opener.open(file);
                threads.fx().execute(() -> {
                    ReplayEngine old = engine.get();
                    engine.set(d);
                    then.run();
                    if (old != null) {
                        threads.background().execute(old::close);
                    }
                    threads.background().execute(() -> {
                        try {
                            d.scan(null);
                        } catch (Exception e) {
                            threads.fx().execute(() -> status.accept("Could not scan " + file.getFileName() + ": "
                                    + why(e)));
                        }
                    });
                });
            } catch (Exception e) {
                threads.fx().execute(() -> status.accept("Could not open " + file.getFileName() + ": " + why(e)));
            }
        });
    }

    void close() {
        ReplayEngine old = engine.get();
        engine.set(null);
        frame.set(null);
        drawn.set(null);
        if (old != null) {
            threads.background().execute(old::close);
        }
    }

    /** Loads its frame at the same time from its start as {@code mainUs} is from the main recording's. */
    void follow(long mainUs, long mainStartUs) {
        ReplayEngine c = engine.get();
        if (c != null) {
            long cp = c.startUs() + (mainUs - mainStartUs);
            loader.request(Math.max(c.startUs(), Math.min(c.endUs(), cp)));
        }
    }

    ReadOnlyObjectProperty<ReplayEngine> engineProperty() {
        return engine.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<FrameSnapshot> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<ReplayFrame> drawnProperty() {
        return drawn.getReadOnlyProperty();
    }

    static String why(Exception e) {
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}
