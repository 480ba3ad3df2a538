package io.tactus.session;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Reads records sequentially from a recording, checking each one's CRC. Damage in the middle of the file is
 * skipped by resynchronising at the next plausible record whose CRC matches; an incomplete record at the end is
 * reported as cut. Memory: a 1 MB buffer (plus one larger buffer only for a record above 1 MB, capped by
 * {@link #maxBody}). Never allocates from an unchecked length. Not thread-safe.
 */
final class RecordScanner {

    private static final int BUFFER = 1 << 20;
    private static final int MAX_PROBLEMS = 100;

    /** A record just read; {@code body} is valid until the next call to {@link #next()}. */
    record Rec(RecordType type, int typeCode, int flags, long offset, ByteBuffer body) {
        int totalBytes() {
            return RecordingFormat.RECORD_OVERHEAD + body.remaining();
        }
    }

    private final FileChannel ch;
    private final long end;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER).order(ByteOrder.LITTLE_ENDIAN);
    private final CRC32 crc = new CRC32();
    private final List<String> problems = new ArrayList<>();
    private long bufStart;
    private long pos;
    private long damagedRegions;
    private long skippedBytes;
    private long cutBytes;

    RecordScanner(FileChannel ch, long start, long end) {
        this.ch = ch;
        this.end = end;
        this.pos = start;
        this.bufStart = start;
        buf.limit(0);
    }

    long position() {
        return pos;
    }

    /** @return the next valid record, or null at the end (then {@link #cutBytes()} tells what was cut) */
    Rec next() throws IOException {
        long damageStart = -1;
        while (true) {
            if (end - pos < RecordingFormat.RECORD_OVERHEAD) {
                finishDamage(damageStart, pos);
                if (end > pos) {
                    cut(pos);
                }
                return null;
            }
            Rec r = tryAt(pos);
            if (r != null) {
                finishDamage(damageStart, pos);
                pos += r.totalBytes();
                return r;
            }
            if (lastTryIncomplete) {
                // A plausible header whose record runs past the end of the file: if no complete record follows,
                // this is the cut tail of a crashed recording.
                long after = findNext(pos + 1);
                if (after < 0) {
                    finishDamage(damageStart, pos);
                    cut(pos);
                    pos = end;
                    return null;
                }
            }
            if (damageStart < 0) {
                damageStart = pos;
            }
            long nxt = findNext(pos + 1);
            if (nxt < 0) {
                // Nothing valid follows: treat the rest as a cut tail.
                finishDamage(damageStart, damageStart);
                cut(damageStart);
                pos = end;
                return null;
            }
            pos = nxt;
        }
    }

    private boolean lastTryIncomplete;

    /** Reads and verifies the record at {@code at}; null if it is not a complete valid record. */
    private Rec tryAt(long at) throws IOException {
        lastTryIncomplete = false;
        if (!fill(at, RecordingFormat.RECORD_HEADER_BYTES)) {
            lastTryIncomplete = true;
            return null;
        }
        int p = (int) (at - bufStart);
        if ((buf.get(p) & 0xFF) != RecordingFormat.SYNC) {
            return null;
        }
        int typeCode = buf.get(p + 1) & 0xFF;
        int flags = buf.getShort(p + 2) & 0xFFFF;
        long len = buf.getInt(p + 4) & 0xFFFF_FFFFL;
        RecordType type = RecordType.fromCode(typeCode);
        if (len > maxBody(type)) {
            return null;
        }
        long total = RecordingFormat.RECORD_OVERHEAD + len;
        if (at + total > end) {
            lastTryIncomplete = true;
            return null;
        }
        ByteBuffer src;
        int off;
        if (total <= BUFFER) {
            if (!fill(at, (int) total)) {
                lastTryIncomplete = true;
                return null;
            }
            src = buf;
            off = (int) (at - bufStart);
        } else {
            src = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
            readFully(src, at);
            off = 0;
        }
        crc.reset();
        crc.update(src.array(), src.arrayOffset() + off, (int) (RecordingFormat.RECORD_HEADER_BYTES + len));
        long stored = src.getInt(off + RecordingFormat.RECORD_HEADER_BYTES + (int) len) & 0xFFFF_FFFFL;
        if (stored != crc.getValue()) {
            return null;
        }
        ByteBuffer body = src.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        body.limit(off + RecordingFormat.RECORD_HEADER_BYTES + (int) len).position(off + RecordingFormat.RECORD_HEADER_BYTES);
        return new Rec(type, typeCode, flags, at, body.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Per-type cap on the body length (a corrupt length never becomes a big allocation). */
    static long maxBody(RecordType type) {
        if (type == null) {
            return RecordingFormat.MAX_JSON_BODY; // unknown (newer) types are skipped, but still bounded
        }
        return switch (type) {
            case PACKET -> RecordingFormat.MAX_PACKET_BODY;
            case CORRUPT -> 13;
            case LOSS -> 24;
            case TRAILER -> RecordingFormat.TRAILER_BODY;
            case INDEX -> RecordingFormat.MAX_BODY;
            default -> RecordingFormat.MAX_JSON_BODY;
        };
    }

    /** Finds the next offset >= from holding a complete, CRC-valid record; -1 if none. */
    private long findNext(long from) throws IOException {
        for (long at = from; end - at >= RecordingFormat.RECORD_OVERHEAD; at++) {
            if (!fill(at, 1)) {
                return -1;
            }
            if ((buf.get((int) (at - bufStart)) & 0xFF) == RecordingFormat.SYNC && tryAt(at) != null) {
                return at;
            }
        }
        return -1;
    }

    /** Makes bytes [at, at + n) available in {@code buf}; false if the file ends before. */
    private boolean fill(long at, int n) throws IOException {
        if (at + n > end) {
            return false;
        }
        if (at >= bufStart && at + n <= bufStart + buf.limit()) {
            return true;
        }
        buf.clear();
        long want = Math.min(BUFFER, end - at);
        buf.limit((int) want);
        long p = at;
        while (buf.hasRemaining()) {
            int r = ch.read(buf, p);
            if (r < 0) {
                break;
            }
            p += r;
        }
        buf.flip();
        bufStart = at;
        return buf.limit() >= n;
    }

    private void readFully(ByteBuffer dst, long at) throws IOException {
        long p = at;
        while (dst.hasRemaining()) {
            int r = ch.read(dst, p);
            if (r < 0) {
                throw new IOException("unexpected end of file at offset " + p);
            }
            p += r;
        }
        dst.flip();
    }

    private void finishDamage(long damageStart, long to) {
        if (damageStart >= 0 && to > damageStart) {
            damagedRegions++;
            skippedBytes += to - damageStart;
            problem("damaged bytes " + damageStart + ".." + (to - 1) + " (" + (to - damageStart)
                    + " bytes) skipped: bad record header or CRC error");
        }
    }

    private void cut(long at) {
        cutBytes += end - at;
        problem("incomplete record at offset " + at + ": last " + (end - at) + " bytes cut (recording did not close)");
    }

    private void problem(String p) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(p);
        }
    }

    long damagedRegions() {
        return damagedRegions;
    }

    long skippedBytes() {
        return skippedBytes;
    }

    long cutBytes() {
        return cutBytes;
    }

    List<String> problems() {
        return problems;
    }

    /** Reads and verifies one record at a known offset (index and side records); null if not valid there. */
    static Rec readAt(FileChannel ch, long at, long fileSize) throws IOException {
        if (at < 0 || fileSize - at < RecordingFormat.RECORD_OVERHEAD) {
            return null;
        }
        ByteBuffer h = ByteBuffer.allocate(RecordingFormat.RECORD_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        readFullyAt(ch, h, at);
        if ((h.get(0) & 0xFF) != RecordingFormat.SYNC) {
            return null;
        }
        int typeCode = h.get(1) & 0xFF;
        RecordType type = RecordType.fromCode(typeCode);
        long len = h.getInt(4) & 0xFFFF_FFFFL;
        if (len > maxBody(type) || at + RecordingFormat.RECORD_OVERHEAD + len > fileSize) {
            return null;
        }
        ByteBuffer all = ByteBuffer.allocate((int) (RecordingFormat.RECORD_OVERHEAD + len)).order(ByteOrder.LITTLE_ENDIAN);
        readFullyAt(ch, all, at);
        CRC32 c = new CRC32();
        c.update(all.array(), 0, (int) (RecordingFormat.RECORD_HEADER_BYTES + len));
        if ((all.getInt(RecordingFormat.RECORD_HEADER_BYTES + (int) len) & 0xFFFF_FFFFL) != c.getValue()) {
            return null;
        }
        ByteBuffer body = ByteBuffer.wrap(all.array(), RecordingFormat.RECORD_HEADER_BYTES, (int) len).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        return new Rec(type, typeCode, all.getShort(2) & 0xFFFF, at, body);
    }

    private static void readFullyAt(FileChannel ch, ByteBuffer dst, long at) throws IOException {
        long p = at;
        while (dst.hasRemaining()) {
            int r = ch.read(dst, p);
            if (r < 0) {
                throw new IOException("unexpected end of file at offset " + p);
            }
            p += r;
        }
        dst.flip();
    }
}
