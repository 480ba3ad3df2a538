package io.tactus.app.live;

import io.tactus.session.SessionMetadata;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** Recording the live session through the feed's command port: start, stop, and whether it still runs. FX thread. */
public final class LiveRecorder {

    private final Supplier<FrameFeed> feed;
    private final LiveCommands commands;
    private final ReadOnlyBooleanWrapper recording = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Path> lastRecording = new ReadOnlyObjectWrapper<>();

    LiveRecorder(Supplier<FrameFeed> feed, LiveCommands commands) {
        this.feed = feed;
        this.commands = commands;
    }

    /** True when the connected feed can record (it has a live pipeline). */
    public boolean canRecord() {
        return feed.get() != null && feed.get().control().isPresent();
    }

    /** Starts recording into {@code file} off the FX thread; a bad path is reported in the message line. */
    public void start(Path file, SessionMetadata metadata) {
        recording.set(true);
        commands.startRecording(file, metadata, () -> recording.set(false));
    }

    /** Stops recording off the FX thread (the writer flushes and writes its index). */
    public void stop() {
        commands.stopRecording(st -> {
            recording.set(false);
            if (st != null && st.file() != null) {
                lastRecording.set(st.file());
            }
        });
    }

    /** The feed stopped recording by itself (a disk error, a disconnect). */
    void check(FrameFeed f) {
        if (recording.get() && !f.control().map(FeedControl::recording).orElse(false)) {
            recording.set(false);
        }
    }

    void disconnected() {
        recording.set(false);
    }

    public ReadOnlyBooleanProperty recordingProperty() {
        return recording.getReadOnlyProperty();
    }

    /** The file of the last finished recording (to open it in replay). */
    public ReadOnlyObjectProperty<Path> lastRecordingProperty() {
        return lastRecording.getReadOnlyProperty();
    }
}
