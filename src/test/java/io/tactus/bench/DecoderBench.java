package io.tactus.bench;

import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketDecoder;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Decoder throughput on one core: a pre-encoded stream of dense frames (realistic 12-bit counts with a
 * pressed area, so COBS has zeros to stuff) fed in 4 KB chunks, as a serial driver returns them. One
 * invocation decodes the whole buffer; bytes/s = buffer length x invocations/s (see {@link #encodedBytes}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class DecoderBench {

    private static final int CHUNK = 4096;
    private static final int FRAMES = 256;

    @Param({"32", "64"})
    public int size;

    private byte[] stream;
    private long packets;
    private PacketDecoder decoder;
    private Blackhole sinkHole;

    @Setup(Level.Trial)
    public void encode() {
        SplittableRandom rnd = new SplittableRandom(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int cells = size * size;
        for (int f = 0; f < FRAMES; f++) {
            int[] counts = new int[cells];
            for (int i = 0; i < cells; i++) {
                int r = i / size;
                int c = i % size;
                boolean pressed = Math.abs(r - size / 2 - (f % 8)) < size / 4 && Math.abs(c - size / 3) < size / 6;
                counts[i] = pressed ? 800 + rnd.nextInt(2000) : rnd.nextInt(3) == 0 ? rnd.nextInt(8) : 0;
            }
            out.writeBytes(PacketEncoder.encode(new Packet(PacketType.FRAME_DENSE, f & 0xFFFF, f * 1000L,
                    Payloads.dense(counts))));
        }
        stream = out.toByteArray();
        System.out.printf("%n[DecoderBench] %dx%d: %d frames, %d encoded bytes per invocation%n", size, size,
                FRAMES, stream.length);
    }

    @Setup(Level.Iteration)
    public void newDecoder(Blackhole bh) {
        sinkHole = bh;
        decoder = new PacketDecoder(p -> sinkHole.consume(p));
    }

    /** Encoded bytes decoded per invocation, for converting invocations/s to MB/s. */
    public int encodedBytes() {
        return stream.length;
    }

    @Benchmark
    public long decodeStream() {
        for (int off = 0; off < stream.length; off += CHUNK) {
            decoder.feed(stream, off, Math.min(CHUNK, stream.length - off));
        }
        return decoder.packets();
    }
}
