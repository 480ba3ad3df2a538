package io.tactus.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tactus.device.RawFrame;
import io.tactus.signal.technique.Routine;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** process() allocates nothing per frame (events aside), measured with the JVM's per-thread allocation counter. */
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
            if (i % 100 < 80) {
                m.dome(-90 + 20 * Math.cos(i * 0.05), 350 - 60 * Math.sin(i * 0.02), 45, 35);
            }
            frames[i] = m.next();
        }
        p.startTare(0.05);
        p.startRoutine(Routine.defaultRoutine());
        for (int i = 0; i < 2 * n; i++) {
            p.process(frames[i]); // warm up (and allocate the tare accumulators, the dead-cell lists)
        }
        long tid = Thread.currentThread().getId();
        long before = mx.getThreadAllocatedBytes(tid);
        for (int i = 2 * n; i < 4 * n; i++) {
            p.process(frames[i]);
        }
        long after = mx.getThreadAllocatedBytes(tid);
        assertEquals(0, p.events().size(), "scene must not raise flags");
        assertEquals(0, after - before, "bytes allocated by " + (2 * n) + " frames");
    }
}
