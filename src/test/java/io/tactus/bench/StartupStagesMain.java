package io.tactus.bench;

import io.tactus.cli.InfoCommand;
import io.tactus.cli.TactusCli;
import io.tactus.protocol.Json;
import io.tactus.session.RecordingReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine;

/**
 * The floor and stage rows of bench/startup.sh (docs/BENCHMARKS.md, "Cold start"). Arguments: STAGE FILE.
 * <p>
 * Floors: a fresh JVM does `tactus info`'s start-up work up to one stage and exits, so the difference between two
 * rows is what that stage costs at a cold start. Stages, each including the ones before: {@code main} (an empty
 * main from the same class path: the JVM and the 46 MB jar), {@code picocli} (the CLI model of `tactus info`
 * built from its annotations, the arguments parsed), {@code metadata} (the recording opened: header, index,
 * metadata JSON through the one Jackson mapper). The whole command adds the pass over every packet and the output.
 * <p>
 * {@code stages}: one JVM does the same steps one after another and prints, per step, its wall time, the main
 * thread's CPU time and the whole process's CPU time (JIT compiler and GC threads included) from Linux's
 * schedstat, nanosecond counters: what each step costs cold, without subtracting two noisy runs. Steps:
 * {@code jvm} (everything before main; no wall figure), {@code picocli}, {@code mapper} (the shared Jackson mapper
 * made), {@code metadata}, {@code command} (the whole `info FILE` through {@code TactusCli.run}, output discarded:
 * its picocli model again, warm, then the pass over every packet and the output).
 */
public final class StartupStagesMain {

    private StartupStagesMain() {
    }

    public static void main(String[] args) throws Exception {
        String stage = args[0];
        Path file = Path.of(args[1]);
        if (stage.equals("stages")) {
            stages(file);
            return;
        }
        if (stage.equals("main")) {
            return;
        }
        picocli(file);
        if (stage.equals("picocli")) {
            return;
        }
        metadata(file);
        if (!stage.equals("metadata")) {
            throw new IllegalArgumentException("stage: main, picocli, metadata or stages, not " + stage);
        }
    }

    /** What TactusCli.run builds for `info FILE` (the root command with only the named subcommand). */
    private static void picocli(Path file) {
        new CommandLine(new TactusCli()).addSubcommand(InfoCommand.class).parseArgs("info", file.toString());
    }

    private static void metadata(Path file) throws Exception {
        try (RecordingReader r = RecordingReader.open(file)) {
            if (r.metadata() == null) {
                throw new IllegalStateException(file + ": no metadata");
            }
        }
    }

    /** The steps of {@code stages}, in order; {@code jvm} is everything before main. */
    private static final String[] STEPS = {"jvm", "picocli", "mapper", "metadata", "command"};

    /**
     * Only counters are read between steps and everything is printed at the end, and no lambda is used: the
     * harness's own first uses (java.util.Formatter, a lambda's bootstrap) would otherwise be charged to the step
     * after them (they were, to picocli's, until the third pass).
     */
    private static void stages(Path file) throws Exception {
        int n = STEPS.length;
        long[] wall = new long[n];
        long[] main = new long[n];
        long[] proc = new long[n];
        processCpuNanos(); // the /proc readers' own first use, before the first reading (counted in jvm)
        main[0] = mainThreadCpuNanos();
        proc[0] = processCpuNanos();
        for (int i = 1; i < n; i++) {
            long w = System.nanoTime();
            step(STEPS[i], file);
            wall[i] = System.nanoTime() - w;
            main[i] = mainThreadCpuNanos();
            proc[i] = processCpuNanos();
        }
        System.out.println(String.format(Locale.ROOT, "stage-jvm - %.4f %.4f", main[0] / 1e9, proc[0] / 1e9));
        for (int i = 1; i < n; i++) {
            System.out.println(String.format(Locale.ROOT, "stage-%s %.4f %.4f %.4f", STEPS[i], wall[i] / 1e9,
                    (main[i] - main[i - 1]) / 1e9, (proc[i] - proc[i - 1]) / 1e9));
        }
    }

    private static void step(String name, Path file) throws Exception {
        switch (name) {
            case "picocli" -> picocli(file);
            case "mapper" -> Json.MAPPER.getFactory();
            case "metadata" -> metadata(file);
            case "command" -> {
                PrintStream out = System.out;
                System.setOut(new PrintStream(OutputStream.nullOutputStream()));
                try {
                    if (TactusCli.run("info", file.toString()) != 0) {
                        throw new IllegalStateException("info " + file + " failed");
                    }
                } finally {
                    System.setOut(out);
                }
            }
            default -> throw new IllegalArgumentException(name);
        }
    }

    /** The first schedstat field: nanoseconds this thread has run on a CPU. */
    private static long mainThreadCpuNanos() throws IOException {
        return schedstat(Path.of("/proc/thread-self/schedstat"));
    }

    private static long processCpuNanos() throws IOException {
        long sum = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path t : tasks) {
                try {
                    sum += schedstat(t.resolve("schedstat"));
                } catch (IOException ended) {
                    // a thread that ended meanwhile (its time is lost from the sum, a few microseconds at most)
                }
            }
        }
        return sum;
    }

    private static long schedstat(Path p) throws IOException {
        return Long.parseLong(Files.readString(p).split(" ")[0]);
    }
}
