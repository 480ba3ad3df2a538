package io.tactus.session;

import io.tactus.device.SourceStatus;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Payloads;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.technique.MovementFeedback;

/**
 * Discrete events of a {@link LiveSession}. Every method is called on the session's PROCESSING thread: keep it
 * short and never block (a UI hands off with its own mechanism, e.g. {@code Platform.runLater} per event, which
 * is fine because these are rare; frames are not delivered here, pull {@link LiveSession#latest()} instead).
 */
public interface LiveListener {

    /** A device descriptor arrived (first HELLO, or a HELLO with a different layout: a new pipeline was made). */
    default void onDescriptor(DeviceDescriptor descriptor) {
    }

    /** A flag was confirmed. */
    default void onFlagStart(FlagEvent event) {
    }

    /** A flag ended; the event is complete. */
    default void onFlagEnd(FlagEvent event) {
    }

    /**
     * A movement (stroke, circle, hold) ended, judged against the current routine step (counted, completed the
     * step, missed it, or no step). One call per movement, so a UI can cue each one; the panel's whole picture is
     * {@link LiveSession#coaching()}.
     */
    default void onMovement(MovementFeedback feedback) {
    }

    /** The receiver's marker button ("too much" / "more" / generic). */
    default void onMarker(long deviceTimeUs, Payloads.Marker marker) {
    }

    /** The source's connection state changed (connecting, connected, reconnecting, stopped, failed). */
    default void onStatus(SourceStatus status) {
    }

    /** LOG (code -1) or ERROR message from the firmware. */
    default void onDeviceMessage(long deviceTimeUs, int code, String text) {
    }

    /** A recording ended: stopped on request, or on an error ({@link RecordingStatus#error()} says why). */
    default void onRecordingStopped(RecordingStatus status) {
    }
}
