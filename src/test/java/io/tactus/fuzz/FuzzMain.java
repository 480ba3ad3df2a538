package io.tactus.fuzz;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fuzz harness (run by bench/fuzz.sh, never by mvn verify): seeded mutations of real captures, HELLOs and
 * recordings through each entry point, one input at a time on a worker thread with a watchdog. Prints a
 * Markdown table (inputs, outcomes, peak heap) and keeps every failing input under the work folder.
 *
 * <p>Usage: {@code FuzzMain [--inputs N] [--seed S] [--timeout-ms T] [--only SUBSTRING] [--failures DIR]}
 */
public final class FuzzMain {

    /** Counts for one entry point. */
    record Result(String target, long inputs, Map<Outcome, Long> outcomes, long peakHeapBytes, double seconds,
                  List<String> failures) {
        long count(Outcome o) {
            return outcomes.getOrDefault(o, 0L);
        }
    }

    private FuzzMain() {
    }

    public static void main(String[] args) throws Exception {
        long inputs = 100_000;
        long seed = 1;
        long timeoutMs = 10_000;
        String only = null;
        Path failures = Path.of("target", "fuzz");
        // Scratch files (one recording and one export per input) go to tmpfs when there is one.
        Path work = Files.isDirectory(Path.of("/dev/shm")) ? Path.of("/dev/shm", "tactus-fuzz-" + ProcessHandle.current().pid())
                : Path.of("target", "fuzz", "work");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--inputs" -> inputs = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--timeout-ms" -> timeoutMs = Long.parseLong(args[++i]);
                case "--only" -> only = args[++i];
                case "--failures" -> failures = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Files.createDirectories(work);
        Files.createDirectories(failures);
        progress = true;
        System.out.printf(Locale.ROOT, "fuzz: %d inputs per entry point, seed %d, watchdog %d ms, max heap %d MB%n",
                inputs, seed, timeoutMs, Runtime.getRuntime().maxMemory() >> 20);
        List<Result> results = new ArrayList<>();
        for (FuzzTarget t : Targets.all(work)) {
            if (only == null || t.name().contains(only)) {
                Result r = run(t, inputs, seed, timeoutMs, failures);
                results.add(r);
                System.out.println(row(r));
            }
        }
        System.out.println();
        System.out.println(table(results));
        try (var left = Files.walk(work)) {
            left.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Prints a cumulative row every 5,000 inputs (a long run on a busy machine can be stopped and still counted). */
    static volatile boolean progress;

    static Result run(FuzzTarget t, long inputs, long seed, long timeoutMs, Path work) throws Exception {
        Random rnd = new Random(seed ^ t.name().hashCode());
        Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        List<String> failures = new ArrayList<>();
        resetPeaks();
        ExecutorService worker = newWorker();
        long t0 = System.nanoTime();
        for (long i = 0; i < inputs; i++) {
            FuzzTarget.Input in = t.nextInput(rnd);
            Outcome o;
            String detail = null;
            Future<Outcome> f = worker.submit(() -> t.run(in));
            try {
                o = f.get(timeoutMs, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                o = Outcome.HANG;
                worker.shutdownNow(); // the stuck thread is abandoned; a fresh worker goes on
                worker = newWorker();
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                o = c instanceof OutOfMemoryError ? Outcome.OOM : Outcome.UNEXPECTED;
                StringWriter sw = new StringWriter();
                c.printStackTrace(new PrintWriter(sw));
                detail = sw.toString();
            }
            outcomes.merge(o, 1L, Long::sum);
            if (progress && (i + 1) % 5_000 == 0) {
                System.out.println("progress " + row(new Result(t.name(), i + 1, outcomes, peakHeap(),
                        (System.nanoTime() - t0) / 1e9, List.of())));
            }
            if (o == Outcome.UNEXPECTED || o == Outcome.HANG || o == Outcome.OOM || o == Outcome.SILENT_WRONG) {
                String name = t.name().replaceAll("[^A-Za-z]+", "-") + i;
                if (failures.size() < 20) {
                    Files.write(work.resolve(name + ".bin"), in.bytes());
                    Files.writeString(work.resolve(name + ".txt"), o + "\n" + (detail == null ? "" : detail));
                    String first = detail == null ? o.name() : o + ": " + detail.lines().limit(3).reduce((a, b) -> a + " | " + b).orElse("");
                    failures.add(name + ": " + first);
                }
            }
        }
        worker.shutdownNow();
        return new Result(t.name(), inputs, outcomes, peakHeap(), (System.nanoTime() - t0) / 1e9, failures);
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "fuzz-worker");
            th.setDaemon(true);
            return th;
        });
    }

    private static void resetPeaks() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
    }

    /** Sum of the heap pools' peaks since the last reset (an upper bound of the live heap's peak). */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static String row(Result r) {
        return String.format(Locale.ROOT, "| %s | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %,d | %d MB | %.0f s |",
                r.target(), r.inputs(), r.count(Outcome.REPORTED), r.count(Outcome.SAME), r.count(Outcome.OK),
                r.count(Outcome.UNEXPECTED), r.count(Outcome.HANG), r.count(Outcome.OOM), r.count(Outcome.SILENT_WRONG),
                r.peakHeapBytes() >> 20, r.seconds())
                + (r.failures().isEmpty() ? "" : "\n" + String.join("\n", r.failures()));
    }

    static String table(List<Result> results) {
        StringBuilder sb = new StringBuilder("| entry point | inputs | reported | same result | ok (valid) | "
                + "unexpected exceptions | hangs | OOM | silent wrong | peak heap | time |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result r : results) {
            sb.append(row(r).lines().findFirst().orElse("")).append('\n');
        }
        return sb.toString();
    }
}
