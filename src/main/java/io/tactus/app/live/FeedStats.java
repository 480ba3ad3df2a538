package io.tactus.app.live;

import io.tactus.device.SourceState;

/**
 * Counters of a live feed, polled by the status bar. Plain numbers, never one event per frame.
 *
 * @param state           connection state
 * @param message         one-line status message from the source
 * @param frames          frames processed
 * @param dropped         packets missing by sequence gaps (lost on the wire)
 * @param corrupt         rejected input chunks (CRC, COBS, layout)
 * @param queueDropped    packets the app had to drop because processing fell behind
 * @param reconnects      times the device came back
 * @param calibration     calibration in use, for the status bar
 * @param recordingNanos  time recorded so far, or -1 when not recording
 * @param recordingBytes  recording file size so far
 */
public record FeedStats(SourceState state, String message, long frames, long dropped, long corrupt,
                        long queueDropped, long reconnects, String calibration, long recordingNanos,
                        long recordingBytes) {

    public static final FeedStats NONE = new FeedStats(SourceState.STOPPED, "not connected", 0, 0, 0, 0, 0,
            "-", -1, 0);

    public boolean recording() {
        return recordingNanos >= 0;
    }
}
