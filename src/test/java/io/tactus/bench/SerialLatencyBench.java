package io.tactus.bench;

import com.fazecast.jSerialComm.SerialPort;
import io.tactus.device.PacketSink;
import io.tactus.device.SourceState;
import io.tactus.device.TimedPacket;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SerialPacketSource;
import io.tactus.device.serial.SocatPair;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Serial-to-decoded-packet latency over a socat pty pair, end to end through jSerialComm on both sides.
 * The writer stamps {@link System#nanoTime()} into cells 0-3 of a 32x32 dense frame just before encoding
 * and writing it; the sink of a {@link SerialPacketSource} on the other end reads the clock again when the
 * decoded packet arrives (same JVM, same clock). Reported: write-to-sink (the figure that matters) and
 * write-to-read-stamp (the {@code TimedPacket.hostNanos} the reader puts on the chunk).
 *
 * <p>Run: {@code bench/serial.sh latency [--rate HZ] [--count N] [--warmup N]} (see docs/benchmarks/device.md).
 */
public final class SerialLatencyBench {

    private SerialLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        double rate = doubleArg(args, "--rate", 500);
        int count = (int) doubleArg(args, "--count", 10_000);
        int warmup = (int) doubleArg(args, "--warmup", 2_000);
        int rows = 32;
        int cols = 32;
        Path dir = Files.createTempDirectory("tactus-latency");
        long[] toSink = new long[count];
        long[] toStamp = new long[count];
        long[] decode = new long[count];
        AtomicInteger got = new AtomicInteger();
        long[] lastIndex = {0};
        CountDownLatch done = new CountDownLatch(1);
        int total = warmup + count;
        PacketSink sink = new PacketSink() {
            @Override
            public void onPacket(TimedPacket tp) {
                long now = System.nanoTime();
                Packet p = tp.packet();
                if (p.type() != PacketType.FRAME_DENSE) {
                    return;
                }
                byte[] b = p.payload();
                long sent = 0;
                for (int i = 3; i >= 0; i--) {
                    sent = (sent << 16) | ((b[2 * i] & 0xFF) | (b[2 * i + 1] & 0xFF) << 8);
                }
                // Unwrap the 16-bit sequence number into the writer's packet index.
                int n = got.incrementAndGet();
                long k = lastIndex[0] + Math.floorMod(p.seq() - (int) (lastIndex[0] & 0xFFFF), 65536);
                lastIndex[0] = k;
                if (k >= warmup && k - warmup < count) {
                    toSink[(int) (k - warmup)] = now - sent;
                    toStamp[(int) (k - warmup)] = tp.hostNanos() - sent;
                    decode[(int) (k - warmup)] = now - tp.hostNanos();
                }
                if (n == total) {
                    done.countDown();
                }
            }
        };
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(),
                     SerialOptions.defaults().withHandshake(false))) {
            source.start(sink);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (source.status().state() != SourceState.CONNECTED && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            SerialPort out = SerialPort.getCommPort(pair.a().toString());
            out.setComPortTimeouts(SerialPort.TIMEOUT_WRITE_BLOCKING, 0, 1000);
            if (!out.openPort()) {
                throw new IllegalStateException("cannot open " + pair.a());
            }
            int[] counts = new int[rows * cols];
            for (int i = 4; i < counts.length; i++) {
                counts[i] = (i * 37) & 0xFFF;
            }
            long period = (long) (1e9 / rate);
            long next = System.nanoTime();
            for (int k = 0; k < total; k++) {
                while (System.nanoTime() < next) {
                    LockSupport.parkNanos(next - System.nanoTime());
                }
                next += period;
                long sent = System.nanoTime();
                for (int i = 0; i < 4; i++) {
                    counts[i] = (int) (sent >>> (16 * i)) & 0xFFFF;
                }
                byte[] wire = PacketEncoder.encode(new Packet(PacketType.FRAME_DENSE, k & 0xFFFF,
                        (k * (long) (1e6 / rate)) & 0xFFFF_FFFFL, Payloads.dense(counts)));
                if (out.writeBytes(wire, wire.length) != wire.length) {
                    throw new IllegalStateException("short write on " + pair.a());
                }
            }
            boolean complete = done.await(30, TimeUnit.SECONDS);
            out.closePort();
            System.out.printf("serial latency over a pty: %d x %dx%d dense frames at %.0f Hz (after %d warm-up)%n",
                    count, rows, cols, rate, warmup);
            System.out.printf("received %d of %d%s%n", got.get(), total, complete ? "" : " (INCOMPLETE)");
            print("write -> decoded packet at the sink", toSink);
            print("write -> reader's chunk stamp     ", toStamp);
            print("chunk stamp -> sink (decode)      ", decode);
        }
    }

    private static void print(String what, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        System.out.printf("%s  p50 %7.3f ms  p90 %7.3f ms  p99 %7.3f ms  p99.9 %7.3f ms  max %7.3f ms%n", what,
                pct(s, 50), pct(s, 90), pct(s, 99), pct(s, 99.9), s[s.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
    }

    static double doubleArg(String[] args, String name, double def) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Double.parseDouble(args[i + 1]);
            }
        }
        return def;
    }
}
