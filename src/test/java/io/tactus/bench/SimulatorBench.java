package io.tactus.bench;

import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
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

/**
 * How fast the simulator renders frames on one core (true field + sensor model + payload), looping the
 * "mistakes" scenario so every kind of contact is included: {@code frame} ops/s = frames/s the simulator can
 * sustain. {@code truth}: time to compute one scenario's ground truth (100 Hz, ~86 s of device time).
 */
@State(Scope.Thread)
@Fork(1)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SimulatorBench {

    @Param({"32", "64"})
    public int size;

    private ScenarioStream stream;
    private SimOptions options;

    @Setup(Level.Trial)
    public void open() {
        options = SimOptions.defaults().withGrid(size, size);
        stream = ScenarioStream.open("mistakes", options.withLoop(true));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public Packet frame() {
        Packet p;
        do {
            p = stream.next();
        } while (!p.type().isFrame());
        return p;
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Object truth() {
        return ScenarioStream.open("mistakes", options).truth();
    }
}
