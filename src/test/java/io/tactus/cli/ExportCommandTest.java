package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jhdf.HdfFile;
import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.session.Annotation;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {

    @TempDir
    static Path dir;
    static Path recording;
    static Path capture;
    static long frames;

    /** A simulated spine-contact session (20 Hz to stay small), recorded and also saved as raw wire bytes. */
    @BeforeAll
    static void makeSession() throws Exception {
        ScenarioStream s = ScenarioStream.open(Scenarios.SPINE_CONTACT, SimOptions.defaults().withRate(20));
        frames = s.frameCount();
        recording = dir.resolve("lesson.tactus");
        capture = dir.resolve("wire.bin");
        SessionMetadata meta = SessionMetadata.now().withStartUtc("2026-05-04T08:00:00Z").withDevice(s.descriptor())
                .withTrainee("T-9").withReceiver("R-2").withProfile("gentle").withNotes("Bob Realname, shy")
                .withAppVersion("0.1.0");
        RecordingWriter w = new RecordingWriter(recording, meta, 64L << 20, null);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Packet p;
        long n = 0;
        long firstTime = -1;
        while ((p = s.next()) != null) {
            w.offerPacket(n, new TimedPacket(p, n * 1_000_000L));
            wire.write(PacketEncoder.encode(p));
            if (firstTime < 0) {
                firstTime = p.deviceTimeUs();
            }
            n++;
        }
        w.offerAnnotation(Annotation.of(firstTime + 1_000_000, "Bob: lighter, please"));
        assertEquals(null, w.stop(20_000).error());
        Files.write(capture, wire.toByteArray());
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = TactusCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void exportsARecordingToCsvWithReplayedFlagsAndAnnotations() throws Exception {
        Path outDir = dir.resolve("csv");
        Run r = run("export", recording.toString(), "--format", "csv", "--out", outDir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("lesson_pressure.csv"), r.out());
        assertTrue(r.err().contains("export: " + frames + " frames"), r.err());
        List<String> lines = Files.readAllLines(outDir.resolve("lesson_pressure.csv"));
        assertEquals(frames + 1, lines.size());
        assertEquals(2 + 32 * 32, lines.get(0).split(",").length);
        String events = Files.readString(outDir.resolve("lesson_events.csv"));
        assertTrue(events.contains("spine_contact"), "the spine-contact scenario replays to a spine flag: " + events);
        assertTrue(Files.readString(outDir.resolve("lesson_annotations.csv")).contains("lighter, please"));
        JsonNode meta = new ObjectMapper().readTree(outDir.resolve("lesson.csv.json").toFile());
        assertEquals("T-9", meta.at("/session/trainee_pseudonym").asText());
        assertTrue(meta.at("/session/start_time_utc").asText().startsWith("2026-05-04T08:00:0"));
        assertEquals(frames, meta.at("/session/frames").asLong());
    }

    @Test
    void aRecordingCutByACrashExportsWhatWasRecovered() throws Exception {
        Path cut = dir.resolve("cut.tactus");
        byte[] all = Files.readAllBytes(recording);
        Files.write(cut, java.util.Arrays.copyOf(all, all.length * 6 / 10 + 7)); // mid-record, no index/trailer
        Path outDir = dir.resolve("cut-mat");
        Run r = run("export", cut.toString(), "--format", "mat", "--out", outDir.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(outDir.resolve("cut.mat").toString(), lines[0]);
        try (var f = us.hebi.matlab.mat.format.Mat5.readFromFile(outDir.resolve("cut.mat").toFile())) {
            int n = f.getMatrix("pressure_kpa").getDimensions()[2];
            assertTrue(n > frames / 2 && n < frames, "the complete records before the cut: " + n + " of " + frames);
            assertEquals(n, f.getMatrix("time_s").getNumRows());
        }
    }

    @Test
    void anonymisedHdf5OfARecording() throws Exception {
        Path outDir = dir.resolve("h5");
        Run r = run("export", recording.toString(), "--format", "hdf5", "--out", outDir.toString(), "--anonymize",
                "--time-shift", "-86400", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
        try (HdfFile f = new HdfFile(outDir.resolve("lesson.h5"))) {
            assertEquals(frames, f.getDatasetByPath("pressure_kpa").getDimensions()[0]);
            String json = (String) f.getAttribute("metadata_json").getData();
            assertFalse(json.contains("Bob"), "notes and annotation texts are stripped");
            assertTrue(((String) f.getAttribute("start_time_utc").getData()).startsWith("2026-05-03T08:00:0"));
            String[] text = (String[]) f.getDatasetByPath("annotations/text").getData();
            assertEquals("", text[0]);
        }
    }

    @Test
    void exportsARawWireCaptureTimedByDeviceTime() throws Exception {
        Path outDir = dir.resolve("cap");
        Run r = run("export", capture.toString(), "--format", "asf", "--out", outDir.toString());
        assertEquals(0, r.code(), r.err());
        String asf = Files.readString(outDir.resolve("wire.asf"));
        assertTrue(asf.contains("END_FRAME " + frames + " "), "every frame of the capture");
        assertTrue(asf.contains("SECONDS_PER_FRAME 0.050000\r\n"));
    }

    @Test
    void aGloveCaptureExportsToEveryFormat() throws Exception {
        ScenarioStream s = ScenarioStream.open(Scenarios.GLOVE, SimOptions.defaults().withRate(20));
        Path glove = dir.resolve("glove.bin");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        Packet p;
        while ((p = s.next()) != null) {
            wire.write(PacketEncoder.encode(p));
        }
        Files.write(glove, wire.toByteArray());
        int taxels = s.descriptor().cellCount();
        for (String fmt : List.of("csv", "mat", "hdf5", "asf")) {
            Path outDir = dir.resolve("glove-" + fmt);
            Run r = run("export", glove.toString(), "--format", fmt, "--out", outDir.toString(), "--quiet");
            assertEquals(0, r.code(), fmt + ": " + r.err());
        }
        try (HdfFile f = new HdfFile(dir.resolve("glove-hdf5/glove.h5"))) {
            int[] dims = f.getDatasetByPath("pressure_kpa").getDimensions();
            assertEquals(List.of((int) s.frameCount(), 1, taxels), List.of(dims[0], dims[1], dims[2]));
        }
        assertTrue(Files.readString(dir.resolve("glove-asf/glove.asf")).contains("ROWS 1\r\nCOLS " + taxels));
    }

    @Test
    void badArgumentsAndMissingFilesAreOneLineErrors() {
        Run bad = run("export", recording.toString(), "--format", "xlsx");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("unknown export format 'xlsx' (csv, mat, hdf5, asf)"), bad.err());

        Run profile = run("export", recording.toString(), "--format", "csv", "--profile", "nonsense");
        assertEquals(2, profile.code());
        assertTrue(profile.err().contains("unknown profile 'nonsense'"), profile.err());

        Run missing = run("export", dir.resolve("nope.tactus").toString(), "--format", "csv");
        assertEquals(1, missing.code());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
        assertTrue(missing.err().contains("no such file"));

        Run garbage = run("export", writeGarbage().toString(), "--format", "csv", "--out",
                dir.resolve("g").toString());
        assertEquals(1, garbage.code(), garbage.err());
        assertEquals(1, garbage.err().strip().lines().count(), garbage.err());
        assertTrue(garbage.err().startsWith("tactus: export of garbage.bin failed: "), garbage.err());

        Run notADir = run("export", recording.toString(), "--format", "csv", "--out", recording.toString());
        assertEquals(1, notADir.code());
        assertTrue(notADir.err().contains("is not a directory"), notADir.err());
    }

    private static Path writeGarbage() {
        try {
            Path g = dir.resolve("garbage.bin");
            Files.write(g, "this is not a capture".getBytes());
            return g;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
