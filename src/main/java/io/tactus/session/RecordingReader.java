package io.tactus.session;

import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Json;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Opens a recording (format: docs/RECORDING-FORMAT.md) for streaming reads. Opening reads the header, the
 * trailer, the index and the side records (metadata, annotations, events, commands); if the file was not closed
 * normally the index is rebuilt by one sequential scan that checks every CRC. Packets are then streamed with a
 * {@link Cursor} (from the start, or from any time through the index); nothing loads the whole file. Damaged or
 * hostile input gives a {@link RecordingException} with one line, or a partial open described by
 * {@link #integrity()}. Thread-safe for concurrent cursors (positional reads on one channel).
 */
public final class RecordingReader implements AutoCloseable {

    private final Path file;
    private final FileChannel ch;
    private final long size;
    private final SessionMetadata metadata;
    private final RecordingIndex index;
    private final IntegrityReport integrity;
    private final List<Annotation> annotations;
    private final List<RecordedEvent> events;
    private final List<CommandRecord> commands;
    private final long dataEnd;
    private final String metadataDeviceProblem;

    private RecordingReader(Path file, FileChannel ch, long size, SessionMetadata metadata, RecordingIndex index,
                            IntegrityReport integrity, Side side, long dataEnd) {
        this.file = file;
        this.ch = ch;
        this.size = size;
        this.metadata = metadata;
        this.index = index;
        this.integrity = integrity;
        this.annotations = side.resolvedAnnotations();
        this.events = List.copyOf(side.events);
        this.commands = List.copyOf(side.commands);
        this.dataEnd = dataEnd;
        this.metadataDeviceProblem = side.metadataDeviceProblem;
    }

    /** True if the file starts with the recording magic (otherwise it may be a raw wire capture). */
    public static boolean isRecording(Path file) {
        try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(RecordingFormat.MAGIC.length);
            while (b.hasRemaining() && c.read(b) >= 0) {
                // read until full or EOF
            }
            return !b.hasRemaining() && java.util.Arrays.equals(b.array(), RecordingFormat.MAGIC);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Opens a recording.
     *
     * @throws RecordingException with a one-line reason if the file is missing, not a recording, from a newer
     *                            format version, or has a damaged header
     */
    public static RecordingReader open(Path file) throws RecordingException {
        FileChannel ch;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new RecordingException("no such file: " + file);
        } catch (IOException e) {
            throw new RecordingException("cannot open " + file + ": " + RecordingWriter.oneLine(e));
        }
        try {
            return open(file, ch);
        } catch (RecordingException e) {
            closeQuietly(ch);
            throw e;
        } catch (IOException e) {
            closeQuietly(ch);
            throw new RecordingException("cannot read " + file + ": " + RecordingWriter.oneLine(e));
        } catch (RuntimeException e) {
            // Defensive: a reader bug on hostile input must still be one line, not a stack trace.
            closeQuietly(ch);
            throw new RecordingException("cannot read " + file + ": " + e, e);
        }
    }

    private static RecordingReader open(Path file, FileChannel ch) throws IOException, RecordingException {
        long size = ch.size();
        checkHeader(file, ch, size);
        RecordScanner.Rec trailer = size >= RecordingFormat.HEADER_BYTES + RecordingFormat.TRAILER_BYTES
                ? RecordScanner.readAt(ch, size - RecordingFormat.TRAILER_BYTES, size) : null;
        if (trailer != null && trailer.type() == RecordType.TRAILER) {
            RecordingReader r = fromIndex(file, ch, size, trailer);
            if (r != null) {
                return r;
            }
        }
        return fromScan(file, ch, size, trailer != null && trailer.type() == RecordType.TRAILER);
    }

    private static void checkHeader(Path file, FileChannel ch, long size) throws IOException, RecordingException {
        if (size < RecordingFormat.HEADER_BYTES) {
            throw new RecordingException("not a Tactus recording: " + file + " is only " + size + " bytes");
        }
        ByteBuffer h = ByteBuffer.allocate(RecordingFormat.HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        while (h.hasRemaining() && ch.read(h, h.position()) >= 0) {
            // fill
        }
        byte[] magic = new byte[RecordingFormat.MAGIC.length];
        h.get(0, magic);
        if (!java.util.Arrays.equals(magic, RecordingFormat.MAGIC)) {
            throw new RecordingException("not a Tactus recording: " + file + " (wrong magic bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(h.array(), 0, 12);
        if ((h.getInt(12) & 0xFFFF_FFFFL) != crc.getValue()) {
            throw new RecordingException("recording header of " + file + " is damaged (CRC mismatch)");
        }
        int version = h.getShort(8) & 0xFFFF;
        int minReader = h.getShort(10) & 0xFFFF;
        if (minReader > RecordingFormat.VERSION) {
            throw new RecordingException(file + " is recording format v" + version + "; this Tactus reads v"
                    + RecordingFormat.VERSION + " (update Tactus)");
        }
    }

    private static RecordingReader fromIndex(Path file, FileChannel ch, long size, RecordScanner.Rec trailer)
            throws IOException {
        ByteBuffer t = trailer.body();
        long indexOffset = t.getLong(0);
        byte[] magic = new byte[8];
        t.get(8, magic);
        if (!java.util.Arrays.equals(magic, RecordingFormat.TRAILER_MAGIC)) {
            return null;
        }
        RecordScanner.Rec idx = RecordScanner.readAt(ch, indexOffset, size);
        if (idx == null || idx.type() != RecordType.INDEX) {
            return null;
        }
        RecordingIndex index = RecordingIndex.decode(idx.body(), size);
        if (index == null) {
            return null;
        }
        Side side = new Side();
        for (long off : index.sideOffsets()) {
            RecordScanner.Rec r = RecordScanner.readAt(ch, off, size);
            if (r == null) {
                return null; // damaged side record: fall back to a verifying scan
            }
            side.accept(r);
        }
        if (side.metadata == null) {
            return null;
        }
        // Side records with a valid CRC but unreadable JSON (not written by Tactus) are ignored, never silently.
        IntegrityReport rep = new IntegrityReport(true, false, false, 0, 0, 0, side.badJson, List.of(),
                side.badJson == 0 ? List.of() : List.of(side.badJson + " side record(s) with unreadable JSON ignored"));
        return new RecordingReader(file, ch, size, side.metadata, index, rep, side, indexOffset);
    }

    private static RecordingReader fromScan(Path file, FileChannel ch, long size, boolean hadTrailer)
            throws IOException, RecordingException {
        RecordScanner s = new RecordScanner(ch, RecordingFormat.HEADER_BYTES, size);
        RecordingIndex.Builder b = new RecordingIndex.Builder();
        Side side = new Side();
        long dataEnd = RecordingFormat.HEADER_BYTES;
        while (s.advance()) {
            RecordType type = s.type();
            if (type == RecordType.PACKET) {
                ByteBuffer body = s.bodyBuffer();
                int at = s.bodyStart();
                PacketType pt = packetType(body, at, s.bodyLength());
                if (pt != null) {
                    b.packet(s.offset(), body.getLong(at), pt.fromDevice(), pt.isFrame(),
                            body.getInt(at + 12) & 0xFFFF_FFFFL, (s.flags() & RecordingFormat.FLAG_SYNTHETIC) != 0);
                }
            } else if (type == RecordType.CORRUPT) {
                b.corrupt();
            } else if (type == RecordType.LOSS) {
                long n = lossPackets(s.current().body());
                if (n >= 0) {
                    b.lost(n);
                }
                b.side(s.offset());
            } else if (type != null && type.isSideRecord()) {
                b.side(s.offset());
                side.accept(s.current());
            }
            if (type != RecordType.INDEX && type != RecordType.TRAILER) {
                dataEnd = s.offset() + RecordingFormat.RECORD_OVERHEAD + s.bodyLength();
            }
        }
        List<String> problems = new ArrayList<>(s.problems());
        if (side.metadata == null) {
            problems.add("no readable metadata record");
        }
        if (side.badJson > 0) {
            problems.add(side.badJson + " side record(s) with unreadable JSON ignored");
        }
        if (hadTrailer) {
            problems.add("trailer present but index unreadable; index rebuilt");
        }
        RecordingIndex index = b.build();
        if (side.metadata == null && index.summary().packets() == 0) {
            throw new RecordingException("recording " + file + " holds no readable records"
                    + (s.problems().isEmpty() ? "" : ": " + s.problems().get(0)));
        }
        IntegrityReport rep = new IntegrityReport(hadTrailer, true, true, s.damagedRegions(), s.skippedBytes(),
                s.cutBytes(), side.badJson, List.of(), List.copyOf(problems));
        SessionMetadata meta = side.metadata != null ? side.metadata
                : new SessionMetadata(null, null, null, null, null, null, null, null, null, null);
        return new RecordingReader(file, ch, size, meta, index, rep, side, dataEnd);
    }

    public Path file() {
        return file;
    }

    public SessionMetadata metadata() {
        return metadata;
    }

    public IntegrityReport integrity() {
        return integrity;
    }

    /**
     * Why the metadata's device description was rejected (validated like a HELLO: size, rate, calibration...),
     * or null when it is valid or absent. A rejected one reads as absent: the stream's HELLO describes the frames.
     */
    public String metadataDeviceProblem() {
        return metadataDeviceProblem;
    }

    public RecordingIndex.Summary summary() {
        return index.summary();
    }

    RecordingIndex index() {
        return index;
    }

    /** Annotations with edits and deletions applied, in time order. */
    public List<Annotation> annotations() {
        return annotations;
    }

    /** EVENT records: flags shown live, and flags added after the fact. */
    public List<RecordedEvent> recordedEvents() {
        return events;
    }

    /** Pipeline commands (tare...) with the packet position they apply before, in file order. */
    public List<CommandRecord> commands() {
        return commands;
    }

    /** Unwrapped device time of the first device packet, or -1 for a recording without packets. */
    public long firstTimeUs() {
        return index.summary().firstTimeUs();
    }

    public long lastTimeUs() {
        return index.summary().lastTimeUs();
    }

    public double durationSeconds() {
        RecordingIndex.Summary s = index.summary();
        return s.firstTimeUs() < 0 ? 0 : (s.lastTimeUs() - s.firstTimeUs()) / 1e6;
    }

    long fileSize() {
        return size;
    }

    /** End of the packet/side data (where an appender continues), i.e. before any index and trailer. */
    long dataEnd() {
        return dataEnd;
    }

    /** A cursor over all packets from the start. */
    public Cursor cursor() {
        return new Cursor(RecordingFormat.HEADER_BYTES, 0, null, -1);
    }

    /**
     * A cursor positioned at the index entry at or before {@code deviceTimeUs} (at most about one second, or
     * 4 MB, before it): the caller skips packets until the time it wants. Cost: one index lookup, no scan.
     */
    public Cursor cursorAt(long deviceTimeUs) {
        int i = index.floor(deviceTimeUs);
        if (i <= 0) {
            return cursor();
        }
        return new Cursor(index.offsetAt(i), index.ordinalAt(i), null, index.timeAt(i));
    }

    /** A cursor that continues exactly where {@link Cursor#mark()} was taken (a replay checkpoint's file position). */
    Cursor cursorAt(Mark mark) {
        Cursor c = new Cursor(mark.offset(), mark.ordinal(), null, mark.seedTimeUs());
        c.clock.seed(mark.clockLastRaw(), mark.clockUnwrappedUs());
        c.lost = mark.lost();
        return c;
    }

    /** Where a cursor stands: the next record's offset, the packet ordinal, the clock and the losses so far. */
    record Mark(long offset, long ordinal, long lost, long clockLastRaw, long clockUnwrappedUs, long seedTimeUs) {
    }

    /**
     * Verifies every record's CRC by a full sequential scan (for `tactus info`): returns the report of the scan,
     * combined with what opening found.
     */
    public IntegrityReport verify() throws IOException {
        RecordScanner s = new RecordScanner(ch, RecordingFormat.HEADER_BYTES, size);
        while (s.next() != null) {
            // CRCs are checked by the scanner
        }
        return new IntegrityReport(integrity.complete(), integrity.indexRebuilt(), true, s.damagedRegions(),
                s.skippedBytes(), s.cutBytes(), s.problems());
    }

    @Override
    public void close() {
        closeQuietly(ch);
    }

    private static void closeQuietly(FileChannel c) {
        try {
            c.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** Streams packets in file order. Not thread-safe; make one per thread. */
    public final class Cursor {
        /** Lost spans kept per pass; further ones merge into the last (counts stay complete). */
        private static final int MAX_SPANS = 100_000;
        private final RecordScanner scanner;
        private final DeviceClock clock = new DeviceClock();
        private final Map<Corruption, Long> corrupt = new EnumMap<>(Corruption.class);
        private long ordinal;
        private long lost;
        private long malformed;
        private long regionsSeen;
        private boolean damagePending;
        private long lastDeviceUs = -1;
        private int lastSeq = -1;
        private boolean finished;
        private final List<IntegrityReport.LostSpan> spans = new ArrayList<>();
        private long seedTimeUs;
        private IOException failure;
        // the current packet (advance())
        private long packetOrdinal;
        private long deviceTimeUs;
        private boolean synthetic;
        private PacketType type;
        private int seq;
        private long rawTimeUs;
        private long hostNanos;
        private int payloadStart;
        private int payloadLength;

        Cursor(long offset, long ordinal, Object unused, long seedTimeUs) {
            this.scanner = new RecordScanner(ch, offset, dataEnd == 0 ? size : Math.max(dataEnd, offset));
            this.ordinal = ordinal;
            this.seedTimeUs = seedTimeUs;
        }

        /** @return the next packet, or null at the end of the data (or on an I/O error, see {@link #failure()}) */
        public RecordedPacket next() {
            return advance() ? packet() : null;
        }

        /**
         * Moves to the next packet without allocating: its fields are then read from this cursor
         * ({@link #ordinal()}, {@link #deviceTimeUs()}, {@link #type()}, {@link #payloadBuffer()}...) and stay
         * valid until the next call. For a streaming pass that is done with each packet before the next (analysis,
         * export); {@link #next()} gives the same packet as an immutable copy.
         *
         * @return false at the end of the data (or on an I/O error, see {@link #failure()})
         */
        public boolean advance() {
            try {
                while (scanner.advance()) {
                    noteDamage();
                    switch (scanner.type() == null ? RecordType.INDEX : scanner.type()) {
                        case PACKET -> {
                            if (readPacket()) {
                                if (type.fromDevice()) {
                                    closeSpan(deviceTimeUs, seq);
                                }
                                return true;
                            }
                        }
                        case CORRUPT -> {
                            int k = corruptKind(scanner.current().body());
                            if (k < 0) {
                                malformed++;
                            } else if (k < Corruption.values().length) {
                                corrupt.merge(Corruption.values()[k], 1L, Long::sum);
                            }
                        }
                        case LOSS -> {
                            long n = lossPackets(scanner.current().body());
                            if (n < 0) {
                                malformed++;
                            } else {
                                ordinal += n;
                                lost += n;
                            }
                        }
                        default -> {
                        }
                    }
                }
                noteDamage();
                if (damagePending) {
                    closeSpan(-1, -1); // damage after the last packet
                }
                finished = true;
            } catch (IOException e) {
                failure = e;
            }
            return false;
        }

        /** A damaged region the scanner just skipped opens a lost span at the last packet seen. */
        private void noteDamage() {
            if (scanner.damagedRegions() > regionsSeen) {
                regionsSeen = scanner.damagedRegions();
                damagePending = true;
            }
        }

        /** The first device packet after damage (or the end, {@code timeUs} -1) closes the lost span. */
        private void closeSpan(long timeUs, int seq) {
            if (damagePending) {
                damagePending = false;
                long from = lastDeviceUs >= 0 ? lastDeviceUs : timeUs;
                long to = timeUs >= 0 ? timeUs : lastDeviceUs;
                long frames = lastSeq >= 0 && seq >= 0 ? Math.floorMod(seq - lastSeq, 1 << 16) - 1 : 0;
                if (frames < 0 || frames >= 1 << 15) {
                    frames = 0; // a repeat or a reboot across the damage: unknown
                }
                if (spans.size() < MAX_SPANS) {
                    spans.add(new IntegrityReport.LostSpan(Math.min(from, to), Math.max(from, to), frames));
                } else {
                    IntegrityReport.LostSpan last = spans.remove(spans.size() - 1);
                    spans.add(new IntegrityReport.LostSpan(last.fromUs(), Math.max(last.toUs(), to),
                            last.framesLost() + frames));
                }
            }
            if (timeUs >= 0) {
                lastDeviceUs = timeUs;
                lastSeq = seq;
            }
        }

        /**
         * The integrity of the recording as this pass saw it: damaged regions (from the open's scan when there
         * was one, else from this pass), where they fell in device time, malformed records. Complete once
         * {@link #next()} returned null from a cursor started at the beginning.
         */
        public IntegrityReport integrity() {
            IntegrityReport open = integrity;
            boolean scanned = open.verified();
            List<String> problems = new ArrayList<>(open.problems());
            if (!scanned) {
                problems.addAll(scanner.problems());
            }
            if (malformed > 0) {
                problems.add(malformed + " record(s) with a valid CRC but unreadable fields ignored (a PACKET "
                        + "without a protocol-v1 header, a CORRUPT/LOSS record too short)");
            }
            return new IntegrityReport(open.complete(), open.indexRebuilt(), scanned || finished,
                    scanned ? open.damagedRegions() : scanner.damagedRegions(),
                    scanned ? open.skippedBytes() : scanner.skippedBytes(),
                    scanned ? open.cutBytes() : scanner.cutBytes(), open.malformedRecords() + malformed,
                    List.copyOf(spans), List.copyOf(problems));
        }

        /** Reads the current PACKET record's fields into this cursor; false (counted) if it has no valid header. */
        private boolean readPacket() {
            ByteBuffer b = scanner.bodyBuffer();
            int at = scanner.bodyStart();
            int len = scanner.bodyLength();
            PacketType t = packetType(b, at, len);
            if (t == null) {
                malformed++; // a CRC-valid PACKET record with no readable packet header: counted, not silent
                return false;
            }
            type = t;
            hostNanos = b.getLong(at);
            seq = b.getShort(at + 10) & 0xFFFF;
            rawTimeUs = b.getInt(at + 12) & 0xFFFF_FFFFL;
            payloadStart = at + RecordingFormat.PACKET_PREFIX;
            payloadLength = len - RecordingFormat.PACKET_PREFIX;
            synthetic = (scanner.flags() & RecordingFormat.FLAG_SYNTHETIC) != 0;
            if (t.fromDevice()) {
                if (!clock.started() && seedTimeUs >= 0) {
                    clock.seed(rawTimeUs, seedTimeUs);
                }
                deviceTimeUs = clock.unwrap(rawTimeUs);
            } else {
                deviceTimeUs = clock.started() ? clock.current() : seedTimeUs;
            }
            packetOrdinal = ordinal;
            if (!synthetic) {
                ordinal++;
            }
            return true;
        }

        /** The current packet as an immutable {@link RecordedPacket} (allocates, copies the payload). */
        private RecordedPacket packet() {
            return new RecordedPacket(packetOrdinal, deviceTimeUs, synthetic,
                    new TimedPacket(new Packet(type, seq, rawTimeUs, payload()), hostNanos));
        }

        /** Ordinal of the current packet (see {@link RecordedPacket#ordinal()}). */
        public long ordinal() {
            return packetOrdinal;
        }

        /** Unwrapped device time of the current packet. */
        public long deviceTimeUs() {
            return deviceTimeUs;
        }

        public boolean synthetic() {
            return synthetic;
        }

        public PacketType type() {
            return type;
        }

        /** The current packet's 16-bit sequence number as sent. */
        public int seq() {
            return seq;
        }

        /** The current packet's 32-bit device time as sent. */
        public long rawTimeUs() {
            return rawTimeUs;
        }

        /** Host receive time of the current packet, ns since the recording started. */
        public long hostNanos() {
            return hostNanos;
        }

        /**
         * Holds the current packet's payload ({@link #payloadLength()} bytes from {@link #payloadStart()}); shared
         * with the reader, valid until the next {@link #advance()}, never to be modified.
         */
        public byte[] payloadBuffer() {
            ByteBuffer b = scanner.bodyBuffer();
            return b.array();
        }

        /** Offset of the current payload in {@link #payloadBuffer()}. */
        public int payloadStart() {
            return scanner.bodyBuffer().arrayOffset() + payloadStart;
        }

        public int payloadLength() {
            return payloadLength;
        }

        /** A copy of the current packet's payload. */
        public byte[] payload() {
            return java.util.Arrays.copyOfRange(payloadBuffer(), payloadStart(), payloadStart() + payloadLength);
        }

        /** The position after the last packet returned (CORRUPT counts are not part of it). */
        Mark mark() {
            return new Mark(scanner.position(), ordinal, lost, clock.lastRaw(), clock.current(), seedTimeUs);
        }

        /** CORRUPT notes seen so far, by kind. */
        public Map<Corruption, Long> corruptNotes() {
            return Collections.unmodifiableMap(corrupt);
        }

        /**
         * CORRUPT or LOSS records with a valid CRC but too short to hold their fields (or a negative count): not
         * written by Tactus; counted and otherwise ignored.
         */
        public long malformedRecords() {
            return malformed;
        }

        /** Packets the recorder lost (LOSS records) seen so far. */
        public long lostPackets() {
            return lost;
        }

        public IOException failure() {
            return failure;
        }
    }

    /**
     * The kind byte of a CORRUPT body ({@code i64 host_ns | u8 kind | i32 bytes}), parsed by its declared length:
     * -1 if the body is too short to hold it.
     */
    static int corruptKind(ByteBuffer body) {
        return body.remaining() >= 9 ? body.get(8) & 0xFF : -1;
    }

    /**
     * The packet count of a LOSS body ({@code i64 host_ns | i64 packets | i64 bytes}), parsed by its declared
     * length: -1 if the body is too short to hold it or the count is negative.
     */
    static long lossPackets(ByteBuffer body) {
        return body.remaining() >= 16 ? Math.max(-1, body.getLong(8)) : -1;
    }

    /**
     * The packet type of a PACKET body ({@code i64 host_ns | u8 version | u8 type | u16 seq | u32 device_us |
     * payload}) of {@code len} bytes at {@code at}, or null when it holds no readable protocol-v1 header.
     */
    private static PacketType packetType(ByteBuffer body, int at, int len) {
        if (len < RecordingFormat.PACKET_PREFIX || len > RecordingFormat.MAX_PACKET_BODY
                || (body.get(at + 8) & 0xFF) != Packet.VERSION) {
            return null;
        }
        return PacketType.fromCode(body.get(at + 9) & 0xFF);
    }

    /** Collects side records. */
    private static final class Side {
        SessionMetadata metadata;
        final LinkedHashMap<String, Annotation> annotations = new LinkedHashMap<>();
        final List<RecordedEvent> events = new ArrayList<>();
        final List<CommandRecord> commands = new ArrayList<>();
        int badJson;
        String metadataDeviceProblem;

        void accept(RecordScanner.Rec r) {
            if (r.type() == null) {
                return;
            }
            byte[] json = new byte[r.body().remaining()];
            r.body().get(0, json);
            try {
                switch (r.type()) {
                    case METADATA -> {
                        if (metadata == null) {
                            metadata = readMetadata(json);
                        }
                    }
                    case ANNOTATION -> {
                        Annotation a = Json.tolerant(Annotation.class).readValue(json);
                        if (a.id() != null) {
                            annotations.remove(a.id());
                            if (!a.deleted()) {
                                annotations.put(a.id(), a);
                            }
                        }
                    }
                    case EVENT -> events.add(Json.tolerant(RecordedEvent.class).readValue(json));
                    case COMMAND -> {
                        CommandRecord c = Json.tolerant(CommandRecord.class).readValue(json);
                        if (c.command() != null && c.command().name() != null) {
                            commands.add(c);
                        }
                    }
                    default -> {
                    }
                }
            } catch (IOException e) {
                badJson++;
            }
        }

        /**
         * The metadata, with its device description validated exactly like a HELLO from the wire (one
         * validator): an invalid one is dropped and the reason kept, so a hostile file can never size a grid.
         */
        private SessionMetadata readMetadata(byte[] json) throws IOException {
            com.fasterxml.jackson.databind.JsonNode tree = Json.MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new IOException("metadata is not a JSON object");
            }
            com.fasterxml.jackson.databind.JsonNode device = ((com.fasterxml.jackson.databind.node.ObjectNode) tree)
                    .remove("device");
            SessionMetadata m = Json.MAPPER.treeToValue(tree, SessionMetadata.class);
            if (device == null || device.isNull()) {
                return m;
            }
            try {
                return m.withDevice(DeviceDescriptor.parse(device));
            } catch (DeviceDescriptor.DescriptorException e) {
                metadataDeviceProblem = "the metadata's device description is invalid (" + e.getMessage() + ")";
                return m;
            }
        }

        List<Annotation> resolvedAnnotations() {
            List<Annotation> l = new ArrayList<>(annotations.values());
            l.sort(Comparator.comparingLong(Annotation::deviceTimeUs));
            return List.copyOf(l);
        }
    }
}
