package io.tactus.app.live;

import io.tactus.device.SourceState;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's words: device, connection state, frame rate, link counters, calibration, recording, sound.
 * Updated from the feed's counters (polled, never per frame); FX thread only.
 */
public final class LiveStatus {

    private static final long RATE_EVERY_NANOS = 500_000_000L;

    private final ReadOnlyStringWrapper deviceName = new ReadOnlyStringWrapper("No device");
    private final ReadOnlyObjectWrapper<SourceState> state = new ReadOnlyObjectWrapper<>(SourceState.STOPPED);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("Not connected");
    private final ReadOnlyStringWrapper rateText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper linkText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper calibrationText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper recordingText = new ReadOnlyStringWrapper("Not recording");
    private final ReadOnlyStringWrapper soundText = new ReadOnlyStringWrapper("");
    private long rateAt;
    private long rateFrames;
    private String message = "";

    void connecting(String name) {
        deviceName.set(name);
        state.set(SourceState.CONNECTING);
        statusText.set("Connecting to " + name + "...");
    }

    void failed(String why) {
        state.set(SourceState.FAILED);
        statusText.set("Could not connect: " + why);
    }

    void deviceName(String name) {
        deviceName.set(name);
    }

    /** Disconnected: nothing here describes a device any more (a stale name or calibration would claim one). */
    void stopped() {
        deviceName.set("No device");
        state.set(SourceState.STOPPED);
        statusText.set("Not connected");
        rateText.set(""); // empty: the status bar leaves them out rather than show "- - -"
        linkText.set("");
        calibrationText.set("");
        rateAt = 0;
        message = "";
    }

    /**
     * Frames stopped (the banner says "No data"): the rate is 0 now, not the last half second's figure, and it is
     * measured afresh when frames come back.
     */
    void framesStopped() {
        rateText.set("0 fps");
        rateAt = 0;
    }

    void sound(String text) {
        soundText.set(text);
    }

    /** New counters from the feed; the rate is averaged over at least half a second. */
    void update(FeedStats st, long now) {
        state.set(st.state());
        message = st.message() == null ? "" : st.message().trim();
        // A source whose message is its own name (the simulator) would say the device twice in the status bar.
        boolean news = !message.isEmpty() && !message.equals(deviceName.get());
        statusText.set(stateWords(st.state()) + (news ? " - " + message : ""));
        if (rateAt == 0 || now - rateAt >= RATE_EVERY_NANOS) {
            double seconds = (now - rateAt) / 1e9;
            if (rateAt != 0 && seconds > 0) {
                rateText.set(String.format(Locale.ROOT, "%.0f fps", (st.frames() - rateFrames) / seconds));
            }
            rateAt = now;
            rateFrames = st.frames();
        }
        linkText.set("dropped " + st.dropped() + " \u00b7 corrupt " + st.corrupt()
                + (st.queueDropped() > 0 ? " \u00b7 skipped " + st.queueDropped() : "")
                + (st.reconnects() > 0 ? " \u00b7 reconnects " + st.reconnects() : ""));
        calibrationText.set("Calibration: " + st.calibration());
        if (st.recording()) {
            long s = st.recordingNanos() / 1_000_000_000L;
            recordingText.set(String.format(Locale.ROOT, "\u25cf REC %d:%02d \u00b7 %.1f MB", s / 60, s % 60,
                    st.recordingBytes() / 1e6));
        } else {
            recordingText.set("Not recording");
        }
    }

    /** Why no frames are shown, in the banner's words. */
    String noDataReason(boolean neverHadFrame) {
        return switch (state.get()) {
            case CONNECTING -> "connecting to " + deviceName.get();
            case RECONNECTING -> "device lost, reconnecting";
            case STOPPED -> "the source stopped" + (message.isEmpty() ? "" : " (" + message + ")");
            case FAILED -> "the device failed" + (message.isEmpty() ? "" : " (" + message + ")");
            case CONNECTED -> neverHadFrame ? "waiting for the first frame" : "frames stopped (paused?)";
        };
    }

    private static String stateWords(SourceState s) {
        return switch (s) {
            case CONNECTING -> "Connecting...";
            case CONNECTED -> "Connected";
            case RECONNECTING -> "Device lost: reconnecting...";
            case STOPPED -> "Stopped";
            case FAILED -> "Failed";
        };
    }

    SourceState state() {
        return state.get();
    }

    public ReadOnlyStringProperty deviceNameProperty() {
        return deviceName.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SourceState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rateTextProperty() {
        return rateText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty linkTextProperty() {
        return linkText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty calibrationTextProperty() {
        return calibrationText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty recordingTextProperty() {
        return recordingText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty soundTextProperty() {
        return soundText.getReadOnlyProperty();
    }
}
