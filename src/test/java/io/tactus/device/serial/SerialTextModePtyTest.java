package io.tactus.device.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.SourceState;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Corruption;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.io.FileOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** DIY text lines over a pty: forced with a size (frames arrive), or detected without one (the user is told). */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class SerialTextModePtyTest {

    @TempDir
    Path dir;

    private static String line(int k) {
        return (k) + ", " + (k + 1) + ", " + (k + 2) + "\t" + (k + 3) + " " + (k + 4) + ";" + (k + 5) + "\r\n";
    }

    @Tag("pty")
    @Test
    void forcedTextModeTurnsLinesIntoFramesAndCountsABadLine() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(),
                     SerialOptions.defaults().withFormat(WireFormat.parseText("2x3")))) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            try (FileOutputStream out = new FileOutputStream(pair.a().toFile())) {
                for (int k = 0; k < 15; k++) {
                    out.write(line(k * 10).getBytes(StandardCharsets.US_ASCII));
                    if (k == 7) {
                        out.write("12 oops 7\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
            TimedPacket hello = sink.take();
            assertEquals(PacketType.HELLO, hello.packet().type());
            DeviceDescriptor d = DeviceDescriptor.parse(hello.packet().payload());
            assertEquals(2, d.rows());
            assertEquals(3, d.cols());
            for (int k = 0; k < 15; k++) {
                TimedPacket tp = sink.take();
                assertEquals(PacketType.FRAME_DENSE, tp.packet().type());
                int[] counts = new int[6];
                assertTrue(Payloads.decodeFrame(tp.packet().type(), tp.packet().payload(), counts));
                int b = k * 10;
                assertArrayEquals(new int[] {b, b + 1, b + 2, b + 3, b + 4, b + 5}, counts, "frame " + k);
            }
            assertEquals(1L, source.stats().corrupt().get(Corruption.BAD_TEXT));
        }
    }

    @Tag("pty")
    @Test
    void textWithoutASizeIsDetectedAndTheUserIsToldWhatToAdd() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(), SerialOptions.defaults())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            try (FileOutputStream out = new FileOutputStream(pair.a().toFile())) {
                for (int k = 0; k < 10; k++) {
                    out.write(line(k).getBytes(StandardCharsets.US_ASCII));
                }
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!source.status().message().contains("--ascii") && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(StandardDecoders.NEEDS_SIZE, source.status().message());
            assertEquals(SourceState.CONNECTED, source.status().state());
            assertTrue(source.stats().corrupt().getOrDefault(Corruption.BAD_TEXT, 0L) > 0);
            assertEquals(0, sink.packets.size(), "nothing can be decoded without the size");
        }
    }
}
