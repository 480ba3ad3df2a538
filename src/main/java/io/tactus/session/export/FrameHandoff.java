package io.tactus.session.export;

import io.tactus.signal.FrameSnapshot;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an exporter's per-frame writing on a thread of its own, so the signal core (the pass's thread) and the
 * formatting and writing of the frames use two cores: each frame's cells are copied into one of a few reused
 * buffers and handed over in batches of {@link #BATCH} frames; the writer takes them in order. A batch rather than
 * a frame per hand-over: the writer is usually the faster side and waits, so every hand-over woke it (a futex
 * call each on both threads, ~7 % of an hour's export CPU on the core's thread before). A failure on either side
 * stops both: the writer's (a write error) is thrown on the pass's thread at its next frame, and {@link #close()}
 * stops the writer when the pass ends early (cancellation, a read error). Memory: {@link #SLOTS} frames.
 */
final class FrameHandoff implements AutoCloseable {

    static final int BATCH = 16;
    static final int SLOTS = 64;
    private static final int BATCHES = SLOTS / BATCH;
    private static final Batch END = new Batch();

    /** Up to {@link #BATCH} frames, each with cells of its own (reused once the writer is done with them). */
    private static final class Batch {
        final FrameSnapshot[] frames = new FrameSnapshot[BATCH];
        final float[][] cells = new float[BATCH][];
        int size;
    }

    private final BlockingQueue<Batch> full = new ArrayBlockingQueue<>(BATCHES + 1);
    private final BlockingQueue<Batch> free = new ArrayBlockingQueue<>(BATCHES);
    private final Thread writer;
    private Batch filling;
    private int made;
    private volatile Throwable failure;
    private volatile boolean stopping;

    FrameHandoff(Consumer<FrameSnapshot> consumer) {
        writer = new Thread(() -> write(consumer), "tactus-export-writer");
        writer.setDaemon(true);
        writer.start();
    }

    private void write(Consumer<FrameSnapshot> consumer) {
        try {
            while (true) {
                Batch b = full.take();
                if (b == END) {
                    return;
                }
                for (int k = 0; k < b.size; k++) {
                    consumer.accept(b.frames[k]);
                    b.frames[k] = null;
                }
                b.size = 0;
                free.offer(b);
            }
        } catch (InterruptedException e) {
            if (!stopping) {
                failure = e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
        }
    }

    /** Queues a copy of {@code f} (on the pass's thread); throws the writer's failure if it has one. */
    void accept(FrameSnapshot f) {
        rethrowFailure();
        Batch b = filling;
        if (b == null) {
            b = free.poll();
            if (b == null && made < BATCHES) {
                b = new Batch();
                made++;
            } else if (b == null) {
                b = take(free);
            }
            filling = b;
        }
        float[] cells = b.cells[b.size];
        if (cells == null || cells.length != f.kpa().length) { // every frame of a pass has the same shape
            cells = new float[f.kpa().length];
            b.cells[b.size] = cells;
        }
        System.arraycopy(f.kpa(), 0, cells, 0, cells.length);
        b.frames[b.size++] = new FrameSnapshot(f.index(), f.deviceTimeUs(), f.hostNanos(), f.rows(), f.cols(), cells,
                f.totalForceN(), f.contactAreaCm2(), f.peakKpa(), f.copXmm(), f.copYmm(), f.regions(),
                f.activeFlags());
        if (b.size == BATCH) {
            filling = null;
            put(b);
        }
    }

    /** Waits until the writer has written every queued frame; throws its failure if it had one. */
    void finish() {
        if (filling != null) {
            Batch b = filling;
            filling = null;
            put(b);
        }
        put(END);
        join();
        rethrowFailure();
    }

    /** Stops the writer if the pass ended without {@link #finish()} (its frames are not all written then). */
    @Override
    public void close() {
        if (writer.isAlive()) {
            stopping = true;
            writer.interrupt();
            join();
        }
    }

    private void put(Batch f) {
        try {
            while (!full.offer(f, 50, TimeUnit.MILLISECONDS)) {
                rethrowFailure();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportCancelledException();
        }
        rethrowFailure();
    }

    private <T> T take(BlockingQueue<T> q) {
        try {
            T t;
            while ((t = q.poll(50, TimeUnit.MILLISECONDS)) == null) {
                rethrowFailure();
            }
            return t;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportCancelledException();
        }
    }

    private void join() {
        boolean interrupted = false;
        while (true) {
            try {
                writer.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the writer must be done with the files before they are closed
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void rethrowFailure() {
        Throwable t = failure;
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException("export writer interrupted", t);
        }
    }
}
