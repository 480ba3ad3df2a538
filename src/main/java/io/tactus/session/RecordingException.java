package io.tactus.session;

/** A recording that cannot be opened or written, with a one-line user-readable reason. */
public final class RecordingException extends Exception {

    public RecordingException(String message) {
        super(message);
    }

    public RecordingException(String message, Throwable cause) {
        super(message, cause);
    }
}
