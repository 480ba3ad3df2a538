package io.tactus.session;

import io.tactus.protocol.Json;
import io.tactus.protocol.Packet;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds recording bytes record by record, including records Tactus never writes (short bodies, crafted
 * headers), for damage and hostile-input tests. No index or trailer: readers open it by a verifying scan.
 */
public final class RecordingBytes {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public RecordingBytes() {
        ByteBuffer h = RecordingFormat.header();
        out.write(h.array(), 0, h.remaining());
    }

    /** Header, metadata with a 4x4 100 Hz grid descriptor, then its HELLO and {@code frames} frames. */
    public static RecordingBytes grid4x4(int frames) {
        io.tactus.protocol.DeviceDescriptor d = TestStreams.grid(4, 4, 100);
        RecordingBytes b = new RecordingBytes().metadata(SessionMetadata.now().withDevice(d));
        for (io.tactus.device.TimedPacket p : TestStreams.stream(d, frames, 1_000, 0)) {
            b.packet(p.hostNanos(), p.packet());
        }
        return b;
    }

    public RecordingBytes record(RecordType type, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(body.length + RecordingFormat.RECORD_OVERHEAD).order(ByteOrder.LITTLE_ENDIAN);
        RecordingFormat.putRecord(b, type, 0, ByteBuffer.wrap(body));
        out.write(b.array(), 0, b.position());
        return this;
    }

    public RecordingBytes metadata(SessionMetadata m) {
        return record(RecordType.METADATA, Json.bytes(m));
    }

    public RecordingBytes packet(long hostNs, Packet p) {
        ByteBuffer b = ByteBuffer.allocate(RecordingFormat.packetRecordBytes(p)).order(ByteOrder.LITTLE_ENDIAN);
        RecordingFormat.putPacket(b, hostNs, p, 0);
        out.write(b.array(), 0, b.position());
        return this;
    }

    public RecordingBytes raw(byte[] bytes) {
        out.write(bytes, 0, bytes.length);
        return this;
    }

    public long size() {
        return out.size();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    public Path write(Path file) throws IOException {
        Files.write(file, out.toByteArray());
        return file;
    }

    /** A copy of {@code file} (first record: METADATA) whose metadata device is {@code d}, unvalidated. */
    public static byte[] withMetadataDevice(byte[] file, io.tactus.protocol.DeviceDescriptor d) throws IOException {
        int len = ByteBuffer.wrap(file, 20, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] json = java.util.Arrays.copyOfRange(file, 24, 24 + len);
        SessionMetadata m = Json.tolerant(SessionMetadata.class).<SessionMetadata>readValue(json).withDevice(d);
        RecordingBytes b = new RecordingBytes().metadata(m);
        b.raw(java.util.Arrays.copyOfRange(file, 24 + len + 4, file.length));
        return b.bytes();
    }

    /** A copy of {@code file} without its second record (the HELLO packet after the METADATA). */
    public static byte[] withoutHello(byte[] file) {
        int metaEnd = 16 + 12 + ByteBuffer.wrap(file, 20, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int helloEnd = metaEnd + 12 + ByteBuffer.wrap(file, metaEnd + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        byte[] out = new byte[file.length - (helloEnd - metaEnd)];
        System.arraycopy(file, 0, out, 0, metaEnd);
        System.arraycopy(file, helloEnd, out, metaEnd, file.length - helloEnd);
        return out;
    }
}
