package io.tactus.cli;

import io.tactus.library.Indexer;
import java.io.PrintWriter;
import java.nio.file.Path;

/** Indexing progress on stderr: at most one line a second, plus the last file of each folder. */
final class StderrProgress implements Indexer.Progress {

    private final PrintWriter err;
    private final String what;
    private long lastNanos;

    StderrProgress(PrintWriter err, String what) {
        this.err = err;
        this.what = what;
    }

    @Override
    public void update(int done, int total, Path file) {
        long now = System.nanoTime();
        if (done == total || now - lastNanos > 1_000_000_000L) {
            lastNanos = now;
            err.printf("%s: %d/%d files (%s)%n", what, done, total, file.getFileName());
            err.flush();
        }
    }
}
