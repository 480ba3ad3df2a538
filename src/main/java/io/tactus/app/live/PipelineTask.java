package io.tactus.app.live;

import io.tactus.app.fx.Threads;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The one way the live view runs work against a feed's pipeline: off the FX thread, each step waited for with
 * a deadline, and one line reported back on the FX thread (the result, or "what failed: why"). An interrupted
 * task reports nothing.
 */
final class PipelineTask {

    /** A command or query that takes longer than this has lost its processing thread. */
    static final long STEP_TIMEOUT_S = 5;

    /** The work: returns the line to report, or null for none. Runs on a background thread. */
    @FunctionalInterface
    interface Work {
        String run(FeedControl control) throws Exception;
    }

    private final Threads threads;
    private final Consumer<String> report;

    PipelineTask(Threads threads, Consumer<String> report) {
        this.threads = threads;
        this.report = report;
    }

    /** Runs {@code work} in the background; a failure is reported as "{@code failure}: reason". */
    void run(FeedControl control, String failure, Work work) {
        threads.background().execute(() -> {
            String line;
            try {
                line = work.run(control);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                Throwable c = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
                line = failure + ": " + (c.getMessage() == null ? c.toString() : c.getMessage());
            }
            if (line != null) {
                String text = line;
                threads.fx().execute(() -> report.accept(text));
            }
        });
    }

    /** Waits for one step of the work (a command or a query) with the step deadline. */
    static <T> T await(CompletableFuture<T> step) throws Exception {
        return step.get(STEP_TIMEOUT_S, TimeUnit.SECONDS);
    }
}
