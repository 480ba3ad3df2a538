package io.tactus.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.ExternalTool;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.DeviceDescriptor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The format is readable without Java: the Python reader printed in docs/RECORDING-FORMAT.md reads our files. */
class PythonReaderTest {

    @TempDir
    Path dir;

    private static final String READER = String.join("\n",
            "import struct, zlib, sys, json",
            "def records(path):",
            "    b = open(path, 'rb').read()",
            "    assert b[:8] == b'TACTREC\\x1a'",
            "    pos = 16",
            "    while pos + 12 <= len(b):",
            "        sync, typ, flags, n = struct.unpack_from('<BBHI', b, pos)",
            "        if sync != 0xA5 or pos + 12 + n > len(b): break",
            "        (crc,) = struct.unpack_from('<I', b, pos + 8 + n)",
            "        if zlib.crc32(b[pos:pos + 8 + n]) != crc: break",
            "        yield typ, flags, b[pos + 8:pos + 8 + n]",
            "        pos += 12 + n",
            "frames = 0; seqsum = 0; meta = None; last_t = 0",
            "for typ, flags, body in records(sys.argv[1]):",
            "    if typ == 1 and meta is None: meta = json.loads(body)",
            "    if typ == 2:",
            "        host_ns, ver, ptype, seq, t_us = struct.unpack_from('<qBBHI', body)",
            "        if ptype == 2: frames += 1; seqsum += seq; last_t = t_us; cells = len(body[16:]) // 2",
            "print(frames, seqsum, last_t, cells, meta['trainee'])");

    @Tag("native")
    @Test
    void documentedPythonReaderReadsAJavaWrittenFile() throws Exception {
        String python = ExternalTool.requirePython(); // the reader needs only the standard library
        DeviceDescriptor d = TestStreams.grid(3, 5, 50);
        List<TimedPacket> packets = TestStreams.stream(d, 77, 1_000, 0);
        Path f = dir.resolve("py.tactus");
        RecordingWriter w = new RecordingWriter(f, SessionMetadata.now().withTrainee("T-9"), 1 << 20, null);
        for (int i = 0; i < packets.size(); i++) {
            w.offerPacket(i, packets.get(i));
        }
        w.stop(20_000);
        Path script = Files.writeString(dir.resolve("reader.py"), READER);
        Process p = new ProcessBuilder(python, script.toString(), f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        // 77 frames, seq 1..77, last device time 1000 + 76 * 20000 us, 15 cells.
        assertEquals("77 " + (77 * 78 / 2) + " " + (1_000 + 76 * 20_000) + " 15 T-9", out);
    }
}
