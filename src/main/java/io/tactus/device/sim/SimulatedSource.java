package io.tactus.device.sim;

import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The embedded default device: plays a {@link ScenarioStream} on its own daemon thread, paced by device time.
 * Each packet is delivered when the wall clock reaches {@code start + elapsedDeviceTime / speed}, measured from
 * one start instant, so pacing never drifts (a late packet does not delay the next one's deadline). Honours
 * REQUEST_HELLO; START, STOP and SET_RATE are ignored (the simulated firmware always streams).
 */
public final class SimulatedSource implements PacketSource {

    private static final System.Logger LOG = System.getLogger(SimulatedSource.class.getName());
    /** Park until this close to the deadline, then spin: parkNanos overshoots by ~50-100 us on Linux. */
    private static final long SPIN_NANOS = 150_000;

    private final ScenarioStream stream;
    private final double speed;
    private final String name;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean ignoredCommandLogged = new AtomicBoolean();
    private volatile boolean closed;
    private volatile boolean helloRequested;
    private volatile long packets;
    private volatile long bytes;
    private volatile Thread thread;

    /** Real-time playback of a named scenario. */
    public SimulatedSource(String scenario, SimOptions options) {
        this(ScenarioStream.open(scenario, options), 1.0);
    }

    /**
     * @param speed device seconds per wall second (1 = real time; 10 = ten times faster;
     *              {@code Double.POSITIVE_INFINITY} = as fast as the sink takes them)
     */
    public SimulatedSource(ScenarioStream stream, double speed) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        this.stream = stream;
        this.speed = speed;
        this.name = "Simulated " + (stream.descriptor().isGlove() ? "glove" : "mat " + stream.descriptor().rows()
                + "x" + stream.descriptor().cols()) + " (" + stream.scenarioName() + ", "
                + fmt(stream.options().rateHz()) + " Hz)";
    }

    private static String fmt(double hz) {
        return hz == Math.rint(hz) ? Long.toString((long) hz) : Double.toString(hz);
    }

    @Override
    public String name() {
        return name;
    }

    public ScenarioStream stream() {
        return stream;
    }

    @Override
    public void start(PacketSink sink) {
        if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("simulated source already started");
        }
        if (closed) {
            sink.onStatus(new SourceStatus(SourceState.STOPPED, "simulator closed before start"));
            return;
        }
        Thread t = new Thread(() -> run(sink), "tactus-sim-" + stream.scenarioName());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void run(PacketSink sink) {
        sink.onStatus(new SourceStatus(SourceState.CONNECTED, name));
        long startNanos = System.nanoTime();
        String end = "scenario ended";
        try {
            while (!closed) {
                if (helloRequested) {
                    helloRequested = false;
                    stream.requestHello();
                }
                Packet p = stream.next();
                if (p == null) {
                    break;
                }
                if (!sleepUntil(startNanos + deadlineNanos(stream.elapsedUs()))) {
                    end = "simulator closed";
                    break;
                }
                sink.onPacket(new TimedPacket(p, System.nanoTime()));
                packets++;
                bytes += PacketEncoder.encode(p).length;
            }
            if (closed) {
                end = "simulator closed";
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "simulator stopped: " + e, e);
            sink.onStatus(new SourceStatus(SourceState.FAILED, "simulator failed: " + e.getMessage()));
            return;
        }
        sink.onStatus(new SourceStatus(SourceState.STOPPED, end));
    }

    private long deadlineNanos(long elapsedUs) {
        if (Double.isInfinite(speed)) {
            return 0;
        }
        return (long) (elapsedUs * 1000.0 / speed);
    }

    /** @return false if closed while waiting */
    private boolean sleepUntil(long deadline) {
        while (!closed) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return true;
            }
            if (left > SPIN_NANOS) {
                LockSupport.parkNanos(left - SPIN_NANOS);
            } else {
                Thread.onSpinWait();
            }
        }
        return false;
    }

    @Override
    public void send(Packet command) {
        if (command.type() == PacketType.REQUEST_HELLO) {
            helloRequested = true;
        } else if (ignoredCommandLogged.compareAndSet(false, true)) {
            LOG.log(System.Logger.Level.INFO, "simulator ignores " + command.type() + " (logged once)");
        }
    }

    @Override
    public LinkStats stats() {
        return new LinkStats(bytes, packets, Map.of(), 0);
    }

    /** Stops the thread promptly (it is parked at most until its next deadline, and unparked here); idempotent. */
    @Override
    public void close() {
        closed = true;
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            LockSupport.unpark(t);
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
