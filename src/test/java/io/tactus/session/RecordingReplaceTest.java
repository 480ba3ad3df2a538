package io.tactus.session;

import static io.tactus.session.TestStreams.eventually;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing at the target path is removed or replaced until the new recording has its first frame (issue 8, 2.7:
 * `record --force` with a mistyped port deleted the earlier session).
 */
class RecordingReplaceTest {

    @TempDir
    Path dir;

    private List<String> listing() throws Exception {
        try (var l = Files.list(dir)) {
            return l.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theEarlierFileStaysUntilTheFirstFrameIsWrittenThenIsReplacedWhole() throws Exception {
        Path file = dir.resolve("session.tactus");
        byte[] earlier = "an earlier session".getBytes();
        Files.write(file, earlier);
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults());
        RecordingWriter w = new RecordingWriter(file, SessionMetadata.now().withDevice(s.descriptor()), 1 << 24, null);
        Packet hello = s.next();
        assertEquals(PacketType.HELLO, hello.type());
        long before = w.status().bytes();
        assertTrue(w.offerPacket(0, new TimedPacket(hello, 0)));
        assertTrue(eventually(() -> w.status().bytes() > before), "the HELLO has gone to the OS (staging file)");
        assertArrayEquals(earlier, Files.readAllBytes(file), "a HELLO alone replaces nothing");

        Packet frame = s.next();
        assertTrue(frame.type().isFrame());
        assertTrue(w.offerPacket(1, new TimedPacket(frame, 1_000_000)));
        assertTrue(eventually(() -> file.toFile().length() > earlier.length), "replaced once the first frame is written");
        for (long n = 2; n < 100; n++) {
            Packet p = s.next();
            w.offerPacket(n, new TimedPacket(p, n * 1_000_000));
        }
        assertEquals(null, w.stop(20_000).error());
        assertEquals(List.of("session.tactus"), listing(), "no staging file left");
        try (RecordingReader r = RecordingReader.open(file)) {
            assertTrue(r.integrity().clean(), r.integrity().summary());
            assertEquals(100, r.summary().packets());
        }
    }

    @Test
    void aSessionWithoutFramesLeavesAnExistingFileAsItWas() throws Exception {
        Path file = dir.resolve("keep.tactus");
        Files.writeString(file, "precious");
        RecordingWriter w = new RecordingWriter(file, SessionMetadata.now(), 1 << 24, null);
        RecordingStatus st = w.stop(20_000);
        assertEquals("precious", Files.readString(file));
        assertTrue(st.error() != null && st.error().contains("no frame arrived"), String.valueOf(st.error()));
        assertEquals(List.of("keep.tactus"), listing(), "the staging file is removed");
    }

    @Test
    void aNewFileWithoutFramesIsStillWritten() throws Exception {
        Path file = dir.resolve("new.tactus");
        RecordingWriter w = new RecordingWriter(file, SessionMetadata.now(), 1 << 24, null);
        assertEquals(null, w.stop(20_000).error());
        assertEquals(List.of("new.tactus"), listing());
        try (RecordingReader r = RecordingReader.open(file)) {
            assertTrue(r.integrity().clean(), r.integrity().summary());
        }
    }

    @Test
    void aDeviceNodeIsNeverATarget() {
        Path devNull = Path.of("/dev/null");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(devNull), "needs /dev/null");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new RecordingWriter(devNull, SessionMetadata.now(), 1 << 20, null));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
