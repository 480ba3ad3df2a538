package io.tactus.bench;

import io.tactus.device.LinkStats;
import io.tactus.device.PacketSink;
import io.tactus.device.PacketSource;
import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.session.LiveOptions;
import io.tactus.session.LiveSession;
import io.tactus.session.LiveStats;
import io.tactus.session.RecordedPacket;
import io.tactus.session.RecordingReader;
import io.tactus.session.RecordingStatus;
import io.tactus.session.RecordingWriter;
import io.tactus.session.ReplayEngine;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.FrameSnapshot;
import io.tactus.signal.SignalPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Session benchmarks (not JMH: each is seconds to minutes of real time and I/O). Modes:
 * <ul>
 *   <li>{@code record SECONDS [FILE]}: a 32x32 device at 1,000 Hz (dense frames, paced by the wall clock, real
 *       simulator content cycled) through {@link LiveSession} with recording on; checks the file holds every
 *       frame.</li>
 *   <li>{@code hour FILE [SECONDS]}: writes a one-hour (default) 32x32 100 Hz dense recording of the looped
 *       simulator, for {@code tactus analyze} and {@code seek}.</li>
 *   <li>{@code seek FILE}: the index lookup (cursorAt, the reference), the replay engine's scan with its
 *       checkpoint memory, and its exact seeks (random, worst case just before a checkpoint, playing forward).</li>
 * </ul>
 * See docs/benchmarks/session.md and bench/session.sh.
 */
public final class SessionBenchMain {

    private SessionBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: record SECONDS [FILE] | hour FILE [SECONDS] | seek FILE");
            System.exit(2);
        }
        switch (args[0]) {
            case "record" -> record(Integer.parseInt(args[1]), args.length > 2 ? Path.of(args[2]) : null);
            case "hour" -> hour(Path.of(args[1]), args.length > 2 ? Integer.parseInt(args[2]) : 3600);
            case "seek" -> seek(Path.of(args[1]));
            default -> {
                System.err.println("unknown mode " + args[0]);
                System.exit(2);
            }
        }
    }

    // ------------------------------------------------------------------ record at 1 kHz

    /** A 32x32 device at a fixed rate: HELLO, then dense frames cycled from a simulator pool, wall-clock paced. */
    static final class PacedSource implements PacketSource {
        private final Packet hello;
        private final byte[][] payloads;
        private final double rateHz;
        private final long frames;
        private volatile boolean closed;
        private volatile long emitted;
        private volatile long late;
        private Thread thread;

        PacedSource(double rateHz, long frames) {
            SimOptions o = SimOptions.defaults();
            SimOptions looped = new SimOptions(o.seed(), 100, false, 32, 32, o.pitchXmm(), o.pitchYmm(), true,
                    o.clockStartUs());
            ScenarioStream s = ScenarioStream.open(Scenarios.GENTLE_ROUTINE, looped);
            Packet h = null;
            List<byte[]> pool = new ArrayList<>();
            while (pool.size() < 3000) {
                Packet p = s.next();
                if (p.type() == PacketType.HELLO && h == null) {
                    h = p;
                } else if (p.type() == PacketType.FRAME_DENSE) {
                    pool.add(p.payload());
                }
            }
            // The HELLO says 100 Hz; the stream runs at rateHz (the core times by device time, not the HELLO).
            this.hello = h;
            this.payloads = pool.toArray(new byte[0][]);
            this.rateHz = rateHz;
            this.frames = frames;
        }

        @Override
        public String name() {
            return "paced 32x32 @ " + rateHz + " Hz";
        }

        @Override
        public void start(PacketSink sink) {
            thread = new Thread(() -> run(sink), "paced-source");
            thread.setDaemon(true);
            thread.start();
        }

        private void run(PacketSink sink) {
            sink.onPacket(new TimedPacket(new Packet(PacketType.HELLO, 0, 0, hello.payload()), System.nanoTime()));
            long periodNs = (long) (1e9 / rateHz);
            long periodUs = (long) (1e6 / rateHz);
            long t0 = System.nanoTime();
            for (long i = 1; i <= frames && !closed; i++) {
                long due = t0 + i * periodNs;
                long wait = due - System.nanoTime();
                if (wait > 50_000) {
                    LockSupport.parkNanos(wait - 30_000);
                }
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                if (System.nanoTime() - due > 5_000_000) {
                    late++;
                }
                Packet p = new Packet(PacketType.FRAME_DENSE, (int) (i & 0xFFFF), (i * periodUs) & 0xFFFFFFFFL,
                        payloads[(int) (i % payloads.length)]);
                sink.onPacket(new TimedPacket(p, System.nanoTime()));
                emitted = i;
            }
        }

        boolean done() {
            return emitted >= frames;
        }

        @Override
        public LinkStats stats() {
            return new LinkStats(0, emitted + 1, Map.of(), 0);
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static void record(int seconds, Path file) throws Exception {
        Path f = file != null ? file : Files.createTempFile("tactus-rec-bench", ".tactus");
        long frames = seconds * 1000L;
        PacedSource source = new PacedSource(1000, frames);
        LiveSession session = new LiveSession(source, SignalPipeline::new, LiveOptions.DEFAULT);
        session.startRecording(f, SessionMetadata.now().withAppVersion("bench").withTrainee("T-1"));
        long t0 = System.nanoTime();
        session.start();
        long nextReport = t0 + TimeUnit.SECONDS.toNanos(10);
        while (!source.done()) {
            Thread.sleep(20);
            if (System.nanoTime() >= nextReport) {
                nextReport += TimeUnit.SECONDS.toNanos(10);
                LiveStats s = session.stats();
                System.out.printf(Locale.ROOT, "%5.0f s  sent %d  recorded %d  lost %d  processed %d frames "
                                + "(%.0f Hz)  queue drops %d  %.0f MB%n", (System.nanoTime() - t0) / 1e9,
                        source.emitted, s.recording().packets(), s.recording().lostPackets(), s.frames(),
                        s.frameRateHz(), s.queueDrops(), s.recording().bytes() / 1e6);
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        Thread.sleep(500);
        LiveStats s = session.stats();
        RecordingStatus rec = session.stopRecording();
        session.close();
        long inFile;
        String integrity;
        try (RecordingReader r = RecordingReader.open(f)) {
            inFile = r.summary().frames();
            integrity = r.verify().summary();
        }
        System.out.printf(Locale.ROOT, "%nRECORD 32x32 @ 1000 Hz for %d s (wall %.1f s): sent %d frames (%d more "
                        + "than 5 ms late), recorded %d packets, lost by the recorder %d, error %s; file %.0f MB, "
                        + "%d frames in the file, integrity: %s%n", seconds, wall, source.emitted, source.late,
                rec.packets(), rec.lostPackets(), rec.error(), rec.bytes() / 1e6, inFile, integrity);
        System.out.printf(Locale.ROOT, "live core: %d frames processed, %d processing-queue drops (drop-oldest), "
                + "%d sequence gaps%n", s.frames(), s.queueDrops(), s.dropped());
        System.out.println(inFile == source.emitted && rec.lostPackets() == 0 ? "ZERO LOSS" : "LOSS");
        if (file == null) {
            Files.deleteIfExists(f);
        }
    }

    // ------------------------------------------------------------------ one-hour file

    static void hour(Path file, int seconds) throws IOException {
        SimOptions o = SimOptions.defaults();
        SimOptions looped = new SimOptions(o.seed(), 100, false, 32, 32, o.pitchXmm(), o.pitchYmm(), true,
                o.clockStartUs());
        ScenarioStream s = ScenarioStream.open(Scenarios.GENTLE_ROUTINE, looped);
        long t0 = System.nanoTime();
        long frames = seconds * 100L;
        RecordingStatus st = writeFrames(file, s, SessionMetadata.now().withDevice(s.descriptor())
                .withTrainee("T-1").withAppVersion("bench").withProfile("gentle"), frames);
        System.out.printf(Locale.ROOT, "wrote %d frames (%d s of 32x32 dense at 100 Hz) to %s: %.0f MB in %.1f s, "
                + "lost %d, error %s%n", frames, seconds, file, Files.size(file) / 1e6, (System.nanoTime() - t0) / 1e9,
                st.lostPackets(), st.error());
    }

    /**
     * Writes a looped simulator stream's first {@code frames} frames through the real recorder, as fast as the
     * recorder takes them (packets timed 10 ms apart on the host clock).
     */
    static RecordingStatus writeFrames(Path file, ScenarioStream s, SessionMetadata meta, long frames)
            throws IOException {
        RecordingWriter w = new RecordingWriter(file, meta, 64L << 20, null);
        long n = 0;
        long f = 0;
        while (f < frames) {
            Packet p = s.next();
            if (p.type().isFrame()) {
                f++;
            }
            w.offerPacket(n, new TimedPacket(p, n * 10_000_000L));
            n++;
            while (n - w.status().packets() > 10_000) {
                LockSupport.parkNanos(1_000_000);
            }
        }
        return w.stop(120_000);
    }

    // ------------------------------------------------------------------ seeking

    static void seek(Path file) throws Exception {
        Random rnd = new Random(7);
        try (RecordingReader reader = RecordingReader.open(file)) {
            long first = reader.firstTimeUs();
            long last = reader.lastTimeUs();
            long span = last - first;
            System.out.printf(Locale.ROOT, "%s: %.0f s, %d frames, %.0f MB%n", file, span / 1e6,
                    reader.summary().frames(), Files.size(file) / 1e6);

            // 1. The index: a cursor at a random time and its first packet.
            double[] ms = new double[200];
            for (int i = 0; i < ms.length; i++) {
                long t = first + (long) (rnd.nextDouble() * span);
                long s = System.nanoTime();
                RecordingReader.Cursor c = reader.cursorAt(t);
                RecordedPacket p = c.next();
                ms[i] = (System.nanoTime() - s) / 1e6;
                if (p == null) {
                    throw new IllegalStateException("no packet at " + t);
                }
            }
            report("RecordingReader.cursorAt + first packet (200 random times)", ms);

        }

        // 2. The replay engine (what the replay view uses): the scan with its checkpoints, then exact seeks.
        System.gc();
        long heapBefore = usedHeap();
        try (ReplayEngine engine = ReplayEngine.open(file, SignalPipeline::new)) {
            long first = engine.startUs();
            long span = engine.endUs() - first;
            long s = System.nanoTime();
            engine.scan(null);
            System.out.printf(Locale.ROOT, "ReplayEngine.scan (whole file, %d checkpoints every %.0f s): %.0f ms%n",
                    engine.checkpointCount(), ReplayEngine.CHECKPOINT_EVERY_US / 1e6, (System.nanoTime() - s) / 1e6);
            long heapAfter = usedHeap();
            double mb = (heapAfter - heapBefore) / 1e6;
            System.out.printf(Locale.ROOT, "engine memory after the scan (checkpoints, series, index): %.1f MB, "
                    + "%.1f MB per hour of recording%n", mb, mb * 3600e6 / span);

            double[] exact = new double[300];
            for (int i = 0; i < exact.length; i++) {
                long t = first + (long) (rnd.nextDouble() * span);
                s = System.nanoTime();
                FrameSnapshot f = engine.frameAt(t).snapshot();
                exact[i] = (System.nanoTime() - s) / 1e6;
                check(f, t);
            }
            report("ReplayEngine.frameAt exact (frame, back drawing, 2 s trails), 300 random times in random order"
                    + " (backward and forward)", exact);
            double[] worst = new double[100];
            for (int i = 0; i < worst.length; i++) {
                // the trail window (2 s) ending just after a checkpoint: the longest run forward, from the one before
                long k = (long) (rnd.nextDouble() * (span / ReplayEngine.CHECKPOINT_EVERY_US - 2));
                long t = first + (k + 1) * ReplayEngine.CHECKPOINT_EVERY_US + ReplayEngine.TRAIL_US - 15_000;
                engine.at(first + span - (long) (rnd.nextDouble() * 60e6)); // start from elsewhere
                s = System.nanoTime();
                FrameSnapshot f = engine.frameAt(t).snapshot();
                worst[i] = (System.nanoTime() - s) / 1e6;
                check(f, t);
            }
            report("ReplayEngine.frameAt exact, 100 targets 2 s after a checkpoint minus 15 ms (worst case: 6 s run)",
                    worst);
            double[] step = new double[300];
            long t = first + span / 3;
            engine.at(t);
            for (int i = 0; i < step.length; i++) {
                t += 10_000;
                s = System.nanoTime();
                engine.frameAt(t);
                step[i] = (System.nanoTime() - s) / 1e6;
            }
            report("ReplayEngine.frameAt +10 ms (playing forward)", step);
        }
    }

    /** The snapshot is the frame at t, or the last one before it (100 Hz: within 10 ms). */
    private static void check(FrameSnapshot f, long t) {
        if (f == null || f.deviceTimeUs() > t || f.deviceTimeUs() < t - 20_000) {
            throw new IllegalStateException("seek to " + t + " gave " + (f == null ? "nothing" : f.deviceTimeUs()));
        }
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static void report(String what, double[] ms) {
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.2f ms, p90 %.2f ms, max %.2f ms%n", what,
                sorted[sorted.length / 2], sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1]);
    }
}
