package io.tactus.bench;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.session.RecordingStatus;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import io.tactus.session.export.ExportSource;
import io.tactus.session.export.RecordingExportSource;
import io.tactus.signal.SignalPipeline;
import io.tactus.session.export.ExportFormat;
import io.tactus.session.export.ExportMetadata;
import io.tactus.session.export.ExportOptions;
import io.tactus.session.export.ExportResult;
import io.tactus.session.export.SyntheticExportSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Export throughput and peak heap on a long synthetic session (default: one hour of 32x32 at 100 Hz =
 * 360,000 frames), every frame produced by the real signal core on each pass, like a recording replay.
 * Not JMH: one export is minutes of I/O, and the figure of interest is end-to-end MB/s and the heap peak.
 *
 * <p>Run with a small heap to prove the bound: {@code bench/export.sh heap} (see docs/benchmarks/export.md).
 * Args: {@code [seconds] [formats,comma,separated] [outDir] [synthetic|recording]}; {@code recording} first
 * writes a real recording of the looped simulator and exports from it (replayed through the core per pass).
 */
public final class ExportBenchMain {

    private ExportBenchMain() {
    }

    public static void main(String[] args) throws IOException {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 3600;
        List<ExportFormat> formats = args.length > 1
                ? Stream.of(args[1].split(",")).map(ExportFormat::fromId).toList()
                : List.of(ExportFormat.values());
        Path out = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("tactus-export-bench");
        boolean fromRecording = args.length > 3 && "recording".equals(args[3]);
        Files.createDirectories(out);
        DeviceDescriptor d = SyntheticExportSource.grid(32, 32, 100);
        long frames = seconds * 100L;
        ExportMetadata meta = new ExportMetadata(d, "T-1", "R-1", "default", Instant.parse("2026-01-01T09:00:00Z"),
                "bench", null, null);
        ExportSource src;
        Path recording = null;
        if (fromRecording) {
            recording = out.resolve("bench-session.tactus");
            long w0 = System.nanoTime();
            writeRecording(recording, frames);
            System.out.printf(Locale.ROOT, "recording: %d frames of the looped simulator written to %s (%.0f MB) "
                    + "in %.1f s%n", frames, recording, Files.size(recording) / 1e6, (System.nanoTime() - w0) / 1e9);
            src = RecordingExportSource.open(recording, SignalPipeline::new);
        } else {
            src = new SyntheticExportSource(meta, frames, List.of(), List.of(), false);
        }
        System.out.printf(Locale.ROOT, "session: %d frames of 32x32 (%d s at 100 Hz) from %s, max heap %d MB%n",
                frames, seconds, fromRecording ? "a recording (replayed through the core)" : "synthetic frames",
                Runtime.getRuntime().maxMemory() >> 20);

        resetPeaks();
        long t0 = System.nanoTime();
        long[] n = {0};
        src.forEachFrame(f -> n[0]++);
        double passS = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "%-5s %8.1f s  (one source pass through the core, no writing)  "
                + "peak heap %4d MB%n", "pass", passS, peakHeapMb());

        for (ExportFormat f : formats) {
            System.gc();
            resetPeaks();
            long s = System.nanoTime();
            ExportResult r = f.newExporter().export(src, out, "bench", ExportOptions.DEFAULT, null, null);
            double secs = (System.nanoTime() - s) / 1e9;
            System.out.printf(Locale.ROOT, "%-5s %8.1f s  %8.1f MB written  %7.1f MB/s  peak heap %4d MB  "
                    + "(%d files)%n", f.id(), secs, r.bytes() / 1e6, r.bytes() / 1e6 / secs, peakHeapMb(),
                    r.files().size());
            for (Path p : r.files()) {
                Files.deleteIfExists(p);
            }
        }
        if (src instanceof RecordingExportSource r) {
            r.close();
        }
        if (recording != null) {
            Files.deleteIfExists(recording);
        }
        if (args.length <= 2) {
            try (Stream<Path> w = Files.walk(out)) {
                w.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The looped gentle routine as a real recording (paced so the recorder queue stays small). */
    private static void writeRecording(Path file, long frames) throws IOException {
        SimOptions o = SimOptions.defaults();
        SimOptions looped = new SimOptions(o.seed(), 100, false, 32, 32, o.pitchXmm(), o.pitchYmm(), true,
                o.clockStartUs());
        ScenarioStream s = ScenarioStream.open(Scenarios.GENTLE_ROUTINE, looped);
        RecordingWriter w = new RecordingWriter(file, SessionMetadata.now().withDevice(s.descriptor())
                .withTrainee("T-1").withAppVersion("bench"), 64L << 20, null);
        long n = 0;
        long f = 0;
        while (f < frames) {
            Packet p = s.next();
            if (p.type() == PacketType.FRAME_DENSE || p.type() == PacketType.FRAME_SPARSE) {
                f++;
            }
            w.offerPacket(n, new TimedPacket(p, n * 10_000_000L));
            n++;
            while (n - w.status().packets() > 10_000) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
            }
        }
        RecordingStatus st = w.stop(120_000);
        if (st.error() != null || st.lostPackets() > 0) {
            throw new IOException("recording for the benchmark failed: " + st.error());
        }
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the live heap at any moment. */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
