package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.Await;
import io.tactus.device.FrameAssembler;
import io.tactus.device.FrameListener;
import io.tactus.device.RawFrame;
import io.tactus.device.SourceState;
import io.tactus.device.TimedPacket;
import io.tactus.device.serial.SerialOptions;
import io.tactus.device.serial.SerialPacketSource;
import io.tactus.device.serial.SocatPair;
import io.tactus.device.sim.Scenarios;
import io.tactus.protocol.DeviceDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class SimulateCommandTest {

    @TempDir
    Path dir;

    @Tag("pty")
    @Test
    void streamsAScenarioIntoAPtyThatTheSerialSourceReads() throws Exception {
        try (SocatPair pair = SocatPair.start(dir);
             SerialPacketSource source = new SerialPacketSource(pair.b().toString(), SerialOptions.defaults())) {
            LinkedBlockingQueue<TimedPacket> packets = new LinkedBlockingQueue<>();
            AtomicReference<SourceState> state = new AtomicReference<>();
            source.start(new io.tactus.device.PacketSink() {
                @Override
                public void onPacket(TimedPacket p) {
                    packets.add(p);
                }

                @Override
                public void onStatus(io.tactus.device.SourceStatus s) {
                    state.set(s.state());
                }
            });
            Await.until("the reader connected", () -> state.get() == SourceState.CONNECTED, state::get);
            CompletableFuture<MonitorCommandTest.Run> sim = CompletableFuture.supplyAsync(() -> MonitorCommandTest.tactus(
                    "simulate", "--port", pair.a().toString(), "--scenario", Scenarios.SPINE_CONTACT,
                    "--rate", "200", "--duration", "2"));
            MonitorCommandTest.Run r = sim.get(30, TimeUnit.SECONDS);
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("simulating spine-contact: 32x32 mat, 200 Hz dense"), r.out());
            assertTrue(r.out().contains("host commands"), r.out());

            AtomicReference<DeviceDescriptor> descriptor = new AtomicReference<>();
            AtomicLong frames = new AtomicLong();
            FrameAssembler assembler = new FrameAssembler(new FrameListener() {
                @Override
                public void onDescriptor(DeviceDescriptor d) {
                    descriptor.set(d);
                }

                @Override
                public void onFrame(RawFrame f) {
                    frames.incrementAndGet();
                }
            });
            // Every packet the simulator says it sent has come through the pty.
            java.util.regex.Matcher sent = java.util.regex.Pattern.compile("sent (\\d+) packets \\((\\d+) frames")
                    .matcher(r.out());
            assertTrue(sent.find(), r.out());
            long sentPackets = Long.parseLong(sent.group(1));
            Await.until(sentPackets + " packets through the pty", () -> packets.size() >= sentPackets, packets::size);
            packets.forEach(assembler::accept);
            assertEquals(Long.parseLong(sent.group(2)), frames.get(), "every frame sent arrived");
            assertNotNull(descriptor.get(), "HELLO arrived");
            assertEquals(32, descriptor.get().rows());
            // 2 s at 200 Hz = 400 at most; a busy machine may pace fewer, never more.
            assertTrue(frames.get() > 50 && frames.get() <= 401, "frames: " + frames.get());
            assertEquals(0, assembler.dropped());
            assertEquals(0, source.stats().corruptTotal());
        }
    }

    @Test
    void errorsAreOneLine() throws Exception {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        MonitorCommandTest.Run notAPort = MonitorCommandTest.tactus("simulate", "--port", file.toString());
        assertEquals(1, notAPort.code());
        assertEquals("tactus: " + file + ": not a serial port", notAPort.err().strip());

        MonitorCommandTest.Run badScenario = MonitorCommandTest.tactus("simulate", "--port", file.toString(),
                "--scenario", "nope");
        assertEquals(2, badScenario.code());
        assertTrue(badScenario.err().contains("valid: "), badScenario.err());
        assertEquals(2, MonitorCommandTest.tactus("simulate", "--port", file.toString(), "--rate", "0").code());
        assertEquals(2, MonitorCommandTest.tactus("simulate").code(), "--port is required");
    }

    @Test
    void listsScenarios() {
        MonitorCommandTest.Run r = MonitorCommandTest.tactus("simulate", "--list-scenarios");
        assertEquals(0, r.code());
        for (String name : Scenarios.names()) {
            assertTrue(r.out().contains(name + "  "), name);
        }
    }
}
