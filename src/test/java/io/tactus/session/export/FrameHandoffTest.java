package io.tactus.session.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.signal.FrameSnapshot;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FrameHandoffTest {

    /** A source that reuses one cell buffer, as recordings and captures do. */
    private static FrameSnapshot frame(float[] shared, int i) {
        java.util.Arrays.fill(shared, i);
        return new FrameSnapshot(i, 1_000L * i, 0, 2, 2, shared, i, 0, i, 0, 0, null, List.of());
    }

    @Test
    void theWriterGetsEveryFrameInOrderWithItsOwnCells() {
        float[] shared = new float[4];
        List<float[]> seen = new ArrayList<>();
        List<Long> order = new ArrayList<>();
        try (FrameHandoff h = new FrameHandoff(f -> {
            seen.add(f.kpa().clone());
            order.add(f.index());
        })) {
            for (int i = 0; i < 10_000; i++) {
                h.accept(frame(shared, i));
            }
            h.finish();
        }
        assertEquals(10_000, seen.size());
        for (int i = 0; i < 10_000; i++) {
            assertEquals(i, order.get(i));
            assertEquals(i, seen.get(i)[3], "frame " + i + " was overwritten before it was written");
        }
    }

    @Test
    void aWriteErrorStopsThePassOnItsThread() {
        UncheckedIOException diskFull = new UncheckedIOException(new IOException("no space left on device"));
        float[] shared = new float[4];
        try (FrameHandoff h = new FrameHandoff(f -> {
            if (f.index() == 100) {
                throw diskFull;
            }
        })) {
            UncheckedIOException thrown = assertThrows(UncheckedIOException.class, () -> {
                for (int i = 0; i < 1_000_000; i++) {
                    h.accept(frame(shared, i));
                }
                h.finish();
            });
            assertSame(diskFull, thrown);
        }
    }

    @Test
    void closingAfterAnAbortedPassStopsTheWriter() throws Exception {
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        Thread[] writer = new Thread[1];
        FrameHandoff h = new FrameHandoff(f -> {
            writer[0] = Thread.currentThread();
            writing.countDown();
            try {
                never.await(); // a slow write the pass gives up on
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (int i = 0; i < FrameHandoff.BATCH; i++) { // a full batch: the writer starts on it
            h.accept(frame(new float[4], i));
        }
        assertTrue(writing.await(30, TimeUnit.SECONDS));
        h.close(); // the pass failed (a read error, cancel): the writer must be gone before files are closed
        assertTrue(!writer[0].isAlive());
    }
}
