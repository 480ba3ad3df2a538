package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tactus.device.RawFrame;
import io.tactus.signal.technique.Routine;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * process() allocates nothing per frame (events and movements aside), measured with the JVM's per-thread
 * allocation counter. The scene keeps per-contact tracking busy (two hands, a thumb beside one of them, hands
 * landing and lifting, contacts merging and splitting) without finishing a movement or raising a flag, so any
 * byte counted is a per-frame allocation.
 */
class AllocationTest {

    @Test
    void processAllocatesNothingPerFrame() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        TestMat m = new TestMat();
        int n = 400;
        RawFrame[] frames = new RawFrame[4 * n];
        for (int i = 0; i < frames.length; i++) {
            m.clear();
            if (i % 100 >= 20) { // the first 20 frames of each 100 are idle: the tare sees an empty mat
                // small wobbles (no stroke, no circle of 10 mm), below the hold level: tracked, never a movement
                double w = 6 * Math.sin(i * 0.3);
                m.dome(-90 + w, 350, 45, 25);
                m.dome(90, 330 + w, 45, 25);
                if (i % 100 > 50) {
                    m.dome(-90 + w + 50, 260, 18, 25); // a thumb beside the left hand
                }
            }
            frames[i] = m.next();
        }
        p.startTare(0.05);
        p.startRoutine(Routine.defaultRoutine());
        for (int i = 0; i < 2 * n; i++) {
            p.process(frames[i]); // warm up (and allocate the tare accumulators, the dead-cell lists)
        }
        int seenBefore = p.contactsSeen();
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 2 * n; i < 4 * n; i++) {
            p.process(frames[i]);
        }
        long after = mx.getThreadAllocatedBytes(tid);
        assertEquals(0, p.events().size(), "scene must not raise flags: " + p.events());
        assertEquals(0, p.movements().size(), "scene must not finish a movement: " + p.movements());
        assertTrue(p.contactsSeen() - seenBefore >= 3 * 8, "tracking ran: hands land 8 times, 3 contacts each: "
                + (p.contactsSeen() - seenBefore));
        // Any per-frame object is >= 16 bytes, so >= 32 x n over these frames; a few bytes can come from the JIT
        // replacing a compiled method under load (seen once: 96 bytes), which is not a per-frame allocation.
        assertTrue(after - before < 2 * n, "bytes allocated by " + (2 * n) + " frames: " + (after - before));

        // A snapshot is an immutable value, so it costs an object and its region array; the region values are
        // reused while a region's figures stay the same (an hour's analysis used to make ~250 MB of garbage here).
        float[] cells = new float[TestMat.descriptor().cellCount()];
        for (int i = 0; i < 2 * n; i++) {
            p.process(frames[i]);
            p.snapshotInto(cells);
        }
        before = mx.getThreadAllocatedBytes(tid);
        for (int i = 2 * n; i < 4 * n; i++) {
            p.process(frames[i]);
            p.snapshotInto(cells);
        }
        after = mx.getThreadAllocatedBytes(tid);
        double perFrame = (after - before) / (2.0 * n);
        assertTrue(perFrame < 400, "bytes per frame for process + snapshotInto: " + perFrame);
    }

    /**
     * With tracking on and movements finishing, frames that finish none still allocate nothing; a finished movement
     * allocates its immutable record, its feedback (with its text, judged against the routine's step) and its place
     * in the session's list: measured ~2.5 KB per movement (docs/benchmarks/signal.md), asserted below 4 KB.
     */
    @Test
    void aFinishedMovementAllocatesOnlyItsOwnValues() {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean);
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());
        SignalPipeline p = new SignalPipeline(TestMat.descriptor());
        int[] finished = {0};
        p.addTechniqueListener(f -> finished[0]++);
        p.startRoutine(Routine.defaultRoutine());
        TestMat m = new TestMat();
        int n = 300; // one cycle: a palm strokes 150 mm up the left lower back over 2 s, lifts for 1 s
        RawFrame[] frames = new RawFrame[8 * n];
        for (int i = 0; i < frames.length; i++) {
            m.clear();
            int k = i % n;
            if (k < 200) {
                m.dome(-90, 420 - 0.75 * k, 45, 25);
            }
            frames[i] = m.next();
        }
        for (int i = 0; i < 4 * n; i++) {
            p.process(frames[i]); // warm up
        }
        int before = finished[0];
        long quietBytes = 0;
        long movementBytes = 0;
        int movements = 0;
        for (int i = 4 * n; i < 8 * n; i++) {
            int had = finished[0];
            long a = mx.getCurrentThreadAllocatedBytes();
            p.process(frames[i]);
            long b = mx.getCurrentThreadAllocatedBytes() - a;
            if (finished[0] == had) {
                quietBytes += b;

            } else {
                movementBytes += b;
                movements += finished[0] - had;
            }
        }
        assertEquals(0, p.events().size(), "scene must not raise flags: " + p.events());
        assertTrue(finished[0] - before >= 4, "strokes finished: " + (finished[0] - before));
        assertTrue(p.movements().stream().allMatch(mv -> mv.type() == io.tactus.signal.technique.MovementType.STROKE),
                "only strokes: " + p.movements());
        // as above: a few bytes can come from the JIT, never a per-frame object
        assertTrue(quietBytes < 4 * n, "bytes allocated by frames finishing no movement: " + quietBytes);
        double perMovement = movementBytes / (double) movements;
        assertTrue(perMovement > 0 && perMovement < 4096, "bytes per finished movement: " + perMovement);
    }
}
