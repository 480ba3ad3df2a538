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
import java.util.ArrayList;
import java.util.List;
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

    private interface Step {
        void run() throws Exception;
    }

    private static void stages(Path file) throws Exception {
        List<String> rows = new ArrayList<>();
        long mainCpu = mainThreadCpuNanos();
        long procCpu = processCpuNanos();
        rows.add(String.format(Locale.ROOT, "stage-jvm - %.4f %.4f", mainCpu / 1e9, procCpu / 1e9));
        String[] names = {"picocli", "mapper", "metadata", "command"};
        Step[] steps = {() -> picocli(file), () -> Json.MAPPER.getFactory(), () -> metadata(file), () -> {
            PrintStream out = System.out;
            System.setOut(new PrintStream(OutputStream.nullOutputStream()));
            try {
                if (TactusCli.run("info", file.toString()) != 0) {
                    throw new IllegalStateException("info " + file + " failed");
                }
            } finally {
                System.setOut(out);
            }
        }};
        for (int i = 0; i < steps.length; i++) {
            long wall = System.nanoTime();
            steps[i].run();
            wall = System.nanoTime() - wall;
            long m = mainThreadCpuNanos();
            long p = processCpuNanos();
            rows.add(String.format(Locale.ROOT, "stage-%s %.4f %.4f %.4f", names[i], wall / 1e9, (m - mainCpu) / 1e9,
                    (p - procCpu) / 1e9));
            mainCpu = m;
            procCpu = p;
        }
        rows.forEach(System.out::println);
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
