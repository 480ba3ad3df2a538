package io.tactus.session.export;

import io.tactus.signal.FrameSnapshot;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs an exporter's per-frame writing on a thread of its own, so the signal core (the pass's thread) and the
 * formatting and writing of the frames use two cores: each frame's cells are copied into one of a few reused
 * buffers and queued; the writer takes them in order. A failure on either side stops both: the writer's (a write
 * error) is thrown on the pass's thread at its next frame, and {@link #close()} stops the writer when the pass
 * ends early (cancellation, a read error). Memory: {@link #SLOTS} frames.
 */
final class FrameHandoff implements AutoCloseable {

    static final int SLOTS = 64;
    private static final FrameSnapshot END = new FrameSnapshot(-1, 0, 0, 0, 0, new float[0], 0, 0, 0, 0, 0,
            null, java.util.List.of());

    private final BlockingQueue<FrameSnapshot> full = new ArrayBlockingQueue<>(SLOTS + 1);
    private final BlockingQueue<float[]> free = new ArrayBlockingQueue<>(SLOTS);
    private final Thread writer;
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
                FrameSnapshot f = full.take();
                if (f == END) {
                    return;
                }
                consumer.accept(f);
                free.offer(f.kpa());
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
        float[] cells = free.poll(); // every frame of a pass has the same shape (ExportRun checks it)
        if (cells == null && made < SLOTS) {
            cells = new float[f.kpa().length];
            made++;
        } else if (cells == null) {
            cells = take(free);
        }
        System.arraycopy(f.kpa(), 0, cells, 0, cells.length);
        put(new FrameSnapshot(f.index(), f.deviceTimeUs(), f.hostNanos(), f.rows(), f.cols(), cells,
                f.totalForceN(), f.contactAreaCm2(), f.peakKpa(), f.copXmm(), f.copYmm(), f.regions(),
                f.activeFlags()));
    }

    /** Waits until the writer has written every queued frame; throws its failure if it had one. */
    void finish() {
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

    private void put(FrameSnapshot f) {
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
