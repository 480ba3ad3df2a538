package io.tactus.device.serial;

import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketDecoder;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A device on a serial port. One reader thread per port does semi-blocking reads (100 ms timeout), stamps
 * {@link System#nanoTime()} on each chunk as it leaves the driver, decodes it and calls the sink, all on
 * the same thread.
 *
 * <p><b>The sink must not block.</b> Anything it does delays the next read; a consumer that may be slow hands
 * the packet to a bounded queue and returns. If the sink throws, the packet is counted as lost to the
 * consumer ({@link #sinkErrors()}) and reading goes on.
 *
 * <p>Commands ({@link #send}) go through a small queue to a second thread, the writer: a Linux write to a
 * device that stopped reading blocks in the driver for good (jSerialComm's write timeout works only on
 * Windows), so no caller and never the reader may make it. The reader watches the writer: a write stuck for
 * more than the write timeout counts as the port being gone, and closing the port releases the writer.
 *
 * <p><b>Unplug.</b> A read of -1, a short or stuck write, or an open that fails after the port worked means the port
 * is gone (jSerialComm keeps {@code isOpen()} true after an unplug, so it is never consulted). The source
 * closes the port itself, reports {@link SourceState#RECONNECTING}, and retries with back-off (100 ms
 * doubling to 2 s) until the device returns: at the typed path, or for a USB device wherever the device with
 * the same USB serial number (or a unique VID:PID) appears, never a different adapter that took the old path.
 * Each connection gets a fresh decoder; counters run on. REQUEST_HELLO and START are sent after every
 * (re)connect unless text mode is forced.
 *
 * <p>A first open that fails (no such port, not a serial port, permission denied) is final:
 * {@link SourceState#FAILED} with a one-line reason.
 */
public final class SerialPacketSource implements PacketSource {

    private static final System.Logger LOG = System.getLogger(SerialPacketSource.class.getName());
    private static final long MIN_ZERO_READ_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long SPIN_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final int OUTBOX = 64;

    private final String typedPath;
    private final SerialOptions options;
    private final SerialConnector connector;
    private final StreamDecoder.Factory decoders;
    private final Object wake = new Object();
    private final BlockingQueue<Packet> outbox = new ArrayBlockingQueue<>(OUTBOX);
    private final AtomicLong commandsDropped = new AtomicLong();
    private final AtomicLongArray corrupt = new AtomicLongArray(Corruption.values().length);
    private final AtomicInteger hostSeq = new AtomicInteger();
    private final long startNanos = System.nanoTime();
    private final PacketDecoder.Sink decoderSink = new DecoderSink();
    private final Set<Corruption> loggedKinds = EnumSet.noneOf(Corruption.class);

    // Written by the reader thread only, read by any thread.
    private volatile long bytes;
    private volatile long packets;
    private volatile long reconnects;
    private volatile long sinkErrors;
    private volatile String currentPath;
    private volatile String deviceLabel = "";
    private volatile SourceStatus status;

    private volatile boolean closed;
    private volatile boolean writeFailed;
    /** nanoTime when the writer thread entered a write, 0 when it is not writing. */
    private volatile long writeStartedNanos;
    private volatile SerialChannel channel;
    private Thread thread;
    private Thread writer;
    private PacketSink sink;
    // Reader thread only.
    private long chunkNanos;
    private DeviceIdentity identity;
    private boolean sinkErrorLogged;

    /** A source on {@code path} (a discovered port's path or any path the user typed, e.g. a pty). */
    public SerialPacketSource(String path, SerialOptions options) {
        this(path, options, new JSerialCommConnector(options), new StandardDecoders());
    }

    SerialPacketSource(String path, SerialOptions options, SerialConnector connector, StreamDecoder.Factory decoders) {
        this.typedPath = path;
        this.currentPath = path;
        this.options = options;
        this.connector = connector;
        this.decoders = decoders;
        this.status = new SourceStatus(SourceState.CONNECTING, "not started");
    }

    @Override
    public String name() {
        String label = deviceLabel;
        return label.isEmpty() ? currentPath : currentPath + " (" + label + ")";
    }

    @Override
    public synchronized void start(PacketSink packetSink) {
        if (thread != null) {
            throw new IllegalStateException("source already started");
        }
        this.sink = packetSink;
        thread = new Thread(this::run, "serial-reader " + typedPath);
        thread.setDaemon(true);
        writer = new Thread(this::writeLoop, "serial-writer " + typedPath);
        writer.setDaemon(true);
        thread.start();
        writer.start();
    }

    /** The latest status (also delivered to the sink's onStatus when it changes). */
    public SourceStatus status() {
        return status;
    }

    /** Packets the sink threw on (lost to the consumer, not to the link). */
    public long sinkErrors() {
        return sinkErrors;
    }

    @Override
    public LinkStats stats() {
        Map<Corruption, Long> m = new EnumMap<>(Corruption.class);
        for (Corruption c : Corruption.values()) {
            long n = corrupt.get(c.ordinal());
            if (n > 0) {
                m.put(c, n);
            }
        }
        return new LinkStats(bytes, packets, m, reconnects);
    }

    /**
     * Queues a host-to-device command and returns at once (safe on a UI thread). The source's writer thread
     * numbers the packets of its direction itself (one counter, shared with the handshake), so the argument's
     * seq and time are replaced. Commands while disconnected, or beyond 64 waiting, are dropped and counted
     * ({@link #commandsDropped()}); the handshake after a reconnect re-requests HELLO and START anyway.
     * A write that does not complete within the write timeout (a device that stopped reading) counts as the
     * port being gone.
     */
    @Override
    public void send(Packet command) {
        if (!outbox.offer(command)) {
            commandsDropped.incrementAndGet();
        }
    }

    /** Commands that were never written (queue full or no connection at the time). */
    public long commandsDropped() {
        return commandsDropped.get();
    }

    @Override
    public void close() {
        closed = true;
        synchronized (wake) {
            wake.notifyAll();
        }
        Thread t;
        Thread w;
        synchronized (this) {
            t = thread;
            w = writer;
        }
        if (w != null && w != Thread.currentThread()) {
            try {
                w.join(options.readTimeoutMs() + 2000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(options.readTimeoutMs() + 2000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "serial reader for " + typedPath + " did not stop in time");
            }
        }
    }

    // ---------------------------------------------------------------- reader thread

    private void run() {
        Backoff backoff = new Backoff(options.backoffMin(), options.backoffMax());
        byte[] buf = new byte[64 * 1024];
        boolean connectedOnce = false;
        setStatus(SourceState.CONNECTING, "opening " + typedPath);
        try {
            while (!closed) {
                SerialChannel ch;
                try {
                    ch = connect(connectedOnce);
                } catch (PortException e) {
                    if (!connectedOnce) {
                        setStatus(SourceState.FAILED, e.getMessage());
                        return;
                    }
                    pause(backoff.nextNanos());
                    continue;
                }
                if (connectedOnce) {
                    reconnects++;
                }
                backoff.reset();
                writeFailed = false;
                outbox.clear(); // commands meant for the previous connection
                channel = ch;
                setStatus(SourceState.CONNECTED, currentPath + (connectedOnce ? " reconnected" : " connected")
                        + " (" + options.format() + ")");
                connectedOnce = true;
                if (options.handshake() && options.format().mode() != WireFormat.Mode.TEXT) {
                    send(new Packet(PacketType.REQUEST_HELLO, 0, 0, new byte[0]));
                    send(new Packet(PacketType.START, 0, 0, new byte[0]));
                }
                String gone = pump(ch, buf);
                closeChannel();
                if (gone == null || closed) {
                    break;
                }
                setStatus(SourceState.RECONNECTING, currentPath + " vanished (" + gone + "); reconnecting");
                pause(backoff.nextNanos());
            }
        } catch (DecoderFailure e) {
            setStatus(SourceState.FAILED, e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "serial reader for " + typedPath + " stopped", e);
            setStatus(SourceState.FAILED, "serial reader stopped: " + e);
        } finally {
            closeChannel();
            if (status.state() != SourceState.FAILED) {
                setStatus(SourceState.STOPPED, currentPath + " closed");
            }
        }
    }

    private SerialChannel connect(boolean connectedOnce) throws PortException {
        String target = typedPath;
        if (connectedOnce && identity != null) {
            List<PortInfo> ports = connector.ports();
            DeviceIdentity id = identity;
            target = DeviceIdentity.resolve(typedPath, id, SerialPorts.find(typedPath, ports), ports)
                    .orElseThrow(() -> new PortException(PortException.Reason.NOT_FOUND, id + " not present"));
        }
        SerialChannel ch = connector.open(target);
        if (!connectedOnce) {
            identity = DeviceIdentity.of(SerialPorts.find(target, connector.ports())).orElse(null);
            if (identity != null) {
                LOG.log(System.Logger.Level.DEBUG, typedPath + " is USB device " + identity);
            }
        }
        currentPath = target;
        return ch;
    }

    /** Reads until the port is gone (returns why) or the source is closed (returns null). */
    private String pump(SerialChannel ch, byte[] buf) {
        StreamDecoder decoder;
        try {
            decoder = decoders.create(options.format(), decoderSink, this::notice);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            throw new DecoderFailure(e.getMessage());
        }
        int quickZeros = 0;
        while (!closed) {
            long before = System.nanoTime();
            int n = ch.read(buf);
            long now = System.nanoTime();
            if (n < 0) {
                return "read failed";
            }
            if (writeFailed) {
                return "write failed";
            }
            long ws = writeStartedNanos;
            if (ws != 0 && now - ws > TimeUnit.MILLISECONDS.toNanos(options.writeTimeoutMs())) {
                // jSerialComm's write timeout only works on Windows: a device that stopped reading blocks the
                // writer for good. Closing the port (below) releases it.
                return "write stuck for " + options.writeTimeoutMs() + " ms";
            }
            if (n == 0) {
                // A driver that returns "nothing" at once instead of waiting would make this loop spin a core.
                if (now - before < MIN_ZERO_READ_NANOS && ++quickZeros >= 3) {
                    pause(SPIN_PAUSE_NANOS);
                }
                continue;
            }
            quickZeros = 0;
            chunkNanos = now;
            bytes += n;
            try {
                decoder.feed(buf, 0, n);
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                throw new DecoderFailure(e.getMessage());
            }
        }
        return null;
    }

    private void closeChannel() {
        // No lock: closing is what releases a writer blocked in the driver (its write then returns -1).
        SerialChannel ch = channel;
        channel = null;
        if (ch != null) {
            ch.close();
        }
    }

    // ---------------------------------------------------------------- writer thread

    private void writeLoop() {
        while (!closed) {
            Packet command;
            try {
                command = outbox.poll(options.readTimeoutMs(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (command == null) {
                continue;
            }
            SerialChannel ch = channel;
            if (ch == null) {
                commandsDropped.incrementAndGet();
                continue;
            }
            long timeUs = ((System.nanoTime() - startNanos) / 1000) & 0xFFFF_FFFFL;
            Packet p = new Packet(command.type(), hostSeq.getAndIncrement() & 0xFFFF, timeUs, command.payload());
            byte[] wire = PacketEncoder.encode(p);
            writeStartedNanos = System.nanoTime() | 1;
            int n = ch.write(wire, wire.length);
            writeStartedNanos = 0;
            if (n < wire.length && ch == channel) {
                writeFailed = true;
            }
        }
    }

    private void pause(long nanos) {
        long end = System.nanoTime() + nanos;
        synchronized (wake) {
            long left;
            while (!closed && (left = end - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(wake, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    private void notice(String message) {
        setStatus(status.state(), message);
    }

    private void setStatus(SourceState state, String message) {
        SourceStatus s = new SourceStatus(state, message);
        if (s.equals(status)) {
            return;
        }
        status = s;
        // DEBUG: every status goes to the sink, which decides what the user sees.
        LOG.log(System.Logger.Level.DEBUG, "serial " + state + ": " + message);
        try {
            sink.onStatus(s);
        } catch (RuntimeException e) {
            sinkFailed(e);
        }
    }

    private void sinkFailed(RuntimeException e) {
        sinkErrors++;
        if (!sinkErrorLogged) {
            sinkErrorLogged = true;
            LOG.log(System.Logger.Level.ERROR, "packet sink threw; the packet is lost to the consumer (logged once)", e);
        }
    }

    private final class DecoderSink implements PacketDecoder.Sink {
        @Override
        public void onPacket(Packet p) {
            packets++;
            if (p.type() == PacketType.HELLO) {
                noteHello(p);
            }
            try {
                sink.onPacket(new TimedPacket(p, chunkNanos));
            } catch (RuntimeException e) {
                sinkFailed(e);
            }
        }

        @Override
        public void onCorrupt(Corruption kind, int n) {
            corrupt.incrementAndGet(kind.ordinal());
            if (loggedKinds.add(kind)) {
                LOG.log(System.Logger.Level.INFO, typedPath + ": corrupt input (" + kind
                        + "), skipped; further ones are only counted");
            }
            try {
                sink.onCorrupt(kind, n);
            } catch (RuntimeException e) {
                sinkFailed(e);
            }
        }
    }

    private void noteHello(Packet p) {
        try {
            DeviceDescriptor d = DeviceDescriptor.parse(p.payload());
            String label = (d.device() == null ? "" : d.device()) + (d.serial() == null ? "" : " #" + d.serial());
            deviceLabel = label.trim();
        } catch (DeviceDescriptor.DescriptorException e) {
            // The frame assembler counts and reports a bad HELLO; the label just stays as it was.
        }
    }

    /** The configured decoder cannot run (e.g. text mode without a usable size): final, one line. */
    private static final class DecoderFailure extends RuntimeException {
        DecoderFailure(String message) {
            super(message, null, false, false);
        }
    }
}
