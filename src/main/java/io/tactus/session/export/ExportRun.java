package io.tactus.session.export;

import io.tactus.signal.FrameSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * One export in progress: runs passes over the source with cancellation, progress and frame checks, and knows
 * the session's time base once a pass has seen the first frame. Used from the exporting thread only.
 */
final class ExportRun {

    /** Progress is reported every this many frames (and at phase ends): cheap, yet smooth for a UI. */
    static final int PROGRESS_EVERY = 2048;

    private final ExportSource source;
    private final ProgressListener progress;
    private final CancelToken cancel;
    private final int rows;
    private final int cols;
    private final boolean scanPlanned;
    private long frameCount = -1;
    private final long estimate;
    private long firstTimeUs = Long.MIN_VALUE;
    private long lastTimeUs = Long.MIN_VALUE;
    private double fractionDone;
    private double writeFrom = -1;

    /**
     * @param needsCountUpFront  the format must know the frame count before writing; a scan pass runs when the
     *                           source does not know it
     * @param needsEventsUpFront the format writes events and times before the data pass: a scan pass always runs
     */
    ExportRun(ExportSource source, ProgressListener progress, CancelToken cancel, boolean needsCountUpFront,
              boolean needsEventsUpFront) {
        this.source = source;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.cancel = cancel == null ? new CancelToken() : cancel;
        this.rows = source.metadata().descriptor().rows();
        this.cols = source.metadata().descriptor().cols();
        OptionalLong known = source.knownFrameCount();
        // Events and the first frame's time (the time base for event times) are only known after a pass.
        this.scanPlanned = (needsCountUpFront && known.isEmpty()) || needsEventsUpFront;
        if (known.isPresent()) {
            frameCount = known.getAsLong();
        }
        this.estimate = source.estimatedFrameCount().orElse(-1);
    }

    /** Runs the counting pass if this export needs one; afterwards {@link #frameCount()} is exact. */
    void scanIfNeeded() throws IOException {
        if (!scanPlanned) {
            return;
        }
        long[] n = {0};
        long expected = frameCount >= 0 ? frameCount : estimate;
        pass(f -> n[0]++, "scan", 0.0, 0.25, expected);
        frameCount = n[0];
        requireFrames(n[0]);
    }

    /** The data pass: frames checked for shape, progress and cancel handled; returns the frames delivered. */
    long writePass(Consumer<FrameSnapshot> consumer) throws IOException {
        double from = writeFrom >= 0 ? writeFrom : scanPlanned ? 0.25 : 0.0;
        long[] n = {0};
        // the core runs on this thread, the exporter's writing on another (FrameHandoff)
        try (FrameHandoff writer = new FrameHandoff(consumer)) {
            pass(f -> {
                writer.accept(f);
                n[0]++;
            }, "write", from, 0.95, frameCount >= 0 ? frameCount : estimate);
            writer.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (frameCount >= 0 && n[0] != frameCount) {
            throw new IOException("the source delivered " + n[0] + " frames, expected " + frameCount
                    + " (did the file change during export?)");
        }
        frameCount = n[0];
        requireFrames(n[0]);
        return n[0];
    }

    private static void requireFrames(long n) throws IOException {
        if (n == 0) {
            throw new IOException("the session has no frames to export");
        }
    }

    private void pass(Consumer<FrameSnapshot> consumer, String phase, double from, double to, long total)
            throws IOException {
        long[] done = {0};
        progress.onProgress(new ExportProgress(phase, 0, total, from));
        try {
            source.forEachFrame(f -> {
                cancel.check();
                if (f.rows() != rows || f.cols() != cols || f.kpa().length != rows * cols) {
                    throw new UncheckedIOException(new IOException("frame " + f.index() + " is " + f.rows() + "x"
                            + f.cols() + ", the session is " + rows + "x" + cols));
                }
                if (firstTimeUs == Long.MIN_VALUE) {
                    firstTimeUs = f.deviceTimeUs();
                }
                lastTimeUs = f.deviceTimeUs();
                consumer.accept(f);
                long d = ++done[0];
                if (d % PROGRESS_EVERY == 0) {
                    report(phase, d, total, from, to);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        cancel.check();
        report(phase, done[0], total, from, to);
    }

    private void report(String phase, long done, long total, double from, double to) {
        // An estimated total may be off: never claim the phase is done before it is.
        double within = total > 0 ? Math.min(0.99, (double) done / total) : 0.0;
        double f = Math.max(fractionDone, from + (to - from) * within);
        fractionDone = f;
        progress.onProgress(new ExportProgress(phase, done, total, f));
    }

    /**
     * Reports a step without frames (e.g. HDF5's file layout) that ends at {@code fraction}; the data pass then
     * covers the rest up to 0.95.
     */
    void step(String phase, double fraction) {
        fractionDone = Math.max(fractionDone, fraction);
        writeFrom = fractionDone;
        progress.onProgress(new ExportProgress(phase, 0, -1, fractionDone));
    }

    /** Final report once the files are in place. */
    void finished(long frames) {
        fractionDone = 1.0;
        progress.onProgress(new ExportProgress("finish", frames, frames, 1.0));
    }

    void checkCancel() {
        cancel.check();
    }

    long frameCount() {
        return frameCount;
    }

    /** Device time of the first frame, or 0 before any frame was seen (times are then relative to 0). */
    long firstTimeUs() {
        return firstTimeUs == Long.MIN_VALUE ? 0 : firstTimeUs;
    }

    long lastTimeUs() {
        return lastTimeUs == Long.MIN_VALUE ? 0 : lastTimeUs;
    }

    double seconds(long deviceTimeUs) {
        return (deviceTimeUs - firstTimeUs()) / 1e6;
    }

    /** The source's integrity after a pass (null for sources that are not recordings). */
    io.tactus.session.IntegrityReport integrity() {
        return source.integrity();
    }

    int rows() {
        return rows;
    }

    int cols() {
        return cols;
    }
}
