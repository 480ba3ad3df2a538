package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM (what Ctrl-C and `kill` send) cancels a running export in a child JVM and leaves no file behind. */
class ExportSigtermTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void sigtermCancelsAnExportAndRemovesThePartialFiles() throws Exception {
        Path recording = dir.resolve("long.tactus");
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults());
        RecordingWriter w = new RecordingWriter(recording, SessionMetadata.now().withDevice(s.descriptor()),
                1L << 30, null);
        Packet p;
        long n = 0;
        while ((p = s.next()) != null) {
            w.offerPacket(n++, new TimedPacket(p, p.deviceTimeUs() * 1000));
        }
        assertEquals(0, w.stop(60_000).lostPackets());

        Path out = dir.resolve("out");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xint keeps the child exporting long enough to be interrupted mid-file on any machine.
        ProcessBuilder pb = new ProcessBuilder(java, "-Xint", "-cp", System.getProperty("java.class.path"),
                "io.tactus.Launcher", "export", recording.toString(), "--format", "csv", "--out", out.toString());
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process child = pb.start();
        List<String> err = new ArrayList<>();
        long signalledAt;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                err.add(line);
                if (line.contains("(write,")) {
                    break; // the data pass is writing the CSV files
                }
            }
            assertTrue(child.isAlive(), "the export was still running when signalled: " + err);
            signalledAt = System.nanoTime();
            child.toHandle().destroy(); // SIGTERM on Linux (Process.destroy would also close our pipes)
            while ((line = r.readLine()) != null) {
                err.add(line);
            }
        }
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child exits after SIGTERM");
        double seconds = (System.nanoTime() - signalledAt) / 1e9;
        assertTrue(err.stream().anyMatch(l -> l.contains("export cancelled, no files written")), err.toString());
        try (Stream<Path> left = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertEquals(List.of(), left.toList(), "no partial or finished file is left");
        }
        // A generous bound (interpreted child, shared machine): the docs give the measured figure.
        assertTrue(seconds < 30, "cancelled in " + seconds + " s");
        System.out.printf("export cancelled %.2f s after SIGTERM (interpreted child)%n", seconds);
    }
}
