package io.tactus.cli;

import static io.tactus.cli.DamagedRecordingCommandsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A `cat` of a running device: protocol-v1 bytes that start after the HELLO. */
class CaptureWithoutHelloTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path capture(boolean withHello) throws Exception {
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults().withSparse(true));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Packet p;
        int n = 0;
        while ((p = s.next()) != null && n < 3000) {
            if (withHello || p.type() != PacketType.HELLO) {
                bytes.write(PacketEncoder.encode(p));
            }
            n++;
        }
        Path f = dir.resolve(withHello ? "with.bin" : "without.bin");
        Files.write(f, bytes.toByteArray());
        return f;
    }

    @Test
    void aCaptureWithoutHelloSaysSoAndLayoutAnalysesIt() throws Exception {
        Path without = capture(false);
        var plain = run("analyze", without.toString());
        assertEquals(1, plain.code(), plain.out());
        assertEquals(1, plain.err().strip().lines().count(), plain.err());
        assertTrue(plain.err().contains("starts without a HELLO") && plain.err().contains("--layout RxC"), plain.err());

        var info = run("info", without.toString(), "--json");
        assertEquals(0, info.code(), info.err());
        assertTrue(JSON.readTree(info.out()).get("warning").asText().contains("--layout"), info.out());

        JsonNode reference = JSON.readTree(run("analyze", capture(true).toString(), "--json").out());
        var layout = run("analyze", without.toString(), "--layout", "32x32", "--rate", "100", "--json");
        assertEquals(0, layout.code(), layout.err());
        JsonNode a = JSON.readTree(layout.out());
        assertEquals(reference.get("metrics").get("frames"), a.get("metrics").get("frames"), "every frame decoded");
        assertTrue(a.get("device_description_from").asText().contains("given layout"), a.toString());
        assertTrue(layout.err().contains("frames decoded with the device description from the given layout"),
                layout.err());

        var infoLayout = run("info", without.toString(), "--layout", "32x32", "--json");
        assertEquals(reference.get("metrics").get("frames").asLong(),
                JSON.readTree(infoLayout.out()).get("frames").asLong(), infoLayout.out());

        var export = run("export", without.toString(), "--layout", "32x32", "--format", "csv", "--out",
                dir.resolve("out").toString(), "--quiet");
        assertEquals(0, export.code(), export.err());
        var exportPlain = run("export", without.toString(), "--format", "csv", "--out",
                dir.resolve("out2").toString(), "--quiet");
        assertEquals(1, exportPlain.code());
        assertTrue(exportPlain.err().contains("--layout"), exportPlain.err());

        var wrong = run("analyze", without.toString(), "--layout", "0x5");
        assertEquals(2, wrong.code(), wrong.err());
        var huge = run("analyze", without.toString(), "--layout", "65535x65535");
        assertEquals(2, huge.code(), huge.err());
        assertTrue(huge.err().contains("--layout:"), huge.err());
        var onRecording = run("analyze", sample().toString(), "--layout", "4x4");
        assertEquals(2, onRecording.code(), onRecording.err());
    }

    private static Path sample() {
        return Path.of(System.getProperty("tactus.samplesDir", "sample-recordings")).resolve("spine-contact.tactus");
    }
}
