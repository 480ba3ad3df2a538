package io.tactus.device.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.SourceState;
import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real-serial-path test, literally: the simulator streams a scenario into one end of a socat pty
 * pair, the serial reader reads the other through jSerialComm; every packet must equal the one an identical
 * (deterministic) scenario stream produces, in order. Then socat is killed mid-stream (the reader reports it
 * and does not spin) and a new pair at the same path brings the stream back.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class SimulatorOverPtyTest {

    private static final SimOptions OPTIONS = SimOptions.defaults().withRate(200);
    private static final int PACKETS = 300;

    @TempDir
    Path dir;

    /** Plays the scenario; a REQUEST_HELLO is answered by repeating the HELLO, so the stream itself is unchanged. */
    private static CompletableFuture<SerialDeviceEmulator.Result> play(SerialDeviceEmulator device) {
        ScenarioStream stream = ScenarioStream.open(Scenarios.SPINE_CONTACT, OPTIONS);
        return CompletableFuture.supplyAsync(() -> device.run(stream::next, TimeUnit.SECONDS.toNanos(60)));
    }

    /** Takes PACKETS packets and checks each against a fresh identical stream (repeated HELLOs skipped). */
    private static void assertIntactAndInOrder(RecordingSink sink) throws InterruptedException {
        ScenarioStream expected = ScenarioStream.open(Scenarios.SPINE_CONTACT, OPTIONS);
        boolean helloSeen = false;
        int matched = 0;
        while (matched < PACKETS) {
            Packet got = sink.take().packet();
            if (got.type() == PacketType.HELLO && helloSeen) {
                continue;
            }
            helloSeen |= got.type() == PacketType.HELLO;
            Packet want = expected.next();
            assertEquals(want, got, "packet " + matched);
            matched++;
        }
    }

    @Tag("pty")
    @Test
    void scenarioPacketsArriveIntactAndTheLinkSurvivesAnUnplug() throws Exception {
        Path a = dir.resolve("dev");
        Path b = dir.resolve("host");
        RecordingSink sink = new RecordingSink();
        try (SerialPacketSource source = new SerialPacketSource(b.toString(), SerialOptions.defaults())) {
            SocatPair first = SocatPair.start(a, b);
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            SerialDeviceEmulator device = SerialDeviceEmulator.open(a.toString(), SerialOptions.defaults());
            CompletableFuture<SerialDeviceEmulator.Result> run = play(device);
            assertIntactAndInOrder(sink);

            first.close(); // unplug mid-stream
            SerialDeviceEmulator.Result r = run.get(20, TimeUnit.SECONDS);
            device.close();
            assertTrue(r.portVanished(), "the device side sees the unplug too");
            sink.awaitState(SourceState.RECONNECTING, 1);
            Thread reader = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("serial-reader " + b)).findFirst().orElse(null);
            assertNotNull(reader);
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long cpu0 = mx.getThreadCpuTime(reader.getId());
            Thread.sleep(1000);
            long cpuMs = (mx.getThreadCpuTime(reader.getId()) - cpu0) / 1_000_000;
            assertTrue(cpuMs < 200, "reader used " + cpuMs + " ms CPU in 1 s while the port was gone");

            try (SocatPair second = SocatPair.start(a, b)) {
                sink.awaitState(SourceState.CONNECTED, 2);
                sink.packets.clear(); // whatever was in flight at the unplug
                try (SerialDeviceEmulator again = SerialDeviceEmulator.open(a.toString(), SerialOptions.defaults())) {
                    CompletableFuture<SerialDeviceEmulator.Result> run2 = play(again);
                    assertIntactAndInOrder(sink);
                    again.stop();
                    run2.get(20, TimeUnit.SECONDS);
                }
                assertEquals(1, source.stats().reconnects());
                assertEquals(0, source.stats().corruptTotal(), source.stats().corrupt().toString());
            }
        }
    }
}
