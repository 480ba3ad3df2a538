package io.tactus.device.serial;

import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketDecoder;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays a device on a serial port: writes a packet stream paced by the packets' own device time, and answers
 * the host's commands (REQUEST_HELLO re-sends the descriptor, STOP pauses, START resumes, SET_RATE is answered
 * with a LOG packet because a recorded or scripted stream has a fixed rate). Packets it adds (a repeated HELLO,
 * a LOG) reuse the last sequence number, which a receiver reads as a repeat, not as a gap.
 *
 * <p>When the host does not read (nobody has the other end open), writes block; the pacing then restarts
 * from "now" instead of bursting the backlog, and such stalls are counted.
 */
public final class SerialDeviceEmulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SerialDeviceEmulator.class.getName());
    private static final long TIME_MOD = 1L << 32;
    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /** The packets to play, in device-time order. */
    @FunctionalInterface
    public interface PacketStream {
        /** @return the next packet, or null at the end */
        Packet next();

        /**
         * The host sent REQUEST_HELLO. Return true if the stream will emit a HELLO itself (with its own sequence
         * number); false to let the emulator repeat the last HELLO with the last sequence number.
         */
        default boolean requestHello() {
            return false;
        }
    }

    /** What a run did. */
    public record Result(long packets, long frames, long bytes, double seconds, long stalls, long commands,
                         boolean streamEnded, String vanished) {

        /** The port went away mid-stream (the reason), or null. */
        public boolean portVanished() {
            return vanished != null;
        }
    }

    private final String path;
    private final SerialChannel channel;
    private final Thread commandReader;
    private final AtomicLong commands = new AtomicLong();
    private volatile boolean gone;
    private volatile boolean stopped;
    private volatile boolean paused;
    private volatile boolean helloRequested;
    private volatile int rateRequested = -1;
    /** Wall-clock end of the current run (nanoTime), for the watchdog. */
    private volatile long deadline = Long.MAX_VALUE;
    /** nanoTime when run() entered a write, 0 when not writing. */
    private volatile long writeStartedNanos;
    /** The watchdog closed the port to release a blocked write at stop / end of run. */
    private volatile boolean abandoned;

    private SerialDeviceEmulator(String path, SerialChannel channel) {
        this.path = path;
        this.channel = channel;
        this.commandReader = new Thread(this::readCommands, "emulator-commands " + path);
        commandReader.setDaemon(true);
        commandReader.start();
    }

    /**
     * Opens {@code path} (a serial port or one end of a socat pty pair).
     *
     * @throws PortException with a one-line reason if it is not a usable serial port
     */
    public static SerialDeviceEmulator open(String path, SerialOptions options) throws PortException {
        return new SerialDeviceEmulator(path, new JSerialCommConnector(options).open(path));
    }

    static SerialDeviceEmulator over(String path, SerialChannel channel) {
        return new SerialDeviceEmulator(path, channel);
    }

    /** Ends {@link #run} soon (from any thread, e.g. a shutdown hook). */
    public void stop() {
        stopped = true;
    }

    /** Commands received from the host so far (a connected host sends REQUEST_HELLO + START at once). */
    public long commandsReceived() {
        return commands.get();
    }

    /** The host sent STOP and no START since. */
    public boolean paused() {
        return paused;
    }

    /**
     * Streams until the stream ends ({@code next()} returns null), {@code maxNanos} of wall time pass, or
     * {@link #stop()}, or the port vanishes ({@link Result#vanished()}). Runs on the caller's thread.
     */
    public Result run(PacketStream stream, long maxNanos) {
        long start = System.nanoTime();
        long end = maxNanos == Long.MAX_VALUE ? Long.MAX_VALUE : start + maxNanos;
        deadline = end;
        long packets = 0;
        long frames = 0;
        long bytes = 0;
        long stalls = 0;
        Packet hello = null;
        Packet last = null;
        long lastRawTime = -1;
        long deviceUs = 0;
        long originWall = 0;
        long originUs = 0;
        boolean ended = false;
        String vanished = null;
        try {
            while (!stopped && System.nanoTime() < end) {
                Packet p = stream.next();
                if (p == null) {
                    ended = true;
                    break;
                }
                deviceUs += lastRawTime < 0 ? 0 : Math.floorMod(p.deviceTimeUs() - lastRawTime, TIME_MOD);
                lastRawTime = p.deviceTimeUs();
                if (last == null) {
                    originWall = System.nanoTime();
                    originUs = deviceUs;
                }
                long due = originWall + (deviceUs - originUs) * 1000;
                // Wait for the packet's moment, answering commands; a STOP holds the clock.
                while (true) {
                    if (stopped || System.nanoTime() >= end) {
                        break;
                    }
                    if (last != null) {
                        bytes += answerCommands(stream, hello, last, end);
                    }
                    if (paused) {
                        long pauseStart = System.nanoTime();
                        LockSupport.parkNanos(POLL_NANOS);
                        long pausedFor = System.nanoTime() - pauseStart;
                        originWall += pausedFor;
                        due += pausedFor;
                        continue;
                    }
                    long wait = due - System.nanoTime();
                    if (wait <= 0) {
                        break;
                    }
                    LockSupport.parkNanos(Math.min(wait, POLL_NANOS));
                }
                if (stopped || System.nanoTime() >= end) {
                    break;
                }
                bytes += write(p, end);
                packets++;
                if (p.type().isFrame()) {
                    frames++;
                }
                if (p.type() == PacketType.HELLO) {
                    hello = p;
                }
                last = p;
                long lag = System.nanoTime() - due;
                if (lag > MAX_LAG_NANOS) {
                    // The host stopped reading and the write blocked: carry on from now rather than burst a backlog.
                    stalls++;
                    originWall += lag;
                }
            }
        } catch (PortException e) {
            vanished = e.getMessage();
        }
        return new Result(packets, frames, bytes, (System.nanoTime() - start) / 1e9, stalls, commands.get(), ended,
                vanished);
    }

    private long answerCommands(PacketStream stream, Packet hello, Packet last, long end) throws PortException {
        long bytes = 0;
        if (helloRequested) {
            helloRequested = false;
            if (!stream.requestHello() && hello != null) {
                bytes += write(new Packet(PacketType.HELLO, last.seq(), last.deviceTimeUs(), hello.payload()), end);
            }
        }
        int rate = rateRequested;
        if (rate >= 0) {
            rateRequested = -1;
            String text = "SET_RATE " + rate + " Hz ignored: this simulated stream has a fixed rate";
            bytes += write(new Packet(PacketType.LOG, last.seq(), last.deviceTimeUs(),
                    text.getBytes(StandardCharsets.UTF_8)), end);
        }
        return bytes;
    }

    /** Writes the whole packet unless the port vanishes, {@link #stop()} is called or {@code end} passes. */
    private int write(Packet p, long end) throws PortException {
        byte[] wire = PacketEncoder.encode(p);
        int off = 0;
        while (off < wire.length) {
            if (abandoned || stopped || System.nanoTime() >= end) {
                return off;
            }
            if (gone) {
                throw new PortException(PortException.Reason.NOT_FOUND, path + " vanished");
            }
            int n;
            writeStartedNanos = System.nanoTime() | 1;
            if (off == 0) {
                n = channel.write(wire, wire.length);
            } else {
                byte[] rest = java.util.Arrays.copyOfRange(wire, off, wire.length);
                n = channel.write(rest, rest.length);
            }
            writeStartedNanos = 0;
            if (n < 0) {
                gone = true;
            } else if (n == 0) {
                // Nothing taken: the host is not reading, or the port just vanished (the command reader
                // sees -1 and sets gone). Never spin on it.
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            } else {
                off += n;
            }
        }
        return wire.length;
    }

    private void readCommands() {
        PacketDecoder decoder = new PacketDecoder(this::onCommand);
        byte[] buf = new byte[4096];
        while (!stopped && !gone && !abandoned) {
            int n = channel.read(buf);
            if (n < 0) {
                gone = true;
                return;
            }
            decoder.feed(buf, 0, Math.max(n, 0));
            // Watchdog: on Linux a write to a port nobody reads blocks in the driver for good (jSerialComm's
            // write timeout only works on Windows). At stop or the end of the run, closing releases it.
            if (writeStartedNanos != 0 && (stopped || System.nanoTime() >= deadline)) {
                abandoned = true;
                channel.close();
                return;
            }
        }
        if (stopped && writeStartedNanos != 0) {
            abandoned = true;
            channel.close();
        }
    }

    private void onCommand(Packet p) {
        commands.incrementAndGet();
        switch (p.type()) {
            case REQUEST_HELLO -> helloRequested = true;
            case STOP -> paused = true;
            case START -> paused = false;
            case SET_RATE -> rateRequested = Math.max(0, Payloads.decodeSetRate(p.payload()));
            default -> LOG.log(System.Logger.Level.DEBUG, "ignored " + p.type() + " from the host");
        }
    }

    @Override
    public void close() {
        stopped = true;
        try {
            commandReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channel.close();
    }
}
