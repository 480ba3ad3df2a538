package io.tactus.app.replay;

/**
 * An instructor's annotation at a point of the recording.
 *
 * @param id     stable id within the recording, null for a new note (the document assigns one)
 * @param timeUs device time of the playhead when it was written
 * @param text   the note
 */
public record Note(String id, long timeUs, String text) {
}
