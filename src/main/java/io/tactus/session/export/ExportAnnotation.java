package io.tactus.session.export;

/**
 * An instructor's note pinned to a moment of the session.
 *
 * @param deviceTimeUs device time (unwrapped microseconds, same clock as frames)
 * @param text         free text; anonymised exports drop it unless asked to keep it
 */
public record ExportAnnotation(long deviceTimeUs, String text) {
}
