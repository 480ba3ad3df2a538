package io.tactus.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link SignalBench}'s three benchmarks measured in thread CPU time per frame instead of wall-clock throughput:
 * on a machine shared with many builds (load average 20-35 on 2 cores) JMH's throughput swings by +-100 %
 * between iterations, while the CPU time a thread actually ran is stable to a few per cent (time spent waiting
 * for a core is not counted). Same frames, same Blackhole, median of 5 rounds after a warm-up of 2 rounds.
 *
 * <p>Run: {@code bench/signal-cpu.sh} (sizes 32 and 64, scene "hands").
 */
public final class SignalCpuMain {

    private SignalCpuMain() {
    }

    interface Op {
        void run(SignalBench b, Blackhole bh);
    }

    public static void main(String[] args) {
        Blackhole bh = new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String arg : args.length > 0 ? args : new String[] {"32", "64"}) {
            int size = Integer.parseInt(arg);
            StringBuilder out = new StringBuilder("size " + size + ", hands:");
            String[] names = {"fusedLoop", "process", "parseProcessSnapshot"};
            Op[] ops = {SignalBench::fusedLoop, SignalBench::process, SignalBench::parseProcessSnapshot};
            for (int k = 0; k < ops.length; k++) {
                SignalBench b = new SignalBench();
                b.size = size;
                b.scene = "hands";
                b.setup();
                int n = size <= 32 ? 200_000 : 50_000;
                for (int i = 0; i < 2 * n; i++) {
                    ops[k].run(b, bh);
                }
                double[] ns = new double[5];
                for (int r = 0; r < ns.length; r++) {
                    long t0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < n; i++) {
                        ops[k].run(b, bh);
                    }
                    ns[r] = (mx.getCurrentThreadCpuTime() - t0) / (double) n;
                }
                Arrays.sort(ns);
                out.append(String.format(Locale.ROOT, "%n  %-21s %7.0f ns/frame CPU = %,9.0f frames/s (rounds %.0f..%.0f)",
                        names[k], ns[2], 1e9 / ns[2], ns[0], ns[4]));
            }
            System.out.println(out);
        }
    }
}
