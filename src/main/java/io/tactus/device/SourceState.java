package io.tactus.device;

/** Connection state of a packet source, as shown in the status bar and by `tactus monitor`. */
public enum SourceState {
    CONNECTING,
    CONNECTED,
    /** The device vanished (unplug, EIO); the source retries with back-off. */
    RECONNECTING,
    /** Stopped on request, or a replay reached its end. */
    STOPPED,
    /** Cannot continue (the path is not a serial port, permission denied...); message says why. */
    FAILED
}
