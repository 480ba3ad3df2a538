package io.tactus.app;

import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.SourceState;
import io.tactus.device.SourceStatus;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only packet source: a HELLO for a rows x cols mat, then frames of one round contact moving in a circle
 * at {@code hz}. Synthetic test data for the app's own tests and benchmarks, not a simulator.
 */
public final class SyntheticSource implements PacketSource {

    private final int rows;
    private final int cols;
    private final double hz;
    private final Motion motion;
    private final AtomicLong packets = new AtomicLong();
    private volatile boolean running;
    private Thread thread;

    /** Where the contact is (in cells: column, row) at a time in seconds. */
    @FunctionalInterface
    public interface Motion {
        double[] at(double seconds);
    }

    public SyntheticSource(int rows, int cols, double hz) {
        this(rows, cols, hz, null);
    }

    /** @param motion where the contact goes; null for the default circle */
    public SyntheticSource(int rows, int cols, double hz, Motion motion) {
        this.rows = rows;
        this.cols = cols;
        this.hz = hz;
        this.motion = motion != null ? motion
                : t -> new double[] {cols / 2.0 + cols * 0.3 * Math.cos(2 * t), rows / 2.0 + rows * 0.3 * Math.sin(2 * t)};
    }

    public static DeviceDescriptor descriptor(int rows, int cols, double hz) {
        return new DeviceDescriptor(1, "SyntheticMat", "T1", "test", DeviceDescriptor.LAYOUT_GRID, rows, cols,
                new double[] {480.0 / cols, 560.0 / rows}, 12, hz, List.<DeviceDescriptor.Taxel>of(),
                DeviceDescriptor.CalibrationSpec.linear(0.25, 0));
    }

    /** Counts of a round contact of peak {@code peak} counts centred at (cx, cy) in cells. */
    public static int[] blob(int rows, int cols, double cx, double cy, double radius, int peak) {
        int[] counts = new int[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double d2 = (c - cx) * (c - cx) + (r - cy) * (r - cy);
                double v = peak * Math.exp(-d2 / (2 * radius * radius));
                counts[r * cols + c] = v < 4 ? 0 : (int) v;
            }
        }
        return counts;
    }

    @Override
    public String name() {
        return "synthetic " + rows + "x" + cols;
    }

    @Override
    public void start(PacketSink sink) {
        running = true;
        thread = new Thread(() -> run(sink), "synthetic-source");
        thread.setDaemon(true);
        thread.start();
    }

    private void run(PacketSink sink) {
        sink.onStatus(new SourceStatus(SourceState.CONNECTED, "synthetic"));
        int seq = 0;
        long periodNanos = (long) (1e9 / hz);
        long t0 = System.nanoTime();
        sink.onPacket(new TimedPacket(new Packet(PacketType.HELLO, seq++ & 0xFFFF, 0,
                descriptor(rows, cols, hz).toJson()), System.nanoTime()));
        for (long i = 0; running; i++) {
            double[] at = motion.at(i / hz);
            int[] counts = blob(rows, cols, at[0], at[1], Math.max(1.5, cols / 12.0), 600);
            long us = (long) (i * 1e6 / hz);
            sink.onPacket(new TimedPacket(new Packet(PacketType.FRAME_DENSE, seq++ & 0xFFFF, us & 0xFFFFFFFFL,
                    Payloads.dense(counts)), System.nanoTime()));
            packets.incrementAndGet();
            long next = t0 + (i + 1) * periodNanos;
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public LinkStats stats() {
        return new LinkStats(0, packets.get(), java.util.Map.of(), 0);
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
