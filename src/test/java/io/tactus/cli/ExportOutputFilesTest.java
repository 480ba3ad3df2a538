package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files an export writes, and which it refuses to touch (issue 8, 2.10 and 2.11). */
class ExportOutputFilesTest {

    @TempDir
    static Path dir;
    static Path recording;

    @BeforeAll
    static void makeSession() throws Exception {
        ScenarioStream s = ScenarioStream.open(Scenarios.SPINE_CONTACT, SimOptions.defaults().withRate(10));
        recording = dir.resolve("s.tactus");
        RecordingWriter w = new RecordingWriter(recording, SessionMetadata.now().withDevice(s.descriptor()),
                64L << 20, null);
        Packet p;
        for (long n = 0; n < 200 && (p = s.next()) != null; n++) {
            w.offerPacket(n, new TimedPacket(p, n * 1_000_000L));
        }
        assertEquals(null, w.stop(20_000).error());
    }

    private static RecordCommandTest.Run run(String... args) {
        return RecordCommandTest.tactus(args);
    }

    private static Set<String> names(Path d) throws Exception {
        try (var l = Files.list(d)) {
            return l.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void csvAndAsfInOneFolderKeepOneSidecarEach() throws Exception {
        Path out = dir.resolve("both");
        assertEquals(0, run("export", recording.toString(), "--format", "csv", "--out", out.toString(), "--quiet").code());
        RecordCommandTest.Run asf = run("export", recording.toString(), "--format", "asf", "--out", out.toString(), "--quiet");
        assertEquals(0, asf.code(), asf.err());
        assertEquals(new TreeSet<>(List.of("s.asf", "s.asf.json", "s.csv.json", "s_annotations.csv", "s_events.csv",
                "s_pressure.csv", "s_summary.csv")), names(out));
        assertTrue(Files.readString(out.resolve("s.csv.json")).contains("s_pressure.csv"), "the csv sidecar");
        assertTrue(Files.readString(out.resolve("s.asf.json")).contains("s.asf"), "the asf sidecar");
    }

    @Test
    void anExistingFileIsNeverReplacedWithoutForce() throws Exception {
        Path out = dir.resolve("theirs");
        Files.createDirectories(out);
        Path theirs = out.resolve("s.asf.json");
        Files.writeString(theirs, "someone else's notes");
        RecordCommandTest.Run r = run("export", recording.toString(), "--format", "asf", "--out", out.toString(), "--quiet");
        assertEquals(1, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("s.asf.json already exists") && r.err().contains("--force"), r.err());
        assertEquals("someone else's notes", Files.readString(theirs));
        assertEquals(Set.of("s.asf.json"), names(out), "nothing written, no partial files");

        // A second export of the same thing is refused too: the user says --force to replace.
        RecordCommandTest.Run forced = run("export", recording.toString(), "--format", "asf", "--out", out.toString(), "--quiet",
                "--force");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.readString(theirs).contains("\"files\""), "replaced by the export's sidecar");
        RecordCommandTest.Run again = run("export", recording.toString(), "--format", "asf", "--out", out.toString(), "--quiet");
        assertEquals(1, again.code(), "an earlier export's files are not replaced silently either");
    }

    @Test
    void nameRejectsControlCharactersAndPaths() {
        for (String bad : List.of("a\u001b]0;x\u0007b", "two\nlines", "../up", "..")) {
            RecordCommandTest.Run r = run("export", recording.toString(), "--format", "csv", "--name", bad, "--out",
                    dir.resolve("n").toString());
            assertEquals(2, r.code(), bad);
            assertTrue(r.err().contains("--name"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("n")));
    }

    @Test
    void fileErrorsSayWhy() throws Exception {
        Path aFile = dir.resolve("plain-file");
        Files.writeString(aFile, "x");
        RecordCommandTest.Run export = run("export", recording.toString(), "--format", "csv", "--out", aFile.resolve("sub").toString());
        assertEquals(1, export.code());
        assertTrue(export.err().matches("(?s)tactus: export of s.tactus failed: cannot create output directory .*"
                + "plain-file/sub: (not a directory|already exists)\\s*"), export.err());
        RecordCommandTest.Run record = run("record", "--port", "/dev/null", "--out", dir.resolve("no/such/dir/x.tactus").toString());
        assertEquals(1, record.code());
        assertTrue(record.err().contains("no such directory"), record.err());
    }
}
