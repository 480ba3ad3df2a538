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
        for (String scene : new String[] {"hands", "flags", "routine"}) {
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
        allocation(frames * rounds);
    }

    /**
     * Where tracking allocates: the same scenes with tracking on, each frame's allocated bytes (this thread's JVM
     * counter) split by whether a movement finished in it. Frames that finish none must allocate nothing; a
     * finished movement costs its immutable record, its feedback (with its text) and its place in the session's
     * list of movements.
     */
    private static void allocation(int frames) {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        System.out.println();
        System.out.println("| scene | mat | frames | B/frame, frames finishing no movement | movements finished |"
                + " B per finished movement | B/frame overall |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String scene : new String[] {"hands", "flags", "routine"}) {
            for (int size : new int[] {32, 64}) {
                SignalBench on = bench(size, scene, true);
                int[] finished = {0};
                on.addTechniqueListener(f -> finished[0]++);
                run(on, frames); // warm up: the JIT, the movement list's first growth steps
                long quietBytes = 0;
                long quietFrames = 0;
                long movementBytes = 0;
                int movements = 0;
                for (int i = 0; i < frames; i++) {
                    int before = finished[0];
                    long a = mx.getCurrentThreadAllocatedBytes();
                    on.processOnce();
                    long b = mx.getCurrentThreadAllocatedBytes() - a;
                    if (finished[0] == before) {
                        quietBytes += b;
                        quietFrames++;
                    } else {
                        movementBytes += b;
                        movements += finished[0] - before;
                    }
                }
                System.out.printf(Locale.ROOT, "| %s | %d x %d | %d | %.3f | %d | %.0f | %.2f |%n", scene, size, size,
                        frames, quietBytes / (double) quietFrames, movements,
                        movements == 0 ? 0.0 : movementBytes / (double) movements,
                        (quietBytes + movementBytes) / (double) frames);
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
