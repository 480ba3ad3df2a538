package io.tactus.device.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.SourceState;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import io.tactus.protocol.Payloads;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The emulator on one end of a pty pair, the serial source on the other: the whole path without hardware. */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class SerialDeviceEmulatorPtyTest {

    @TempDir
    Path dir;

    /** HELLO then {@code n} frames, device time advancing by {@code periodUs}. */
    static SerialDeviceEmulator.PacketStream synthetic(int n, long periodUs) {
        AtomicInteger i = new AtomicInteger();
        return () -> {
            int k = i.getAndIncrement();
            if (k > n) {
                return null;
            }
            Packet p = k == 0 ? TestDevice.hello(0) : TestDevice.frame(k);
            return new Packet(p.type(), p.seq(), k * periodUs, p.payload());
        };
    }

    @Tag("pty")
    @Test
    void aPacedStreamArrivesCompleteAndInOrderAndCommandsAreAnswered() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(), SerialOptions.defaults());
             SerialDeviceEmulator device = SerialDeviceEmulator.open(pair.a().toString(), SerialOptions.defaults())) {
            List<RawFrame> frames = new ArrayList<>();
            List<String> logs = new ArrayList<>();
            AtomicInteger hellos = new AtomicInteger();
            FrameAssembler assembler = new FrameAssembler(new FrameListener() {
                @Override
                public void onFrame(RawFrame frame) {
                    frames.add(frame);
                }

                @Override
                public void onDescriptor(io.tactus.protocol.DeviceDescriptor descriptor) {
                    hellos.incrementAndGet();
                }

                @Override
                public void onDeviceMessage(long deviceTimeUs, int code, String text) {
                    logs.add(text);
                }
            });
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            // 400 frames at 1 kHz of device time: about 0.4 s of wall time.
            CompletableFuture<SerialDeviceEmulator.Result> run = CompletableFuture.supplyAsync(
                    () -> device.run(synthetic(400, 1000), TimeUnit.SECONDS.toNanos(30)));
            source.send(new Packet(PacketType.SET_RATE, 0, 0, Payloads.setRate(250)));
            SerialDeviceEmulator.Result r = run.get(30, TimeUnit.SECONDS);
            assertTrue(r.streamEnded());
            assertEquals(400, r.frames());
            assertTrue(r.seconds() > 0.3, "paced by device time, took " + r.seconds() + " s");

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (frames.size() < 400 && System.nanoTime() < deadline) {
                TimedPacket tp = sink.packets.poll(100, TimeUnit.MILLISECONDS);
                if (tp != null) {
                    assembler.accept(tp);
                }
            }
            sink.packets.forEach(assembler::accept);
            assertEquals(400, frames.size());
            assertEquals(0, assembler.dropped(), "a repeated HELLO or LOG reuses the last seq: no gap");
            for (int i = 0; i < frames.size(); i++) {
                assertEquals(TestDevice.counts(i + 1)[5], frames.get(i).counts()[5], "frame " + (i + 1));
            }
            assertEquals(3, r.commands(), "REQUEST_HELLO + START from the handshake, then SET_RATE");
            assertTrue(hellos.get() >= 1);
            assertEquals(1, logs.size(), logs.toString());
            assertTrue(logs.get(0).startsWith("SET_RATE 250 Hz ignored"));
        }
    }

    @Tag("pty")
    @Test
    void stopPausesTheDeviceAndStartResumesIt() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(), SerialOptions.defaults());
             SerialDeviceEmulator device = SerialDeviceEmulator.open(pair.a().toString(), SerialOptions.defaults())) {
            RecordingSink sink = new RecordingSink();
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            CompletableFuture<SerialDeviceEmulator.Result> run = CompletableFuture.supplyAsync(
                    () -> device.run(synthetic(1_000_000, 10_000), TimeUnit.SECONDS.toNanos(30)));
            sink.take();
            source.send(new Packet(PacketType.STOP, 0, 0, new byte[0]));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!device.paused() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(device.paused());
            Thread.sleep(100);
            sink.packets.clear();
            Thread.sleep(300);
            assertEquals(0, sink.packets.size(), "nothing streams while stopped");
            source.send(new Packet(PacketType.START, 0, 0, new byte[0]));
            sink.take();
            device.stop();
            assertTrue(run.get(10, TimeUnit.SECONDS).frames() > 0);
        }
    }
}
