package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;

import io.tactus.session.RecordType;
import io.tactus.session.RecordingBytes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** info, analyze and export on damaged or crafted recordings: damage is reported, never a crash or silence. */
class DamagedRecordingCommandsTest {

    private static final Path SAMPLES = Path.of(System.getProperty("tactus.samplesDir", "sample-recordings"));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void shortCorruptAndLossRecordsDoNotCrashInfoAnalyzeOrExport() throws Exception {
        Path f = RecordingBytes.grid4x4(30)
                .record(RecordType.CORRUPT, new byte[3])
                .record(RecordType.LOSS, new byte[8])
                .write(dir.resolve("short.tactus"));
        for (String[] args : new String[][] {
            {"info", f.toString()},
            {"info", f.toString(), "--verify", "--json"},
            {"analyze", f.toString()},
            {"analyze", f.toString(), "--json"},
            {"export", f.toString(), "--format", "csv", "--out", dir.resolve("out").toString(), "--quiet"},
        }) {
            CliRun r = run(args);
            assertEquals(0, r.code(), String.join(" ", args) + ": " + r.err());
            assertTrue(!r.err().contains("Exception") && !r.err().contains("tactus: 8"), r.err());
        }
    }

    /**
     * info checks frames without decoding their cells (FrameAssembler.headersOnly): every frame that does not fit
     * the layout is still counted as a bad payload, by a default run and by --verify, and the good ones as frames.
     */
    @Test
    void framesThatDoNotFitTheLayoutAreCountedByInfo() throws Exception {
        int[] cells = new int[16];
        cells[5] = 700;
        byte[] outOfRange = io.tactus.protocol.Payloads.sparse(cells);
        outOfRange[2] = 16; // cell 16 of a 4x4 grid
        byte[][] payloads = {
            io.tactus.protocol.Payloads.dense(new int[15]), // one cell short
            outOfRange,
            java.util.Arrays.copyOf(io.tactus.protocol.Payloads.sparse(cells), 5), // count says 1 cell, 3 bytes
            io.tactus.protocol.Payloads.sparse(cells), // fits
        };
        RecordingBytes b = RecordingBytes.grid4x4(20);
        for (int i = 0; i < payloads.length; i++) {
            io.tactus.protocol.PacketType type = i == 0 ? io.tactus.protocol.PacketType.FRAME_DENSE
                    : io.tactus.protocol.PacketType.FRAME_SPARSE;
            b.packet((21 + i) * 1_000_000L, new io.tactus.protocol.Packet(type, 21 + i, 1_000 + (20 + i) * 10_000L,
                    payloads[i]));
        }
        Path f = b.write(dir.resolve("misfit.tactus"));
        for (boolean verify : new boolean[] {false, true}) {
            CliRun r = verify ? run("info", f.toString(), "--json", "--verify") : run("info", f.toString(), "--json");
            assertEquals(0, r.code(), r.err());
            JsonNode i = JSON.readTree(r.out());
            assertEquals(3, i.get("bad_payloads").asLong(), r.out());
            assertEquals(21, i.get("frames").asLong(), r.out());
            assertEquals(0, i.get("dropped_packets").asLong(), r.out());
            assertEquals(0, i.get("integrity").get("damaged_regions").asLong(), r.out()); // never closed: "cut"
        }
        CliRun text = run("info", f.toString());
        assertTrue(text.out().contains("bad payloads:        3"), text.out());
    }

    /** Offset of the record after the METADATA record (the HELLO packet of every Tactus recording). */
    private static int afterMetadata(byte[] file) {
        return 16 + 12 + ByteBuffer.wrap(file, 20, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    @Test
    void flippedBitsInAClosedRecordingAreReportedByInfoAnalyzeAndExport() throws Exception {
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("spine-contact.tactus"));
        byte[] damaged = whole.clone();
        damaged[whole.length * 2 / 5] ^= 0x10; // inside a frame's PACKET record
        damaged[whole.length * 3 / 5] ^= 0x01;
        Path f = dir.resolve("flipped.tactus");
        Files.write(f, damaged);

        CliRun info = run("info", f.toString());
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("DAMAGED: 2 damaged region(s)"), info.out());
        assertTrue(info.out().contains("lost at:"), info.out());
        JsonNode ij = JSON.readTree(run("info", f.toString(), "--json").out()).get("integrity");
        assertEquals("damaged", ij.get("status").asText());
        assertEquals(2, ij.get("damaged_regions").asLong());
        assertEquals(2, ij.get("lost_spans").size());
        assertTrue(ij.get("frames_lost").asLong() >= 2, ij.toString());
        assertTrue(ij.get("seconds_lost").asDouble() > 0, ij.toString());

        CliRun text = run("analyze", f.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.err().startsWith("tactus: warning: the recording is DAMAGED"), text.err());
        assertTrue(text.out().contains("integrity: closed normally, DAMAGED"), text.out());
        CliRun json = run("analyze", f.toString(), "--json");
        JsonNode a = JSON.readTree(json.out());
        JsonNode integrity = a.get("integrity");
        assertEquals("damaged", integrity.get("status").asText());
        assertEquals(2, integrity.get("damaged_regions").asLong());
        JsonNode span = integrity.get("lost_spans").get(0);
        assertTrue(span.get("to_s").asDouble() > span.get("from_s").asDouble(), span.toString());
        JsonNode clean = JSON.readTree(run("analyze", SAMPLES.resolve("spine-contact.tactus").toString(), "--json").out());
        assertEquals("ok", clean.get("integrity").get("status").asText());
        assertEquals(clean.get("metrics").get("frames").asLong() - integrity.get("frames_lost").asLong(),
                a.get("metrics").get("frames").asLong(), "the frames lost are exactly the ones missing");

        Path out = dir.resolve("out");
        CliRun export = run("export", f.toString(), "--format", "csv", "--out", out.toString(), "--quiet");
        assertEquals(0, export.code(), export.err());
        assertTrue(export.err().contains("tactus: warning: the recording is DAMAGED"), export.err());
        try (var files = Files.list(out)) {
            Path sidecar = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            JsonNode side = JSON.readTree(sidecar.toFile()).get("integrity");
            assertEquals("damaged", side.get("status").asText(), side.toString());
            assertEquals(2, side.get("lost_spans").size());
        }
    }

    @Test
    void aDamagedHelloRecordFallsBackToTheMetadataDescriptorAndSaysSo() throws Exception {
        byte[] whole = Files.readAllBytes(SAMPLES.resolve("spine-contact.tactus"));
        byte[] damaged = whole.clone();
        damaged[afterMetadata(whole) + 40] ^= 0x04; // inside the HELLO JSON
        Path f = dir.resolve("hello.tactus");
        Files.write(f, damaged);
        JsonNode clean = JSON.readTree(run("analyze", SAMPLES.resolve("spine-contact.tactus").toString(), "--json").out());

        CliRun r = run("analyze", f.toString(), "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode a = JSON.readTree(r.out());
        assertEquals(clean.get("metrics").get("frames"), a.get("metrics").get("frames"), "no frame is lost");
        assertEquals(clean.get("events"), a.get("events"));
        assertTrue(a.get("device_description_from").asText().contains("metadata"), a.toString());
        assertTrue(r.err().contains("device description from the recording's metadata"), r.err());
        assertTrue(r.err().contains("DAMAGED"), r.err());

        CliRun info = run("info", f.toString());
        assertTrue(info.out().contains("device description from: the recording's metadata"), info.out());
        assertFalse(info.out().contains("frames:              0"), info.out());
    }

    private static io.tactus.protocol.DeviceDescriptor grid(int rows, int cols) {
        return new io.tactus.protocol.DeviceDescriptor(1, "Hostile", null, null, "grid", rows, cols,
                new double[] {10, 10}, 12, 100, null, null);
    }

    @Test
    void anInvalidMetadataDescriptorIsRejectedLikeAHelloAndNeverSizesAnExport() throws Exception {
        for (int[] size : new int[][] {{65535, 65535}, {0, 0}, {30000, 30000}}) {
            String label = size[0] + "x" + size[1];
            // The stream's own HELLO is intact: the export goes on with it and says what was ignored.
            RecordingBytes withHello = RecordingBytes.grid4x4(50);
            Path f = withHello.write(dir.resolve("meta-" + label + ".tactus"));
            byte[] b = Files.readAllBytes(f);
            Path hostile = dir.resolve("hostile-" + label + ".tactus");
            Files.write(hostile, RecordingBytes.withMetadataDevice(b, grid(size[0], size[1])));
            Path out = dir.resolve("out-" + label);
            CliRun export = run("export", hostile.toString(), "--format", "csv", "--out", out.toString(), "--quiet");
            assertEquals(0, export.code(), label + ": " + export.err());
            assertTrue(export.err().contains("metadata's device description is invalid (bad size " + label), export.err());
            assertTrue(export.err().lines().allMatch(l -> l.startsWith("tactus: warning: ")), export.err());
            CliRun info = run("info", hostile.toString());
            assertEquals(0, info.code(), info.err());
            assertTrue(info.out().contains("layout:              grid 4x4"), info.out());

            // Without a HELLO in the stream there is nothing valid to describe the frames: one line, exit 1.
            Path noHello = dir.resolve("nohello-" + label + ".tactus");
            Files.write(noHello, RecordingBytes.withoutHello(Files.readAllBytes(hostile)));
            for (String format : new String[] {"csv", "mat", "hdf5", "asf"}) {
                CliRun r = run("export", noHello.toString(), "--format", format, "--out", out.toString(), "--quiet");
                assertEquals(1, r.code(), label + " " + format + ": " + r.err());
                assertEquals(1, r.err().strip().lines().count(), r.err());
                assertTrue(r.err().contains("bad size " + label), r.err());
            }
            CliRun analyze = run("analyze", noHello.toString());
            assertTrue(analyze.err().contains("bad size " + label), analyze.err());
        }
    }

    @Test
    void aMetadataDescriptorThatDisagreesWithTheHelloIsReportedAndTheHelloIsExported() throws Exception {
        Path f = RecordingBytes.grid4x4(40).write(dir.resolve("ok.tactus"));
        io.tactus.protocol.DeviceDescriptor other = new io.tactus.protocol.DeviceDescriptor(1, "Liar", null, null,
                "grid", 4, 4, new double[] {10, 10}, 12, 50, null, null);
        Path lying = dir.resolve("lying.tactus");
        Files.write(lying, RecordingBytes.withMetadataDevice(Files.readAllBytes(f), other));
        Path out = dir.resolve("out");
        CliRun r = run("export", lying.toString(), "--format", "csv", "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("differs from the device's HELLO"), r.err());
        try (var files = Files.list(out)) {
            Path sidecar = files.filter(p -> p.toString().endsWith(".json")).findFirst().orElseThrow();
            assertEquals(100.0, JSON.readTree(sidecar.toFile()).get("device").get("rate_hz").asDouble());
        }
    }
}
