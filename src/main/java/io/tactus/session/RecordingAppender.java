package io.tactus.session;

import io.tactus.protocol.Json;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Adds instructor annotations and after-the-fact flag events to a closed (or crashed) recording. Earlier records
 * are never rewritten: the old trailer (28 bytes) is cut off, the new records are appended, then a new index
 * (old entries + new side records) and a new trailer. A crashed file is repaired on the way: its incomplete last
 * record is cut and it gets an index. If this process dies mid-append, the file is still readable (a scan finds
 * every complete record). Do not append while the recording is still being written.
 */
public final class RecordingAppender {

    private RecordingAppender() {
    }

    /** Appends annotations (new, edited, or deletions via {@link Annotation#asDeleted()}) and events. */
    public static void append(Path file, List<Annotation> annotations, List<RecordedEvent> events)
            throws RecordingException {
        RecordingIndex index;
        long dataEnd;
        try (RecordingReader r = RecordingReader.open(file)) {
            index = r.index();
            dataEnd = r.dataEnd();
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            long sizeBefore = ch.size();
            // Keep an existing INDEX record (harmless, readers only follow the trailer); cut only the trailer or
            // the incomplete tail of a crashed file.
            long at = sizeBefore;
            if (at - RecordingFormat.TRAILER_BYTES >= dataEnd
                    && RecordScanner.readAt(ch, at - RecordingFormat.TRAILER_BYTES, at) != null) {
                at -= RecordingFormat.TRAILER_BYTES;
            } else if (at > dataEnd) {
                at = dataEnd;
            }
            ch.truncate(at);
            LongList side = new LongList();
            for (long o : index.sideOffsets()) {
                side.add(o);
            }
            for (Annotation a : annotations) {
                at += write(ch, at, RecordType.ANNOTATION, Json.bytes(a), side);
            }
            for (RecordedEvent e : events) {
                at += write(ch, at, RecordType.EVENT, Json.bytes(e), side);
            }
            RecordingIndex updated = new RecordingIndex(entries(index, 0), entries(index, 1), entries(index, 2),
                    side.toArray(), index.summary());
            long indexOffset = at;
            at += write(ch, at, RecordType.INDEX, updated.encode(), null);
            ByteBuffer t = ByteBuffer.allocate(RecordingFormat.TRAILER_BODY).order(ByteOrder.LITTLE_ENDIAN);
            t.putLong(indexOffset).put(RecordingFormat.TRAILER_MAGIC).flip();
            write(ch, at, RecordType.TRAILER, t, null);
            ch.force(true);
        } catch (IOException e) {
            throw new RecordingException("cannot append to " + file + ": " + RecordingWriter.oneLine(e));
        }
    }

    private static long[] entries(RecordingIndex index, int which) {
        long[] out = new long[index.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = which == 0 ? index.timeAt(i) : which == 1 ? index.ordinalAt(i) : index.offsetAt(i);
        }
        return out;
    }

    private static int write(FileChannel ch, long at, RecordType type, byte[] json, LongList side)
            throws IOException {
        if (json.length > RecordingFormat.MAX_JSON_BODY) {
            throw new IOException(type + " record too large (" + json.length + " bytes)");
        }
        return write(ch, at, type, ByteBuffer.wrap(json), side);
    }

    private static int write(FileChannel ch, long at, RecordType type, ByteBuffer body, LongList side)
            throws IOException {
        ByteBuffer rec = ByteBuffer.allocate(RecordingFormat.RECORD_OVERHEAD + body.remaining())
                .order(ByteOrder.LITTLE_ENDIAN);
        RecordingFormat.putRecord(rec, type, 0, body);
        rec.flip();
        int n = rec.remaining();
        long p = at;
        while (rec.hasRemaining()) {
            p += ch.write(rec, p);
        }
        if (side != null) {
            side.add(at);
        }
        return n;
    }
}
