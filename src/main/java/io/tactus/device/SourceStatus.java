package io.tactus.device;

/** A state change with a one-line, user-readable message. */
public record SourceStatus(SourceState state, String message) {
}
