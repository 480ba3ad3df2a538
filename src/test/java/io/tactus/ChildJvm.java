package io.tactus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM on the test class path, for what only a fresh process shows: how the launcher starts, what a command
 * loads, how it answers a signal. One place builds the command line and drains both pipes.
 */
public final class ChildJvm {

    /** How a child JVM ended: its exit code and everything it wrote. */
    public record Exit(int code, String out, String err) {
    }

    private ChildJvm() {
    }

    /** The java of the JVM running the tests. */
    public static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@code java <jvmOptions> -cp <test class path> <mainClass> <args>}. */
    public static List<String> command(List<String> jvmOptions, String mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin());
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts the process and waits for it to end, reading stdout and stderr at the same time (a child blocked on a
     * full pipe would never end).
     *
     * @param limitS how long it may take before the test fails (generous: the machine may be busy)
     */
    public static Exit run(ProcessBuilder pb, long limitS) throws Exception {
        Process p = pb.start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(limitS, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the child JVM did not finish within " + limitS + " s: " + pb.command());
        }
        return new Exit(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err.get(30, TimeUnit.SECONDS), StandardCharsets.UTF_8));
    }
}
