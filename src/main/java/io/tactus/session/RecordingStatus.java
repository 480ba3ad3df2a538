package io.tactus.session;

import java.nio.file.Path;

/**
 * State of the recorder, polled for the status bar.
 *
 * @param file          the file being (or last) written, null when never recorded
 * @param active        true while packets are being written
 * @param bytes         bytes written to the file so far
 * @param packets       packets written
 * @param seconds       recorded duration by host receive time
 * @param lostPackets   packets that could not be recorded (recorder queue overflow); written as LOSS records
 * @param error         why the recording stopped or lost data (one line), or null
 */
public record RecordingStatus(Path file, boolean active, long bytes, long packets, double seconds, long lostPackets,
                              String error) {

    public static final RecordingStatus NONE = new RecordingStatus(null, false, 0, 0, 0, 0, null);
}
