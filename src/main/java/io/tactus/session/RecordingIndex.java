package io.tactus.session;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The seek index of a recording: one entry about every second of device time (or 4 MB of file), each giving
 * the unwrapped device time, the packet ordinal and the file offset of a PACKET record; plus the offsets of all
 * side records (metadata, annotations, events, commands, losses) and summary counters. Written as the INDEX
 * record at close, rebuilt by a scan when a file was cut. Memory: 24 bytes per entry (86 KB per hour).
 */
public final class RecordingIndex {

    static final long ENTRY_EVERY_US = 1_000_000;
    static final long ENTRY_EVERY_BYTES = 4L << 20;
    private static final int SUMMARY_BYTES = 8 * 8;

    private final long[] timesUs;
    private final long[] ordinals;
    private final long[] offsets;
    private final long[] sideOffsets;
    private final Summary summary;

    /**
     * @param packets        packet records (including synthesized ones)
     * @param frames         FRAME_DENSE / FRAME_SPARSE packets
     * @param firstTimeUs    unwrapped device time of the first device packet (-1 if none)
     * @param lastTimeUs     unwrapped device time of the last device packet (-1 if none)
     * @param firstHostNs    host time of the first packet, ns since recording start
     * @param lastHostNs     host time of the last packet
     * @param corruptRecords CORRUPT records (rejected wire input)
     * @param lostPackets    packets the recorder could not write (sum of LOSS records)
     */
    public record Summary(long packets, long frames, long firstTimeUs, long lastTimeUs, long firstHostNs,
                          long lastHostNs, long corruptRecords, long lostPackets) {
    }

    RecordingIndex(long[] timesUs, long[] ordinals, long[] offsets, long[] sideOffsets, Summary summary) {
        this.timesUs = timesUs;
        this.ordinals = ordinals;
        this.offsets = offsets;
        this.sideOffsets = sideOffsets;
        this.summary = summary;
    }

    public Summary summary() {
        return summary;
    }

    public int size() {
        return timesUs.length;
    }

    long[] sideOffsets() {
        return sideOffsets;
    }

    long timeAt(int i) {
        return timesUs[i];
    }

    long ordinalAt(int i) {
        return ordinals[i];
    }

    long offsetAt(int i) {
        return offsets[i];
    }

    /** @return the last entry whose time is <= {@code timeUs}, or 0 (the first entry) if none; -1 if empty */
    int floor(long timeUs) {
        if (timesUs.length == 0) {
            return -1;
        }
        int i = Arrays.binarySearch(timesUs, timeUs);
        if (i >= 0) {
            // Equal times can repeat (a reboot holds the clock): take the first of them.
            while (i > 0 && timesUs[i - 1] == timeUs) {
                i--;
            }
            return i;
        }
        int ins = -i - 1;
        return Math.max(0, ins - 1);
    }

    ByteBuffer encode() {
        int n = timesUs.length;
        ByteBuffer b = ByteBuffer.allocate(SUMMARY_BYTES + 4 + 24 * n + 4 + 8 * sideOffsets.length)
                .order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(summary.packets).putLong(summary.frames).putLong(summary.firstTimeUs).putLong(summary.lastTimeUs)
                .putLong(summary.firstHostNs).putLong(summary.lastHostNs).putLong(summary.corruptRecords)
                .putLong(summary.lostPackets);
        b.putInt(n);
        for (int i = 0; i < n; i++) {
            b.putLong(timesUs[i]).putLong(ordinals[i]).putLong(offsets[i]);
        }
        b.putInt(sideOffsets.length);
        for (long o : sideOffsets) {
            b.putLong(o);
        }
        b.flip();
        return b;
    }

    /** @return the index, or null if the body is inconsistent (then the reader rebuilds it by a scan) */
    static RecordingIndex decode(ByteBuffer body, long fileSize) {
        ByteBuffer b = body.order(ByteOrder.LITTLE_ENDIAN);
        if (b.remaining() < SUMMARY_BYTES + 8) {
            return null;
        }
        Summary s = new Summary(b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong(),
                b.getLong(), b.getLong());
        int n = b.getInt();
        if (n < 0 || (long) n * 24 > b.remaining() - 4) {
            return null;
        }
        long[] t = new long[n];
        long[] ord = new long[n];
        long[] off = new long[n];
        for (int i = 0; i < n; i++) {
            t[i] = b.getLong();
            ord[i] = b.getLong();
            off[i] = b.getLong();
            if (off[i] < RecordingFormat.HEADER_BYTES || off[i] >= fileSize || (i > 0 && t[i] < t[i - 1])) {
                return null;
            }
        }
        int m = b.getInt();
        if (m < 0 || (long) m * 8 != b.remaining()) {
            return null;
        }
        long[] side = new long[m];
        for (int i = 0; i < m; i++) {
            side[i] = b.getLong();
            if (side[i] < RecordingFormat.HEADER_BYTES || side[i] >= fileSize) {
                return null;
            }
        }
        return new RecordingIndex(t, ord, off, side, s);
    }

    /** Accumulates an index while records are written or scanned, in file order. */
    static final class Builder {
        private final LongList times = new LongList();
        private final LongList ordinals = new LongList();
        private final LongList offsets = new LongList();
        private final LongList side = new LongList();
        private final DeviceClock clock = new DeviceClock();
        private long packets;
        private long frames;
        private long firstTimeUs = -1;
        private long lastTimeUs = -1;
        private long firstHostNs;
        private long lastHostNs;
        private long corrupt;
        private long lost;
        private long ordinalNext;
        private long lastEntryTimeUs;
        private long lastEntryOffset;

        /**
         * A PACKET record at {@code offset}; {@code fromDevice} packets advance the clock. Synthetic packets (a
         * recorder-made HELLO) take no ordinal: ordinals count what came off the wire.
         */
        void packet(long offset, long hostNs, boolean fromDevice, boolean frame, long rawTimeUs,
                    boolean synthetic) {
            long ordinal = ordinalNext;
            if (!synthetic) {
                ordinalNext++;
            }
            if (fromDevice) {
                long t = clock.unwrap(rawTimeUs);
                if (firstTimeUs < 0) {
                    firstTimeUs = t;
                }
                lastTimeUs = t;
                if (times.size() == 0 || t - lastEntryTimeUs >= ENTRY_EVERY_US
                        || offset - lastEntryOffset >= ENTRY_EVERY_BYTES) {
                    times.add(t);
                    ordinals.add(ordinal);
                    offsets.add(offset);
                    lastEntryTimeUs = t;
                    lastEntryOffset = offset;
                }
            }
            if (packets == 0) {
                firstHostNs = hostNs;
            }
            lastHostNs = hostNs;
            packets++;
            if (frame) {
                frames++;
            }
        }

        void side(long offset) {
            side.add(offset);
        }

        void corrupt() {
            corrupt++;
        }

        void lost(long n) {
            lost += n;
            ordinalNext += n;
        }

        long packets() {
            return packets;
        }

        long nextOrdinal() {
            return ordinalNext;
        }

        long lastHostNs() {
            return lastHostNs;
        }

        long firstHostNs() {
            return firstHostNs;
        }

        RecordingIndex build() {
            return new RecordingIndex(times.toArray(), ordinals.toArray(), offsets.toArray(), side.toArray(),
                    new Summary(packets, frames, firstTimeUs, lastTimeUs, firstHostNs, lastHostNs, corrupt, lost));
        }
    }
}
