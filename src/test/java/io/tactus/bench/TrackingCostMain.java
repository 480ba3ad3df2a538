package io.tactus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cost of per-contact tracking (signal.technique) on a shared, loaded machine: the {@link SignalBench} scenes
 * with tracking on and off, run alternately in one JVM and timed by this thread's CPU time (what other
 * processes do to the wall clock does not count), 7 rounds of 20,000 frames each; prints per size and scene the
 * median CPU time per frame and the median of the per-round ratios. JMH's wall-clock figures (SignalBench) are
 * the absolute speed; this is the ratio the 25 % budget is checked with when the machine is busy.
 *
 * <p>Run: {@code bench/tracking-cost.sh}
 */
public final class TrackingCostMain {

    private TrackingCostMain() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        int frames = 20_000;
        int rounds = 7;
        System.out.println("| scene | mat | CPU us/frame, tracking off | on | on / off (median of " + rounds
                + " rounds) |");
        System.out.println("|---|---|---|---|---|");
        for (String scene : new String[] {"hands", "flags"}) {
            for (int size : new int[] {32, 64}) {
                SignalBench off = bench(size, scene, false);
                SignalBench on = bench(size, scene, true);
                run(off, frames); // warm up both
                run(on, frames);
                run(off, frames);
                run(on, frames);
                double[] tOff = new double[rounds];
                double[] tOn = new double[rounds];
                double[] ratio = new double[rounds];
                for (int r = 0; r < rounds; r++) {
                    long a = mx.getCurrentThreadCpuTime();
                    run(off, frames);
                    long b = mx.getCurrentThreadCpuTime();
                    run(on, frames);
                    long c = mx.getCurrentThreadCpuTime();
                    tOff[r] = (b - a) / 1e3 / frames;
                    tOn[r] = (c - b) / 1e3 / frames;
                    ratio[r] = tOn[r] / tOff[r];
                }
                System.out.printf(Locale.ROOT, "| %s | %d x %d | %.2f | %.2f | %.3f |%n", scene, size, size,
                        median(tOff), median(tOn), median(ratio));
            }
        }
    }

    private static SignalBench bench(int size, String scene, boolean tracking) {
        SignalBench b = new SignalBench();
        b.size = size;
        b.scene = scene;
        b.tracking = tracking;
        b.setup();
        return b;
    }

    private static double run(SignalBench b, int frames) {
        double sink = 0;
        for (int i = 0; i < frames; i++) {
            sink += b.processOnce();
        }
        return sink;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
