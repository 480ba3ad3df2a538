package io.tactus.session;

import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.Json;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Appends a session to a file on its own thread (format: {@link RecordingFormat}). Producers only enqueue and
 * never block: the queue is bounded by bytes ({@code queueCapBytes}); a packet that does not fit is counted as
 * lost, reported in {@link #status()} and written as a LOSS record, never dropped silently. Durability: the
 * in-memory buffer is written to the OS at least every 10 ms and {@link FileChannel#force} runs at least once a
 * second, so a killed process loses what was written in the last ~10 ms plus what was still on its way (tens of
 * ms, measured by bench/record-kill9.sh) and a power cut at most ~1 s. An I/O error (disk full, file
 * removed, USB stick pulled) stops the recording with a one-line message; the caller's live path is untouched.
 *
 * <p>Nothing at the target path is removed or replaced before the new recording has its first frame: the file
 * is written under a hidden staging name beside it ({@code .NAME.HEX.part}) and renamed over the target
 * atomically once the buffer holding the first frame has reached the OS. A session that ends without a frame
 * keeps an existing target untouched (the staging file is deleted) and otherwise is renamed into place as usual.
 */
public final class RecordingWriter implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RecordingWriter.class.getName());
    /**
     * The buffer goes to the OS (where a killed process cannot lose it) at least this often. 10 ms: a write(2)
     * per 10 ms costs nothing measurable, and kill -9 then loses about the pipeline's own latency
     * (bench/record-kill9.sh, docs/BENCHMARKS.md); 50 ms lost a median of 73 ms in issue 8's trials. The
     * property {@code tactus.recorder.writeEveryMs} exists for that benchmark's comparison only.
     */
    private static final long WRITE_EVERY_NS = Long.getLong("tactus.recorder.writeEveryMs", 10) * 1_000_000L;
    private static final long FORCE_EVERY_NS = 1_000_000_000L;
    private static final int BUFFER_BYTES = 1 << 20;
    private static final Object END = new Object();

    private record Corrupt(Corruption kind, int bytes, long hostNanos) {
    }

    private record Side(RecordType type, byte[] body) {
    }

    private record Command(long nextArrival, PipelineCommand command) {
    }

    /** A packet to write, or (packet == null) the place in the stream where {@code lostBytes} were lost. */
    private record Arrival(long arrival, TimedPacket packet, int lostBytes) {
    }

    private final Path file;
    /** Where the bytes go until the first frame is written (null: straight to {@code file}). */
    private final Path staging;
    private boolean placed;
    private boolean frameWritten;
    private final FileChannel channel;
    private final SessionMetadata metadata;
    private final long startHostNanos;
    private volatile long firstArrival = -1;
    private final long queueCapBytes;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicLong lostPackets = new AtomicLong();
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    private final RecordingIndex.Builder index = new RecordingIndex.Builder();
    private final Thread thread;
    private volatile boolean accepting = true;
    private volatile boolean active = true;
    private volatile String error;
    private volatile long bytesWritten;
    private volatile long packetsWritten;
    private volatile long lastHostNs;
    private long fileOffset;
    private long pendingLost;
    private long pendingLostBytes;
    private boolean firstPacketSeen;
    private long lastWriteNs;
    private long lastForceNs;
    private boolean dirtySinceForce;
    private final Consumer<RecordingStatus> onStopped;

    /**
     * Creates (or truncates) {@code file}, writes the header and metadata synchronously (so a bad path fails
     * here, with a message), and starts the writer thread.
     *
     * @param queueCapBytes bound of the queue between producers and the writer thread
     * @param onStopped     called once on the writer thread when it stops (normally or on error); may be null
     */
    public RecordingWriter(Path file, SessionMetadata metadata, long queueCapBytes,
                           Consumer<RecordingStatus> onStopped) throws IOException {
        this(file, stagingFor(file), metadata, queueCapBytes, onStopped);
    }

    private RecordingWriter(Path file, Path staging, SessionMetadata metadata, long queueCapBytes,
                            Consumer<RecordingStatus> onStopped) throws IOException {
        this(file, staging, open(file, staging), metadata, queueCapBytes, onStopped);
    }

    private static Path stagingFor(Path file) {
        String name = "." + file.getFileName() + "." + Long.toHexString(System.nanoTime() ^ ProcessHandle.current().pid())
                + ".part";
        return file.resolveSibling(name);
    }

    private static FileChannel open(Path file, Path staging) throws IOException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A rename at the first frame would replace a device node, a directory's entry or a FIFO.
            throw new IOException("cannot create recording " + file + ": not a regular file");
        }
        try {
            return FileChannel.open(staging, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot create recording " + file + ": " + IoReason.of(e), e);
        }
    }

    /** Writes to an already open channel (tests inject failing channels here). */
    RecordingWriter(Path file, FileChannel channel, SessionMetadata metadata, long queueCapBytes,
                    Consumer<RecordingStatus> onStopped) throws IOException {
        this(file, null, channel, metadata, queueCapBytes, onStopped);
    }

    private RecordingWriter(Path file, Path staging, FileChannel channel, SessionMetadata metadata,
                            long queueCapBytes, Consumer<RecordingStatus> onStopped) throws IOException {
        this.file = file;
        this.staging = staging;
        this.placed = staging == null;
        this.channel = channel;
        this.metadata = metadata;
        this.queueCapBytes = queueCapBytes;
        this.onStopped = onStopped;
        this.startHostNanos = System.nanoTime();
        try {
            buf.put(RecordingFormat.header());
            fileOffset = RecordingFormat.HEADER_BYTES;
            putSide(RecordType.METADATA, Json.bytes(metadata));
            writeBuffer();
            channel.force(false);
        } catch (IOException e) {
            closeQuietly();
            deleteStaging();
            throw new IOException("cannot write recording " + file + ": " + oneLine(e), e);
        }
        lastWriteNs = lastForceNs = System.nanoTime();
        thread = new Thread(this::run, "tactus-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    public Path file() {
        return file;
    }

    /** Host nanoTime at which the recording started (host times in the file are relative to it). */
    public long startHostNanos() {
        return startHostNanos;
    }

    /**
     * Enqueues a packet; never blocks. Call from one thread (the source's), in arrival order.
     *
     * @param arrival the producer's running packet number; {@link #offerCommand} positions refer to it
     * @return false if it was counted as lost (queue full or recording stopped)
     */
    public boolean offerPacket(long arrival, TimedPacket tp) {
        if (!accepting) {
            return false;
        }
        if (firstArrival < 0) {
            firstArrival = arrival;
        }
        int bytes = RecordingFormat.packetRecordBytes(tp.packet());
        if (queuedBytes.get() + bytes > queueCapBytes) {
            lostPackets.incrementAndGet();
            if (error == null) {
                error = "recorder queue full (" + (queueCapBytes >> 20) + " MB): the disk is too slow, packets lost";
                // INFO: the status carries the message and the caller shows it (once); a warning would print twice
                LOG.log(System.Logger.Level.INFO, error);
            }
            // Keep the ordinal consistent: the LOSS record that follows accounts for this packet.
            queue.offer(new Arrival(arrival, null, bytes));
            return false;
        }
        queuedBytes.addAndGet(bytes);
        queue.offer(new Arrival(arrival, tp, 0));
        return true;
    }

    public void offerCorrupt(Corruption kind, int bytes, long hostNanos) {
        if (accepting) {
            queue.offer(new Corrupt(kind, bytes, hostNanos));
        }
    }

    /** Appends a JSON side record (annotation, event). */
    public void offerAnnotation(Annotation a) {
        offerSide(RecordType.ANNOTATION, Json.bytes(a));
    }

    public void offerEvent(RecordedEvent e) {
        offerSide(RecordType.EVENT, Json.bytes(e));
    }

    /** A command applied by the processing thread before the packet with arrival number {@code nextArrival}. */
    public void offerCommand(long nextArrival, PipelineCommand command) {
        if (accepting) {
            queue.offer(new Command(nextArrival, command));
        }
    }

    private void offerSide(RecordType type, byte[] body) {
        if (accepting && body.length <= RecordingFormat.MAX_JSON_BODY) {
            queue.offer(new Side(type, body));
        }
    }

    public RecordingStatus status() {
        return new RecordingStatus(file, active, bytesWritten, packetsWritten,
                packetsWritten == 0 ? 0 : (lastHostNs - index.firstHostNs()) / 1e9, lostPackets.get(), error);
    }

    public boolean isActive() {
        return active;
    }

    /**
     * Stops accepting, writes what is queued, the index and the trailer, forces and closes. Waits at most
     * {@code timeoutMs} for the writer; returns the final status.
     */
    public RecordingStatus stop(long timeoutMs) {
        if (accepting) {
            accepting = false;
            queue.offer(END);
        }
        try {
            thread.join(timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            return new RecordingStatus(file, true, bytesWritten, packetsWritten, status().seconds(),
                    lostPackets.get(), "recorder still writing after " + timeoutMs + " ms");
        }
        return status();
    }

    @Override
    public void close() {
        stop(30_000);
    }

    private void run() {
        try {
            while (true) {
                Object item = queue.poll(WRITE_EVERY_NS, TimeUnit.NANOSECONDS);
                boolean end = false;
                while (item != null) {
                    if (item == END) {
                        end = true;
                        break;
                    }
                    encode(item);
                    item = queue.poll();
                }
                long now = System.nanoTime();
                if (end || buf.position() >= BUFFER_BYTES / 2 || now - lastWriteNs >= WRITE_EVERY_NS) {
                    writeLoss();
                    writeBuffer();
                    lastWriteNs = now;
                }
                if (dirtySinceForce && (end || now - lastForceNs >= FORCE_EVERY_NS)) {
                    channel.force(false);
                    lastForceNs = now;
                    dirtySinceForce = false;
                }
                if (end) {
                    writeIndexAndTrailer();
                    placeAtEnd();
                    break;
                }
            }
        } catch (IOException e) {
            error = "recording stopped: cannot write " + file + " (" + oneLine(e) + "); " + packetsWritten
                    + " packets saved" + (placed ? "" : " in " + staging) + ", live feedback continues";
            LOG.log(System.Logger.Level.INFO, error); // reported through status() / onStopped, shown once by the caller
            accepting = false;
            queue.clear();
            queuedBytes.set(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            active = false;
            closeQuietly();
            if (onStopped != null) {
                onStopped.accept(status());
            }
        }
    }

    private void encode(Object item) throws IOException {
        if (item instanceof Arrival a) {
            if (a.packet == null) {
                pendingLost++;
                pendingLostBytes += a.lostBytes;
                return;
            }
            TimedPacket tp = a.packet;
            int bytes = RecordingFormat.packetRecordBytes(tp.packet());
            queuedBytes.addAndGet(-bytes);
            writeLoss();
            if (!firstPacketSeen) {
                firstPacketSeen = true;
                writeSyntheticHello(tp);
            }
            putPacket(tp.hostNanos() - startHostNanos, tp.packet(), 0);
            frameWritten |= tp.packet().type().isFrame();
            lastHostNs = tp.hostNanos() - startHostNanos;
            packetsWritten++;
        } else if (item instanceof Corrupt c) {
            ByteBuffer body = ByteBuffer.allocate(13).order(ByteOrder.LITTLE_ENDIAN);
            body.putLong(c.hostNanos - startHostNanos).put((byte) c.kind.ordinal()).putInt(c.bytes).flip();
            ensure(RecordingFormat.RECORD_OVERHEAD + 13);
            RecordingFormat.putRecord(buf, RecordType.CORRUPT, 0, body);
            fileOffset += RecordingFormat.RECORD_OVERHEAD + 13;
            index.corrupt();
        } else if (item instanceof Side s) {
            putSide(s.type, s.body);
        } else if (item instanceof Command c) {
            // No packet offered yet: the command applies before the first recorded packet.
            long first = firstArrival;
            long before = first < 0 ? 0 : c.nextArrival - first;
            if (before >= 0) {
                putSide(RecordType.COMMAND, Json.bytes(new CommandRecord(before, c.command)));
            }
        }
    }

    /**
     * A recording started after the device's HELLO would not be self-contained: write the metadata descriptor as
     * a HELLO packet (flagged synthetic) just before the first packet, one sequence number earlier, at the same
     * device time, so a replay's assembler sees no gap and no reboot.
     */
    private void writeSyntheticHello(TimedPacket first) throws IOException {
        if (metadata.device() == null || first.packet().type() == PacketType.HELLO) {
            return;
        }
        Packet p = first.packet();
        Packet hello = new Packet(PacketType.HELLO, (p.seq() + 0xFFFF) & 0xFFFF, p.deviceTimeUs(),
                metadata.device().toJson());
        putPacket(first.hostNanos() - startHostNanos, hello, RecordingFormat.FLAG_SYNTHETIC);
    }

    private void putPacket(long hostNs, Packet p, int flags) throws IOException {
        int len = RecordingFormat.packetRecordBytes(p);
        ensure(len);
        index.packet(fileOffset, hostNs, p.type().fromDevice(), p.type().isFrame(), p.deviceTimeUs(),
                (flags & RecordingFormat.FLAG_SYNTHETIC) != 0);
        RecordingFormat.putPacket(buf, hostNs, p, flags);
        fileOffset += len;
    }

    private void writeLoss() throws IOException {
        if (pendingLost > 0) {
            long n = pendingLost;
            ByteBuffer body = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            body.putLong(lastHostNs).putLong(n).putLong(pendingLostBytes).flip();
            ensure(RecordingFormat.RECORD_OVERHEAD + 24);
            index.side(fileOffset);
            index.lost(n);
            RecordingFormat.putRecord(buf, RecordType.LOSS, 0, body);
            fileOffset += RecordingFormat.RECORD_OVERHEAD + 24;
            pendingLost = 0;
            pendingLostBytes = 0;
        }
    }

    private void putSide(RecordType type, byte[] json) throws IOException {
        ensure(RecordingFormat.RECORD_OVERHEAD + json.length);
        index.side(fileOffset);
        RecordingFormat.putRecord(buf, type, 0, ByteBuffer.wrap(json));
        fileOffset += RecordingFormat.RECORD_OVERHEAD + json.length;
    }

    private void writeIndexAndTrailer() throws IOException {
        ByteBuffer body = index.build().encode();
        long indexOffset = fileOffset;
        writeBuffer();
        ByteBuffer rec = ByteBuffer.allocate(RecordingFormat.RECORD_OVERHEAD + body.remaining())
                .order(ByteOrder.LITTLE_ENDIAN);
        RecordingFormat.putRecord(rec, RecordType.INDEX, 0, body);
        rec.flip();
        fileOffset += rec.remaining();
        writeFully(rec);
        ByteBuffer trailer = ByteBuffer.allocate(RecordingFormat.TRAILER_BODY).order(ByteOrder.LITTLE_ENDIAN);
        trailer.putLong(indexOffset).put(RecordingFormat.TRAILER_MAGIC).flip();
        RecordingFormat.putRecord(buf, RecordType.TRAILER, 0, trailer);
        fileOffset += RecordingFormat.TRAILER_BYTES;
        writeBuffer();
        channel.force(true);
    }

    private void ensure(int bytes) throws IOException {
        if (buf.remaining() < bytes) {
            writeBuffer();
        }
    }

    private void writeBuffer() throws IOException {
        buf.flip();
        writeFully(buf);
        buf.clear();
        if (!placed && frameWritten) {
            place();
        }
    }

    /** The first frame is in the file: it may now take the target's place (atomically where possible). */
    private void place() throws IOException {
        try {
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING);
        }
        placed = true;
    }

    /**
     * The session ended before any frame: a file already at the target (an earlier session given with
     * --force, an empty file from mktemp) stays as it was; otherwise what arrived (HELLO, device messages, or
     * nothing but the metadata) is put in place like any recording.
     */
    private void placeAtEnd() throws IOException {
        if (placed) {
            return;
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            deleteStaging();
            error = "no frame arrived: " + file + " was left as it was";
        } else {
            place();
        }
    }

    private void deleteStaging() {
        if (staging != null && !placed) {
            try {
                Files.deleteIfExists(staging);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot delete " + staging + ": " + oneLine(e));
            }
        }
    }

    private void writeFully(ByteBuffer b) throws IOException {
        int n = b.remaining();
        while (b.hasRemaining()) {
            channel.write(b);
        }
        if (n > 0) {
            bytesWritten += n;
            dirtySinceForce = true;
        }
    }

    private void closeQuietly() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "close failed", e);
        }
    }

    static String oneLine(Throwable e) {
        return IoReason.of(e);
    }
}
