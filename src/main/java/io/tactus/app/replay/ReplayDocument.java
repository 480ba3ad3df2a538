package io.tactus.app.replay;

import io.tactus.protocol.DeviceDescriptor;
import io.tactus.signal.FrameSnapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * An opened recording as the replay view needs it. Implementations wrap the session layer's reader; every
 * method may block (file I/O, re-running the signal core) and is called from background threads only.
 */
public interface ReplayDocument extends AutoCloseable {

    Path file();

    /** One line for the title: pseudonyms, date, device. */
    String title();

    DeviceDescriptor descriptor();

    long startUs();

    long endUs();

    /** Flags and markers in start order. */
    List<TimelineEvent> events();

    /** Per-region pressure over the whole recording. */
    RegionSeries series();

    /** The processed frame at (or just before) {@code timeUs}, as the signal core sees it at that moment. */
    FrameSnapshot frameAt(long timeUs) throws Exception;

    /** Timestamp of the frame after / before {@code timeUs} (for single-stepping). */
    long stepFrom(long timeUs, int frames) throws Exception;

    List<Note> notes();

    /** Adds or replaces (same id) a note and saves it into the recording; returns the stored note. */
    Note saveNote(Note note) throws Exception;

    void deleteNote(String id) throws Exception;

    /** Problems found when opening (cut-off end, CRC errors); empty when clean. */
    /** Where a damaged recording lost data (device time), drawn on the timeline; empty when whole. */
    default List<io.tactus.session.IntegrityReport.LostSpan> lostSpans() {
        return List.of();
    }

    default List<String> warnings() {
        return List.of();
    }

    @Override
    void close();
}
