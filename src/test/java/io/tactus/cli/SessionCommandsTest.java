package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.device.TimedPacket;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `tactus info` and `tactus analyze` on the committed sample recordings, raw captures and hostile files. */
class SessionCommandsTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = TactusCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static Set<String> flagTypes(JsonNode analysis) {
        Set<String> types = new TreeSet<>();
        analysis.get("events").forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    @Test
    void everySampleAnalyzesToItsDocumentedFlags() throws Exception {
        String[][] expected = {
            {"gentle-routine.tactus"},
            {"spine-contact.tactus", "spine_contact"},
            {"shoulder-overpressure.tactus", "excess_pressure"},
            {"scapula-contact.tactus", "bone_contact"},
            {"mistakes.tactus", "bone_contact", "excess_pressure", "marker", "spine_contact"},
            {"glove.tactus", "excess_pressure", "spine_contact"},
        };
        for (String[] e : expected) {
            Path f = SAMPLES.resolve(e[0]);
            Run r = run("analyze", f.toString(), "--json");
            assertEquals(0, r.code(), e[0] + ": " + r.err());
            JsonNode a = JSON.readTree(r.out());
            assertEquals(new TreeSet<>(Arrays.asList(e).subList(1, e.length)), flagTypes(a), e[0]);
            assertTrue(a.get("metrics").get("duration_s").asDouble() > 20, e[0]);
            for (JsonNode ev : a.get("events")) {
                double start = ev.get("start_s").asDouble();
                assertTrue(start >= 0 && ev.get("end_s").asDouble() >= start, ev.toString());
                assertTrue(ev.get("peak_kpa").asDouble() > 0, ev.toString());
                assertFalse(ev.get("region").isNull(), ev.toString());
            }
            assertEquals(12, a.get("regions").size());
            assertTrue(a.get("session_metrics").has("regions"), "the core's session metrics are included");
            // the clean sample follows the built-in guided routine (a recorded routine_start): every step done
            JsonNode routine = a.path("technique").path("routine");
            if (e[0].equals("gentle-routine.tactus")) {
                assertEquals("back-basics", routine.path("id").asText(), a.path("technique").toString());
                assertEquals(7, routine.path("steps").size());
                routine.path("steps").forEach(st -> assertEquals("done", st.path("status").asText(), st.toString()));
                assertEquals(7, a.path("scores").path("routine_steps_done").asInt());
            } else {
                assertTrue(routine.isMissingNode() || routine.isNull(), e[0] + " runs no routine: " + routine);
            }

            Run info = run("info", f.toString(), "--json", "--verify");
            assertEquals(0, info.code(), info.err());
            JsonNode i = JSON.readTree(info.out());
            assertEquals("ok", i.get("integrity").get("status").asText(), i.toString());
            assertEquals(0, i.get("dropped_packets").asLong());
            assertTrue(i.get("frames").asLong() > 1000);
        }
    }

    @Test
    void aRawWireCaptureIsTimedByDeviceTime() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults().withSparse(true));
        // The same packets also go into a recording (host time = device time), to compare the two analyses.
        Path recording = dir.resolve("same.tactus");
        RecordingWriter w = new RecordingWriter(recording, SessionMetadata.now().withDevice(s.descriptor()),
                1L << 30, null);
        Packet p;
        int n = 0;
        while ((p = s.next()) != null) {
            if (n == 2000) {
                bytes.write(new byte[] {0x13, 0x37, 0x00}); // a burst of line noise mid-stream
            }
            bytes.write(PacketEncoder.encode(p));
            assertTrue(w.offerPacket(n, new TimedPacket(p, p.deviceTimeUs() * 1000)));
            n++;
        }
        assertEquals(0, w.stop(30_000).lostPackets());
        Path capture = dir.resolve("capture.bin");
        Files.write(capture, bytes.toByteArray());

        Run r = run("analyze", capture.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode a = JSON.readTree(r.out());
        assertEquals("capture", a.get("source").asText());
        assertEquals(Set.of("spine_contact"), flagTypes(a));
        // Same frames as the recording of the same scenario: the same events at the same device times.
        JsonNode rec = JSON.readTree(run("analyze", recording.toString(), "--json").out());
        assertEquals(rec.get("events"), a.get("events"));

        Run info = run("info", capture.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        JsonNode i = JSON.readTree(info.out());
        assertEquals(1, i.get("corrupt_input").get("bad_cobs").asLong() + i.get("corrupt_input").path("too_short").asLong(),
                i.toString());
        assertEquals(s.frameCount(), i.get("frames").asLong());
    }

    @Test
    void infoReadsADiyTextCapture() throws Exception {
        // 4x4 grid, one frame per line, 250 frames; one garbage line; a partial line at the end.
        StringBuilder text = new StringBuilder();
        for (int f = 0; f < 250; f++) {
            for (int i = 0; i < 16; i++) {
                text.append(i == 0 ? "" : ",").append(f % 16 == i ? 500 : 0);
            }
            text.append('\n');
            if (f == 10) {
                text.append("1, 2, nonsense\n");
            }
        }
        text.append("1,2,3");
        Path capture = dir.resolve("grid.txt");
        Files.writeString(capture, text);

        Run r = run("info", capture.toString(), "--ascii", "4x4", "--rate", "50", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode i = JSON.readTree(r.out());
        assertTrue(i.get("kind").asText().startsWith("DIY text capture 4x4"), i.toString());
        assertEquals(250, i.get("frames").asLong(), i.toString());
        assertEquals(249 / 50.0, i.get("duration_s").asDouble(), 1e-6, i.toString());
        assertEquals(0, i.get("dropped_packets").asLong(), i.toString());
        assertTrue(i.get("corrupt_input").path("bad_text").asLong() >= 1, i.toString());

        assertEquals(2, run("info", capture.toString(), "--ascii", "4by4").code());
        assertEquals(2, run("info", capture.toString(), "--rate", "50").code());
        assertEquals(2, run("info", capture.toString(), "--ascii", "4x4", "--rate", "-1").code());
        Run wrongSize = run("info", SAMPLES.resolve("glove.tactus").toString(), "--ascii", "4x4");
        assertEquals(1, wrongSize.code(), wrongSize.out());
        assertTrue(wrongSize.err().contains("no 4x4 text frame"), wrongSize.err());
    }

    @Test
    void hostileAndMissingFilesGiveOneLineErrors() throws Exception {
        Path junk = dir.resolve("junk.bin");
        byte[] noise = new byte[20_000];
        new java.util.Random(1).nextBytes(noise);
        for (int k = 0; k < noise.length; k++) {
            if (noise[k] == 0) {
                noise[k] = 1; // no delimiter: not a capture
            }
        }
        Files.write(junk, noise);
        Path truncated = dir.resolve("cut.tactus");
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("spine-contact.tactus"));
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

        Run j = run("info", junk.toString());
        assertEquals(1, j.code());
        assertEquals(1, j.err().strip().lines().count(), j.err());
        assertTrue(j.err().contains("neither a Tactus recording"), j.err());

        Run missing = run("analyze", dir.resolve("nope.tactus").toString());
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("no such file"), missing.err());

        Run cut = run("info", truncated.toString(), "--json");
        assertEquals(0, cut.code(), cut.err());
        JsonNode i = JSON.readTree(cut.out());
        assertTrue(i.get("integrity").get("summary").asText().contains("not closed normally"), i.toString());
        assertTrue(i.get("frames").asLong() > 3000, "every complete record before the cut is recovered: " + i);

        Run partial = run("analyze", truncated.toString(), "--json");
        assertEquals(0, partial.code(), partial.err());
        assertEquals(1, partial.err().strip().lines().count(), partial.err());
        assertTrue(partial.err().contains("warning: the recording is not closed normally"), partial.err());
        JsonNode pa = JSON.readTree(partial.out());
        assertEquals("cut", pa.get("integrity").get("status").asText(), pa.toString());
        assertTrue(pa.get("integrity").get("summary").asText().contains("not closed normally"), pa.toString());
        assertTrue(pa.get("metrics").get("frames").asLong() > 3000, pa.toString());

        Path badHeader = dir.resolve("badheader.tactus");
        byte[] damaged = whole.clone();
        damaged[9] ^= 0x55; // version field: the header CRC no longer matches
        Files.write(badHeader, damaged);
        Run bh = run("analyze", badHeader.toString(), "--json");
        assertEquals(1, bh.code());
        assertEquals(1, bh.err().strip().lines().count(), bh.err());
        assertTrue(bh.err().contains("damaged"), bh.err());
        assertEquals("", bh.out());

        Run badProfile = run("analyze", SAMPLES.resolve("gentle-routine.tactus").toString(), "--profile", "nope");
        assertEquals(2, badProfile.code());
        assertTrue(badProfile.err().contains("gentle"), "lists the valid profiles: " + badProfile.err());
    }
}
