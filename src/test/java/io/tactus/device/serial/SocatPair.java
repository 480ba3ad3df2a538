package io.tactus.device.serial;

import io.tactus.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A pty pair from socat for tests: bytes written to one end come out of the other. Links {@code a} and
 * {@code b} live in a directory the test owns. {@link #close()} ends socat with SIGTERM, which removes the
 * links (a SIGKILL would leave them dangling at pts numbers other processes may reuse).
 */
public final class SocatPair implements AutoCloseable {

    private final Process process;
    private final Path a;
    private final Path b;

    private SocatPair(Process process, Path a, Path b) {
        this.process = process;
        this.a = a;
        this.b = b;
    }

    public static SocatPair start(Path dir) throws IOException, InterruptedException {
        return start(dir.resolve("A"), dir.resolve("B"));
    }

    /** Skips the calling test (JUnit assumption, one line naming the package) when socat is not installed. */
    public static SocatPair start(Path a, Path b) throws IOException, InterruptedException {
        ExternalTool.require("socat");
        Process p = new ProcessBuilder("socat", "-d", "-d", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(Files.exists(a) && Files.exists(b))) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new IOException("socat did not create " + a + " and " + b);
            }
            Thread.sleep(10);
        }
        return new SocatPair(p, a, b);
    }

    public Path a() {
        return a;
    }

    public Path b() {
        return b;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The "unplug": ends socat (SIGTERM) and waits until it is gone and its links are removed. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
