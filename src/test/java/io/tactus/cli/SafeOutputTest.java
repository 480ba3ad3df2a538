package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Texts from a device or a recording reach the terminal without control characters (issue 8, 2.9). */
class SafeOutputTest {

    private static final String HOSTILE = "\u001b]0;pwned\u0007\u001b[2J\u009b31m";

    @TempDir
    Path dir;

    @Test
    void theWriterDropsControlCharactersButKeepsLines() {
        StringWriter sw = new StringWriter();
        PrintWriter w = SafeOutput.wrap(new PrintWriter(sw));
        w.print("a" + HOSTILE + "b\tc\n");
        w.flush();
        assertEquals("a]0;pwned[2J31mb\tc\n", sw.toString());
        assertTrue(SafeOutput.wrap(w) == w, "wrapping twice is a no-op");
    }

    @Test
    void infoPrintsHostileMetadataWithoutEscapes() throws Exception {
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults());
        Path file = dir.resolve("hostile.tactus");
        RecordingWriter w = new RecordingWriter(file, SessionMetadata.now().withDevice(s.descriptor())
                .withNotes("notes" + HOSTILE + "\nfake: line").withTrainee("T" + HOSTILE), 1L << 30, null);
        Packet p;
        for (int n = 0; n < 300 && (p = s.next()) != null; n++) {
            assertTrue(w.offerPacket(n, new TimedPacket(p, p.deviceTimeUs() * 1000)));
        }
        w.stop(30_000);

        for (String[] args : new String[][] {{"info", file.toString()}, {"info", file.toString(), "--json"},
            {"analyze", file.toString()}, {"no-such-command" + HOSTILE}}) {
            CommandLine cl = TactusCli.newCommandLine();
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(err));
            cl.execute(args);
            String all = out + "" + err;
            for (char c : all.toCharArray()) {
                assertFalse(c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f,
                        String.join(" ", args) + ": control character " + (int) c + " in " + all);
            }
            if (args.length == 2 && args[0].equals("info")) {
                assertTrue(out.toString().contains("notes]0;pwned[2J31m fake: line"), out.toString());
            }
        }
    }
}
