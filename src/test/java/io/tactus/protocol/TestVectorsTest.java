package io.tactus.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Every shared test vector both ways: the Java encoder gives exactly the wire bytes, the decoder the fields. */
class TestVectorsTest {

    static Path firmwareDir() {
        String dir = System.getProperty("tactus.firmwareDir", "firmware-protocol");
        return Path.of(dir);
    }

    static Path vectorsFile() {
        return firmwareDir().resolve("test-vectors/vectors.txt");
    }

    @Test
    void fileIsWhatTheGeneratorProduces() throws Exception {
        String onDisk = Files.readString(vectorsFile(), StandardCharsets.US_ASCII);
        assertEquals(TestVectors.render(TestVectors.generate()), onDisk,
                "vectors.txt is stale: regenerate with java -cp target/test-classes:target/classes "
                        + "io.tactus.protocol.TestVectors firmware-protocol/test-vectors/vectors.txt");
    }

    @Test
    void everyVectorBothWays() throws Exception {
        List<TestVectors.Line> lines = TestVectors.parse(vectorsFile());
        assertTrue(lines.size() >= 30, "vectors: " + lines.size());
        java.util.Set<PacketType> typesSeen = java.util.EnumSet.noneOf(PacketType.class);
        for (TestVectors.Line v : lines) {
            PacketType type = PacketType.fromCode(v.type());
            assertNotNull(type, v.name());
            typesSeen.add(type);
            Packet expected = new Packet(type, v.seq(), v.timeUs(), v.payload());
            byte[] encoded = PacketEncoder.encode(expected);
            byte[] wire;
            if (v.wire() != null) {
                assertArrayEquals(v.wire(), encoded, v.name() + ": Java encoder output");
                wire = v.wire();
            } else {
                CRC32 crc = new CRC32();
                crc.update(encoded);
                assertEquals(v.digestLen(), encoded.length, v.name() + ": wire length");
                assertEquals(v.digestCrc(), crc.getValue(), v.name() + ": wire CRC");
                wire = encoded;
            }
            Collecting sink = new Collecting();
            PacketDecoder decoder = new PacketDecoder(sink);
            decoder.feed(wire, 0, wire.length);
            assertEquals(List.of(expected), sink.packets, v.name() + ": decoded fields");
            assertTrue(sink.corrupt.isEmpty(), v.name());
            assertTypedPayload(v.name(), type, v.payload());
        }
        assertEquals(java.util.EnumSet.allOf(PacketType.class), typesSeen, "every packet type has a vector");
    }

    /** The payload of each vector also decodes with the typed helpers (so the vectors are meaningful). */
    private static void assertTypedPayload(String name, PacketType type, byte[] p) throws Exception {
        switch (type) {
            case HELLO -> assertNotNull(DeviceDescriptor.parse(p), name);
            case FRAME_DENSE -> assertTrue(Payloads.decodeFrame(type, p, new int[p.length / 2]), name);
            case FRAME_SPARSE -> assertTrue(Payloads.decodeFrame(type, p, new int[1024]), name);
            case MARKER -> assertNotNull(Payloads.decodeMarker(p), name);
            case POSE -> assertNotNull(Payloads.decodePose(p), name);
            case ERROR -> assertNotNull(Payloads.decodeError(p), name);
            case SET_RATE -> assertTrue(Payloads.decodeSetRate(p) > 0, name);
            case REQUEST_HELLO, START, STOP -> assertEquals(0, p.length, name);
            case LOG -> assertNotNull(Payloads.decodeText(p), name);
        }
    }

    @Test
    void vectorsCoverTheCobsEdgeCases() throws Exception {
        List<TestVectors.Line> lines = TestVectors.parse(vectorsFile());
        TestVectors.Line final254 = lines.stream().filter(l -> l.name().equals("cobs_final_run_254")).findFirst()
                .orElseThrow();
        byte[] w = final254.wire();
        assertEquals((byte) 0xFF, w[w.length - 1 - 1 - 254 - 1], "a full block ...");
        assertEquals(1, w[w.length - 2], "... then the empty final block");
        TestVectors.Line ends = lines.stream().filter(l -> l.name().equals("zeros_at_both_ends")).findFirst()
                .orElseThrow();
        byte[] raw = PacketEncoder.raw(new Packet(PacketType.fromCode(ends.type()), ends.seq(), ends.timeUs(),
                ends.payload()));
        assertEquals(0, raw[raw.length - 1], "decoded packet ends with a zero byte");
        assertEquals(0, raw[2], "header has zero bytes");
    }
}
