package io.tactus.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.protocol.PacketType;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A real SIGKILL of a recording JVM: the file must hold everything but (at most) the last second. */
class KillRecoveryTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(300) // a hang guard: a busy machine takes longer
    void killMinus9LosesAtMostTheLastSecond() throws Exception {
        Path file = dir.resolve("killed.tactus");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                KillTarget.class.getName(), file.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        long lastSent = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("sent ")) {
                    lastSent = Long.parseLong(line.substring(5).trim());
                    if (lastSent >= 1500) {
                        break; // about 3 s recorded
                    }
                }
            }
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(lastSent >= 1500, "child recorded: " + lastSent);
        assertEquals(137, p.exitValue(), "killed by SIGKILL");
        try (RecordingReader r = RecordingReader.open(file)) {
            assertFalse(r.integrity().complete());
            assertTrue(r.integrity().indexRebuilt());
            assertEquals("kill test", r.metadata().notes());
            RecordingReader.Cursor c = r.cursor();
            RecordedPacket pk;
            long frames = 0;
            int expectSeq = 1;
            while ((pk = c.next()) != null) {
                if (pk.timed().packet().type() == PacketType.FRAME_DENSE) {
                    assertEquals(expectSeq++, pk.timed().packet().seq(), "no hole in the recovered stream");
                    frames++;
                }
            }
            // At 500 Hz one second is 500 frames; the writer flushes every 50 ms, so the loss is far smaller.
            assertTrue(frames >= lastSent - 500, "recovered " + frames + " of at least " + lastSent + " sent");
            assertEquals(frames, r.summary().frames());
        }
    }
}
