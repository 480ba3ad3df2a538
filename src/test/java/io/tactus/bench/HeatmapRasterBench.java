package io.tactus.bench;

import io.tactus.render.ColorMap;
import io.tactus.render.HeatmapRaster;
import io.tactus.render.Interpolation;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * The per-frame pixel work the FX thread does for the heatmap (HeatmapView's pulse): render a frame of kPa into
 * the upsampled ARGB raster (~512 px on the long side) and copy it into the direct buffer behind the
 * PixelBuffer. Excludes the scene-graph pulse itself (layout, CSS, gauge nodes, the GPU/software blit), which
 * this benchmark cannot see; see docs/benchmarks/app.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class HeatmapRasterBench {

    @Param({"32", "64"})
    public int size;

    @Param({"BILINEAR", "NEAREST"})
    public Interpolation interpolation;

    private HeatmapRaster raster;
    private float[][] frames;
    private IntBuffer target;
    private int next;

    @Setup
    public void setUp() {
        raster = new HeatmapRaster(size, size);
        target = ByteBuffer.allocateDirect(raster.width() * raster.height() * 4).order(ByteOrder.nativeOrder())
                .asIntBuffer();
        SplittableRandom rnd = new SplittableRandom(3);
        frames = new float[64][size * size];
        for (float[] f : frames) {
            for (int i = 0; i < f.length; i++) {
                f[i] = rnd.nextInt(4) == 0 ? (float) rnd.nextDouble(0, 120) : 0f;
            }
        }
        System.out.printf("%n[HeatmapRasterBench] %dx%d -> %dx%d px%n", size, size, raster.width(), raster.height());
    }

    @Benchmark
    public int renderAndCopy() {
        float[] f = frames[next++ & 63];
        raster.render(f, 100f, ColorMap.VIRIDIS, interpolation);
        target.clear();
        target.put(raster.pixels());
        return target.position();
    }
}
