package io.tactus.fuzz;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import io.tactus.session.Annotation;
import io.tactus.session.PipelineCommand;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Real inputs to mutate, made by the project's own simulator and recorder (the same path a device and `tactus
 * record` take): protocol-v1 captures, DIY text captures, HELLO descriptors, recordings. Kept small (8 x 8
 * grids, a few hundred packets) so that 10^5 inputs per entry point run in minutes.
 */
final class Seeds {

    static final int ROWS = 8;
    static final int COLS = 8;

    private Seeds() {
    }

    /** Packets of a scenario on an 8 x 8 grid, with a receiver marker injected every 100 packets. */
    static List<Packet> packets(String scenario, boolean sparse, int n) {
        ScenarioStream s = ScenarioStream.open(scenario, SimOptions.defaults().withGrid(ROWS, COLS).withSparse(sparse));
        List<Packet> out = new ArrayList<>();
        Packet p;
        while (out.size() < n && (p = s.next()) != null) {
            out.add(p);
            if (out.size() % 100 == 0) {
                out.add(new Packet(PacketType.MARKER, (p.seq() + 1) & 0xFFFF, p.deviceTimeUs(),
                        Payloads.marker(Payloads.Marker.TOO_MUCH, "too much " + out.size())));
            }
        }
        return out;
    }

    static byte[] capture(List<Packet> packets) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Packet p : packets) {
            b.write(PacketEncoder.encode(p));
        }
        return b.toByteArray();
    }

    /** DIY text: one frame per line, comma-separated counts, with a label line now and then. */
    static byte[] text(List<Packet> packets) {
        StringBuilder sb = new StringBuilder();
        int[] counts = new int[ROWS * COLS];
        int frames = 0;
        for (Packet p : packets) {
            if ((p.type() == PacketType.FRAME_DENSE || p.type() == PacketType.FRAME_SPARSE)
                    && Payloads.decodeFrame(p.type(), p.payload(), counts)) {
                for (int i = 0; i < counts.length; i++) {
                    sb.append(i == 0 ? "" : ",").append(counts[i] & 0x3FF);
                }
                sb.append('\n');
                if (++frames % 50 == 0) {
                    sb.append("# sensor ready\n");
                }
            }
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    static List<byte[]> hellos() {
        List<byte[]> out = new ArrayList<>();
        out.add(ScenarioStream.open("mistakes", SimOptions.defaults()).descriptor().toJson());
        out.add(ScenarioStream.open("glove", SimOptions.defaults()).descriptor().toJson());
        out.add(ScenarioStream.open("spine-contact", SimOptions.defaults().withGrid(ROWS, COLS)).descriptor().toJson());
        return out;
    }

    /**
     * A closed recording of {@code packets} with a tare command, a CORRUPT note, an annotation and the live flag
     * events, written by the real {@link RecordingWriter}.
     */
    static byte[] recording(List<Packet> packets, Path dir) throws Exception {
        Path f = Files.createTempFile(dir, "seed", ".tactus");
        Packet hello = packets.get(0);
        SessionMetadata meta = SessionMetadata.now().withAppVersion("fuzz-seed").withSource("simulator")
                .withDevice(io.tactus.protocol.DeviceDescriptor.parse(hello.payload())).withProfile("gentle")
                .withTrainee("T-1").withNotes("seed");
        RecordingWriter w = new RecordingWriter(f, meta, 64L << 20, null);
        long n = 0;
        for (Packet p : packets) {
            if (n == 40) {
                w.offerCommand(n, PipelineCommand.of("tare"));
                w.offerCorrupt(Corruption.BAD_CRC, 17, p.deviceTimeUs() * 1000);
            }
            if (n == 42) {
                w.offerAnnotation(Annotation.of(p.deviceTimeUs(), "watch the spine"));
            }
            w.offerPacket(n++, new TimedPacket(p, p.deviceTimeUs() * 1000));
        }
        if (w.stop(30_000).error() != null) {
            throw new IOException("seed recording failed");
        }
        byte[] b = Files.readAllBytes(f);
        Files.delete(f);
        return b;
    }

    /** Offsets of the records of a recording (walking the length fields from the header). */
    static List<Integer> recordOffsets(byte[] rec) {
        List<Integer> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN);
        int at = 16;
        while (at + 12 <= rec.length) {
            out.add(at);
            at += 12 + b.getInt(at + 4);
        }
        return out;
    }
}
