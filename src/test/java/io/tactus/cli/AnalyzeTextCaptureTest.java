package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `analyze` and `export` with `--ascii RxC` (info: InfoCommandTest): a capture of a DIY text grid, timed at the given rate. */
class AnalyzeTextCaptureTest {

    @TempDir
    Path dir;

    private static String[] run(String... args) {
        CommandLine cl = TactusCli.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void aTextCaptureIsAnalysedAtTheGivenRate() throws Exception {
        // 8x8 grid, one frame per line; a press on the two middle columns (the spine band of a centred mat)
        // from frame 100 to 159, i.e. 1.00 s to 1.59 s at 100 Hz; a garbage line that must be skipped.
        List<String> lines = new ArrayList<>();
        for (int f = 0; f < 300; f++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < 64; i++) {
                int col = i % 8;
                boolean press = f >= 100 && f < 160 && (col == 3 || col == 4) && i / 8 >= 2 && i / 8 < 5;
                b.append(i == 0 ? "" : i % 2 == 0 ? "," : " ").append(press ? 600 : 0);
            }
            lines.add(b.toString());
            if (f == 50) {
                lines.add("12, x, garbage");
            }
        }
        Path capture = dir.resolve("grid.txt");
        Files.write(capture, lines);

        String[] r = run("analyze", capture.toString(), "--ascii", "8x8", "--rate", "100", "--json");
        assertEquals("0", r[0], r[2]);
        JsonNode a = new ObjectMapper().readTree(r[1]);
        assertEquals("capture", a.get("source").asText());
        assertEquals(300, a.get("metrics").get("frames").asLong());
        assertEquals(2.99, a.get("metrics").get("duration_s").asDouble(), 1e-6);
        JsonNode spine = null;
        for (JsonNode e : a.get("events")) {
            if (e.get("type").asText().equals("spine_contact")) {
                spine = e;
            }
        }
        assertTrue(spine != null, a.get("events").toString());
        assertEquals(1.0, spine.get("start_s").asDouble(), 0.02, spine.toString());
        assertTrue(a.get("stream").get("corrupt").get("bad_text").asLong() >= 1, a.get("stream").toString());

        Path out = dir.resolve("out");
        String[] export = run("export", capture.toString(), "--ascii", "8x8", "--rate", "100", "--format", "csv",
                "--out", out.toString(), "--quiet");
        assertEquals("0", export[0], export[2]);
        List<String> pressure = Files.readAllLines(out.resolve("grid_pressure.csv"));
        assertEquals(301, pressure.size(), "header + one row per frame");
        assertTrue(pressure.get(0).startsWith("frame,time_s,r00c00"), pressure.get(0));
        assertTrue(Files.readString(out.resolve("grid_events.csv")).contains("spine_contact"));

        assertEquals("2", run("analyze", capture.toString(), "--ascii", "8by8")[0]);
        assertEquals("2", run("analyze", capture.toString(), "--rate", "100")[0]);
    }
}
