package io.tactus.app;

import io.tactus.app.replay.ReplayView;
import io.tactus.app.replay.ReplayViewModel;
import java.util.function.Supplier;
import javafx.scene.input.KeyCode;

/** The window's keyboard shortcuts as one {@link KeyMap} table (keys, help text, view, action). */
final class AppKeys {

    private AppKeys() {
    }

    /** The one table of keys; the shortcuts dialog and the menus read it too. */
    static KeyMap table(AppActions a, ReplayViewModel replay, Supplier<ReplayView> replayView) {
        long s = 1_000_000L;
        KeyMap.Scope all = KeyMap.Scope.EVERYWHERE;
        KeyMap.Scope liveScope = KeyMap.Scope.LIVE;
        KeyMap.Scope rep = KeyMap.Scope.REPLAY;
        return new KeyMap()
                .add("Ctrl+K", KeyMap.CONNECT, "Connect a device", all, a.pickDevice())
                .add("Ctrl+O", KeyMap.OPEN, "Open a recording", all, a.chooseRecording())
                .add("Ctrl+E", KeyMap.EXPORT, "Export the recording", all, a.export())
                .add("Ctrl+P", KeyMap.REPORT, "Session report of the recording (HTML, opens in the browser)", all,
                        a.report())
                .add("Ctrl+,", KeyMap.SETTINGS, "Settings: profile, bands, spine width, colours, sound", all,
                        a.editSettings())
                .add("F1", KeyMap.ABOUT, "About Tactus", all, a.about())
                .add("M", KeyMap.MUTE, "Mute / unmute the sound", all, a.toggleMute())
                .add("R", KeyMap.RECORD, "Record / stop", liveScope, a.toggleRecording())
                .add("T", KeyMap.TARE, "Tare (hands off the mat)", liveScope, a.tare())
                .add("Space", KeyMap.key(KeyCode.SPACE), "Play / pause", rep, replay::togglePlay)
                .add("Left", KeyMap.key(KeyCode.LEFT), "Back 1 s", rep, () -> replay.seekBy(-s))
                .add("Right", KeyMap.key(KeyCode.RIGHT), "Forward 1 s", rep, () -> replay.seekBy(s))
                .add("Shift+Left", KeyMap.shift(KeyCode.LEFT), "Back 10 s", rep, () -> replay.seekBy(-10 * s))
                .add("Shift+Right", KeyMap.shift(KeyCode.RIGHT), "Forward 10 s", rep, () -> replay.seekBy(10 * s))
                .add(",", KeyMap.key(KeyCode.COMMA), "One frame back", rep, () -> replay.step(-1))
                .add(".", KeyMap.key(KeyCode.PERIOD), "One frame forward", rep, () -> replay.step(1))
                .add("N", KeyMap.key(KeyCode.N), "Next flag", rep, replay::nextFlag)
                .add("P", KeyMap.key(KeyCode.P), "Previous flag", rep, replay::previousFlag)
                .add("Shift+N", KeyMap.shift(KeyCode.N), "Previous flag", rep, replay::previousFlag)
                .add("[", KeyMap.key(KeyCode.OPEN_BRACKET), "Loop start at the playhead", rep, replay::setLoopIn)
                .add("]", KeyMap.key(KeyCode.CLOSE_BRACKET), "Loop end at the playhead", rep, replay::setLoopOut)
                .add("\\", KeyMap.key(KeyCode.BACK_SLASH), "Clear the loop", rep, replay::clearLoop)
                .add("A", KeyMap.key(KeyCode.A), "Add a note at the playhead", rep, () -> replayView.get().addNote())
                .add("Up", KeyMap.key(KeyCode.UP), "Faster", rep, replay::faster)
                .add("Down", KeyMap.key(KeyCode.DOWN), "Slower", rep, replay::slower);
    }
}
