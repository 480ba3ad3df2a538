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
    private final Crc32Ranges ranges = new Crc32Ranges();
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
        return advance() ? current() : null;
    }

    /**
     * Moves to the next valid record without allocating (a record above 1 MB aside): its fields are then
     * {@link #type()}, {@link #flags()}, {@link #offset()} and its body is {@code bodyLength()} bytes of
     * {@link #bodyBuffer()} from {@code bodyStart()}, valid until the next call. The streaming read path uses
     * this; {@link #next()} wraps it in a {@link Rec}.
     *
     * @return false at the end (then {@link #cutBytes()} tells what was cut)
     */
    boolean advance() throws IOException {
        if (end - pos < RecordingFormat.RECORD_OVERHEAD) {
            if (end > pos) {
                cut(pos);
                pos = end;
            }
            return false;
        }
        if (tryAt(pos)) {
            pos += RecordingFormat.RECORD_OVERHEAD + curLen;
            return true;
        }
        // Damage (or a record cut by a crash) at pos: one linear resync scan finds the next valid record.
        long damageStart = pos;
        boolean incomplete = lastTryIncomplete;
        long nxt = findNext(pos + 1);
        if (nxt < 0) {
            // Nothing valid follows: a plausible header running past the end is the cut tail of a crashed
            // recording; so is anything else after the last valid record.
            cut(damageStart);
            pos = end;
            return false;
        }
        finishDamage(damageStart, nxt, incomplete);
        pos = nxt;
        if (!tryAt(pos)) {
            throw new IllegalStateException("resync found a record at " + nxt + " that does not verify");
        }
        pos += RecordingFormat.RECORD_OVERHEAD + curLen;
        return true;
    }

    /** The record {@link #advance()} moved to, as a {@link Rec} (allocates; its body is valid until the next call). */
    Rec current() {
        ByteBuffer body = curSrc.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        body.limit(curBodyStart + curLen).position(curBodyStart);
        return new Rec(curType, curTypeCode, curFlags, curOffset, body.slice().order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Type of the current record (null: unknown, newer type). */
    RecordType type() {
        return curType;
    }

    int flags() {
        return curFlags;
    }

    long offset() {
        return curOffset;
    }

    /** Holds the current record's body at {@link #bodyStart()} (little-endian; use absolute gets only). */
    ByteBuffer bodyBuffer() {
        return curSrc;
    }

    int bodyStart() {
        return curBodyStart;
    }

    int bodyLength() {
        return curLen;
    }

    private boolean lastTryIncomplete;
    private RecordType curType;
    private int curTypeCode;
    private int curFlags;
    private long curOffset;
    private ByteBuffer curSrc;
    private int curBodyStart;
    private int curLen;

    /** Reads and verifies the record at {@code at} into the current-record fields; false if it is not a complete valid record. */
    private boolean tryAt(long at) throws IOException {
        lastTryIncomplete = false;
        if (!fill(at, RecordingFormat.RECORD_HEADER_BYTES)) {
            lastTryIncomplete = true;
            return false;
        }
        int p = (int) (at - bufStart);
        if ((buf.get(p) & 0xFF) != RecordingFormat.SYNC) {
            return false;
        }
        int typeCode = buf.get(p + 1) & 0xFF;
        int flags = buf.getShort(p + 2) & 0xFFFF;
        long len = buf.getInt(p + 4) & 0xFFFF_FFFFL;
        RecordType type = RecordType.fromCode(typeCode);
        if (len > maxBody(type)) {
            return false;
        }
        long total = RecordingFormat.RECORD_OVERHEAD + len;
        if (at + total > end) {
            lastTryIncomplete = true;
            return false;
        }
        ByteBuffer src;
        int off;
        if (total <= BUFFER) {
            if (!fill(at, (int) total)) {
                lastTryIncomplete = true;
                return false;
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
            return false;
        }
        curType = type;
        curTypeCode = typeCode;
        curFlags = flags;
        curOffset = at;
        curSrc = src;
        curBodyStart = off + RecordingFormat.RECORD_HEADER_BYTES;
        curLen = (int) len;
        return true;
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

    /**
     * Finds the smallest offset >= from holding a complete, CRC-valid record; -1 if none. Linear in the bytes
     * scanned however many plausible record headers they hold (crafted or not): one pass computes the running
     * CRC of the damaged bytes, and each candidate record is checked when the pass reaches its end, from the
     * running CRCs at its start and end ({@link Crc32Ranges}), never by re-reading its body.
     */
    private long findNext(long from) throws IOException {
        return new Resync(from).run();
    }

    /** One resynchronisation pass; candidate records pending their end, in a binary heap by end offset. */
    private final class Resync {
        private final long from;
        private final CRC32 running = new CRC32();
        private long runningTo;
        private long[] ends = new long[64];
        private long[] starts = new long[64];
        private int[] startCrcs = new int[64];
        private int pending;
        private long best = -1;

        Resync(long from) {
            this.from = from;
            this.runningTo = from;
        }

        long run() throws IOException {
            for (long x = from; x < end; x++) {
                int need = (int) Math.min(RecordingFormat.RECORD_HEADER_BYTES, end - x);
                if (x + need > bufStart + buf.limit()) {
                    crcUpTo(x); // the window moves on: take the running CRC up to here first
                }
                if (!fill(x, need)) {
                    return best;
                }
                while (pending > 0 && ends[0] == x) {
                    resolveTop(x);
                }
                if (best >= 0 && pending == 0) {
                    return best;
                }
                if (best < 0) {
                    consider(x);
                }
                if (best < 0 && pending == 0 && end - x < RecordingFormat.RECORD_OVERHEAD) {
                    return -1;
                }
            }
            return best;
        }

        /** A plausible record header at x becomes a candidate, checked when the pass reaches its end. */
        private void consider(long x) {
            if (end - x < RecordingFormat.RECORD_OVERHEAD) {
                return;
            }
            int p = (int) (x - bufStart);
            if ((buf.get(p) & 0xFF) != RecordingFormat.SYNC) {
                return;
            }
            RecordType type = RecordType.fromCode(buf.get(p + 1) & 0xFF);
            long len = buf.getInt(p + 4) & 0xFFFF_FFFFL;
            if (len > resyncMaxBody(type) || x + RecordingFormat.RECORD_OVERHEAD + len > end) {
                return;
            }
            push(x + RecordingFormat.RECORD_HEADER_BYTES + len, x, crcUpTo(x));
        }

        private void resolveTop(long x) {
            long start = starts[0];
            int startCrc = startCrcs[0];
            pop();
            int body = ranges.ofRange(startCrc, crcUpTo(x), x - start);
            int stored = buf.getInt((int) (x - bufStart));
            if (body == stored && (best < 0 || start < best)) {
                best = start;
                dropCandidatesAfter(best);
            }
        }

        /** The running CRC-32 of bytes [from, x); x never moves backwards. */
        private int crcUpTo(long x) {
            int off = (int) (runningTo - bufStart);
            running.update(buf.array(), buf.arrayOffset() + off, (int) (x - runningTo));
            runningTo = x;
            return (int) running.getValue();
        }

        private void push(long e, long s, int c) {
            if (pending == ends.length) {
                ends = java.util.Arrays.copyOf(ends, pending * 2);
                starts = java.util.Arrays.copyOf(starts, pending * 2);
                startCrcs = java.util.Arrays.copyOf(startCrcs, pending * 2);
            }
            int i = pending++;
            while (i > 0) {
                int parent = (i - 1) / 2;
                if (ends[parent] <= e) {
                    break;
                }
                set(i, ends[parent], starts[parent], startCrcs[parent]);
                i = parent;
            }
            set(i, e, s, c);
        }

        private void pop() {
            pending--;
            if (pending == 0) {
                return;
            }
            long e = ends[pending];
            long s = starts[pending];
            int c = startCrcs[pending];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= pending) {
                    break;
                }
                if (child + 1 < pending && ends[child + 1] < ends[child]) {
                    child++;
                }
                if (ends[child] >= e) {
                    break;
                }
                set(i, ends[child], starts[child], startCrcs[child]);
                i = child;
            }
            set(i, e, s, c);
        }

        /** Candidates that start after a verified record cannot be the first one: forget them. */
        private void dropCandidatesAfter(long start) {
            long[] e = new long[pending];
            long[] s = new long[pending];
            int[] c = new int[pending];
            int n = 0;
            for (int i = 0; i < pending; i++) {
                if (starts[i] < start) {
                    e[n] = ends[i];
                    s[n] = starts[i];
                    c[n] = startCrcs[i];
                    n++;
                }
            }
            pending = 0;
            for (int i = 0; i < n; i++) {
                push(e[i], s[i], c[i]);
            }
        }

        private void set(int i, long e, long s, int c) {
            ends[i] = e;
            starts[i] = s;
            startCrcs[i] = c;
        }
    }

    /**
     * Body cap while resynchronising: an INDEX record is only trusted up to the JSON cap there (an index above
     * 1 MiB describes a session of more than 12 hours and is rebuilt by the scan anyway), which bounds the
     * candidates a resync keeps pending to those starting within 1 MiB.
     */
    private static long resyncMaxBody(RecordType type) {
        return Math.min(maxBody(type), RecordingFormat.MAX_JSON_BODY);
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

    private void finishDamage(long damageStart, long to, boolean lengthRanPastEnd) {
        damagedRegions++;
        skippedBytes += to - damageStart;
        problem("damaged bytes " + damageStart + ".." + (to - 1) + " (" + (to - damageStart) + " bytes) skipped: "
                + (lengthRanPastEnd ? "record length runs past the end of the file" : "bad record header or CRC error"));
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
