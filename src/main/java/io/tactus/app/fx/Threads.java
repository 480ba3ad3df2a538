package io.tactus.app.fx;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/**
 * The two ways work crosses threads in the app: {@link #background()} for anything that may block (port
 * listing, opening files, exports) and {@link #fx()} to hand a result back to the FX thread. View models take
 * this by constructor so tests can run everything inline.
 */
public record Threads(Executor background, Executor fx) {

    /** Production: a small daemon pool and Platform.runLater (only for results, never per frame). */
    public static Threads javafx() {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "tactus-background-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        return new Threads(pool, Threads::onFx);
    }

    /** Tests: everything runs on the caller's thread. */
    public static Threads inline() {
        return new Threads(Runnable::run, Runnable::run);
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }
}
