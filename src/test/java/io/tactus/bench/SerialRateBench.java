package io.tactus.bench;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.PacketSink;
import io.tactus.device.RawFrame;
import io.tactus.device.SourceState;
import io.tactus.device.TimedPacket;
import io.tactus.device.serial.SerialDeviceEmulator;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SerialPacketSource;
import io.tactus.device.serial.SocatPair;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained device rate over a socat pty pair: {@link SerialDeviceEmulator} (the code behind
 * {@code tactus simulate}) streams 32x32 dense frames paced at 1,000 Hz of device time into one end; a
 * {@link SerialPacketSource} reads the other end and hands packets through a bounded queue to a
 * {@link FrameAssembler} on its own thread, as the live app does. Loss is counted three ways: sequence gaps,
 * frames sent minus frames assembled, and packets refused by the full queue.
 *
 * <p>Run: {@code bench/serial.sh rate [--rate HZ] [--seconds S] [--rows R --cols C]} (docs/benchmarks/device.md).
 */
public final class SerialRateBench {

    private SerialRateBench() {
    }

    public static void main(String[] args) throws Exception {
        double rate = SerialLatencyBench.doubleArg(args, "--rate", 1000);
        double seconds = SerialLatencyBench.doubleArg(args, "--seconds", 30);
        int rows = (int) SerialLatencyBench.doubleArg(args, "--rows", 32);
        int cols = (int) SerialLatencyBench.doubleArg(args, "--cols", 32);
        DeviceDescriptor grid = new DeviceDescriptor(1, "RateBench", "R-1", "1.0", "grid", rows, cols,
                new double[] {12.5, 18.75}, 12, rate, null, null);
        Path dir = Files.createTempDirectory("tactus-rate");

        BlockingQueue<TimedPacket> queue = new ArrayBlockingQueue<>(16_384);
        AtomicLong queueFull = new AtomicLong();
        AtomicLong framesOk = new AtomicLong();
        AtomicLong contentErrors = new AtomicLong();
        FrameAssembler assembler = new FrameAssembler(new FrameListener() {
            @Override
            public void onFrame(RawFrame f) {
                // Cell 0 carries the low 16 bits of the frame number, which also sets its device time: proves the
                // payload is the one that was sent with that header.
                long i = Math.round(f.deviceTimeUs() * rate / 1e6);
                if (f.counts()[0] != (int) (i & 0xFFFF) || f.counts()[(int) (i % (f.counts().length - 1)) + 1] != i % 4096) {
                    contentErrors.incrementAndGet();
                }
                framesOk.incrementAndGet();
            }
        });
        PacketSink sink = new PacketSink() {
            @Override
            public void onPacket(TimedPacket p) {
                if (!queue.offer(p)) {
                    queueFull.incrementAndGet();
                }
            }
        };
        Thread consumer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    TimedPacket p = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (p != null) {
                        assembler.accept(p);
                    }
                }
            } catch (InterruptedException e) {
                // done
            }
        }, "bench-consumer");

        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(), SerialOptions.defaults());
             SerialDeviceEmulator device = SerialDeviceEmulator.open(pair.a().toString(), SerialOptions.defaults())) {
            consumer.start();
            source.start(sink);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (source.status().state() != SourceState.CONNECTED && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            Thread reader = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("serial-reader ")).findFirst().orElseThrow();
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getThreadCpuTime(reader.getId());
            SerialDeviceEmulator.Result r = device.run(frames(grid, rate), (long) (seconds * 1e9) + 1);
            // Let the last frames drain through the pty and the queue.
            long drainEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (framesOk.get() + assembler.dropped() < r.frames() && System.nanoTime() < drainEnd) {
                Thread.sleep(10);
            }
            Thread.sleep(200);
            long cpuMs = (mx.getThreadCpuTime(reader.getId()) - cpu0) / 1_000_000;
            consumer.interrupt();
            consumer.join();
            long lost = r.frames() - framesOk.get();
            System.out.printf("sustained rate over a pty: %dx%d dense frames paced at %.0f Hz for %.1f s%n",
                    rows, cols, rate, r.seconds());
            System.out.printf("sent %d frames (%.1f Hz achieved, %.2f MB/s, %d times the writer ran >100 ms late)%n", r.frames(),
                    r.frames() / r.seconds(), r.bytes() / r.seconds() / 1e6, r.stalls());
            System.out.printf("received %d frames: lost %d, sequence gaps %d, corrupt %d, queue full %d,"
                            + " content errors %d%n", framesOk.get(), lost, assembler.dropped(),
                    source.stats().corruptTotal() + assembler.badPayload(), queueFull.get(), contentErrors.get());
            System.out.printf("serial reader thread CPU: %d ms over %.1f s (%.1f %% of one core)%n", cpuMs,
                    r.seconds(), cpuMs / 10.0 / r.seconds());
            System.out.println(lost == 0 && assembler.dropped() == 0 ? "ZERO LOSS" : "LOSS");
        }
    }

    private static SerialDeviceEmulator.PacketStream frames(DeviceDescriptor grid, double rate) {
        long[] k = {0};
        byte[] hello = grid.toJson();
        int[] counts = new int[grid.cellCount()];
        return () -> {
            long i = k[0]++;
            if (i == 0) {
                return new Packet(PacketType.HELLO, 0, 0, hello);
            }
            counts[0] = (int) (i & 0xFFFF);
            counts[(int) (i % (counts.length - 1)) + 1] = (int) (i % 4096);
            long timeUs = Math.round(i * 1e6 / rate) & 0xFFFF_FFFFL;
            return new Packet(PacketType.FRAME_DENSE, (int) (i & 0xFFFF), timeUs, Payloads.dense(counts));
        };
    }
}
