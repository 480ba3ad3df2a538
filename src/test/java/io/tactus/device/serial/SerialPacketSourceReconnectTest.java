package io.tactus.device.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.PacketSink;
import io.tactus.device.SourceState;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.PacketType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Reconnect rules against fake ports: same device by USB serial number, never another adapter. */
@Timeout(value = 300, unit = TimeUnit.SECONDS) // a hang guard: a busy machine takes longer
class SerialPacketSourceReconnectTest {

    private static final SerialOptions FAST = SerialOptions.defaults().withFormat(WireFormat.binary())
            .withBackoff(Duration.ofMillis(10), Duration.ofMillis(40));
    private static final int FTDI = 0x0403;
    private static final int FT232 = 0x6001;

    private final FakeConnector ports = new FakeConnector();

    @Test
    void aReplugOnAnotherPathReconnectsToTheSameDeviceNotTheAdapterThatTookItsPath() throws Exception {
        FakeConnector.Device mat = ports.plug(FakeConnector.usb("/dev/ttyUSB0", FTDI, FT232, "MAT-A1"));
        RecordingSink sink = new RecordingSink();
        try (SerialPacketSource source = new SerialPacketSource("/dev/ttyUSB0", FAST, ports, new StandardDecoders())) {
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            mat.toHost.add(TestDevice.wire(TestDevice.frame(1)));
            assertEquals(1, sink.take().packet().seq());

            ports.unplug("/dev/ttyUSB0");
            sink.awaitState(SourceState.RECONNECTING, 1);
            // Another adapter of the same model grabs the old path: it must not be opened.
            ports.plug(FakeConnector.usb("/dev/ttyUSB0", FTDI, FT232, "OTHER-9"));
            Thread.sleep(300);
            assertEquals(List.of("/dev/ttyUSB0"), ports.opened, "only the first open so far");
            assertEquals(SourceState.RECONNECTING, source.status().state());

            FakeConnector.Device back = ports.plug(FakeConnector.usb("/dev/ttyUSB1", FTDI, FT232, "MAT-A1"));
            sink.awaitState(SourceState.CONNECTED, 2);
            assertEquals(List.of("/dev/ttyUSB0", "/dev/ttyUSB1"), ports.opened);
            back.toHost.add(TestDevice.wire(TestDevice.frame(2)));
            assertEquals(2, sink.take().packet().seq());
            assertTrue(source.name().startsWith("/dev/ttyUSB1"), source.name());
            assertEquals(1, source.stats().reconnects());
            assertEquals(2, source.stats().packets());
        }
    }

    @Test
    void withoutASerialNumberAUniqueVidPidIsTrustedButTwoIdenticalAdaptersAreNot() {
        DeviceIdentity id = new DeviceIdentity(FTDI, FT232, "");
        PortInfo one = FakeConnector.usb("/dev/ttyUSB3", FTDI, FT232, "");
        PortInfo two = FakeConnector.usb("/dev/ttyUSB4", FTDI, FT232, "");
        PortInfo other = FakeConnector.usb("/dev/ttyACM0", 0x2341, 0x0043, "");
        assertEquals("/dev/ttyUSB3", DeviceIdentity.resolve("/dev/ttyUSB0", id, null, List.of(one, other)).orElseThrow());
        assertTrue(DeviceIdentity.resolve("/dev/ttyUSB0", id, null, List.of(one, two)).isEmpty());
        assertEquals("/dev/ttyUSB0", DeviceIdentity.resolve("/dev/ttyUSB0", null, null, List.of()).orElseThrow(),
                "a non-USB port (pty, UART) is reopened at its path");
    }

    @Test
    void commandsAreResentAfterEveryReconnect() throws Exception {
        FakeConnector.Device first = ports.plug(FakeConnector.usb("/dev/ttyACM0", 0x2341, 0x8036, "X1"));
        RecordingSink sink = new RecordingSink();
        try (SerialPacketSource source = new SerialPacketSource("/dev/ttyACM0", FAST, ports, new StandardDecoders())) {
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            awaitSize(first.fromHost, 2);
            ports.unplug("/dev/ttyACM0");
            sink.awaitState(SourceState.RECONNECTING, 1);
            FakeConnector.Device second = ports.plug(FakeConnector.usb("/dev/ttyACM0", 0x2341, 0x8036, "X1"));
            sink.awaitState(SourceState.CONNECTED, 2);
            awaitSize(second.fromHost, 2);
            assertEquals(2, second.fromHost.size(), "REQUEST_HELLO + START again after the reconnect");
            // Host-to-device sequence numbers continue across connections (one counter per direction).
            assertEquals(PacketType.START.code(), second.fromHost.get(1)[2] & 0xFF, "raw COBS: 2nd byte is the type");
        }
    }

    private static void awaitSize(List<?> list, int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (list.size() < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, list.size());
    }

    @Test
    void aSendNeverBlocksTheCallerAndAStuckWriteCountsAsAVanishedPort() throws Exception {
        FakeConnector.Device dev = ports.plug(FakeConnector.usb("/dev/ttyACM0", 1, 2, "S"));
        dev.writesBlock = true; // the device stopped reading: the driver's write never returns
        RecordingSink sink = new RecordingSink();
        try (SerialPacketSource source = new SerialPacketSource("/dev/ttyACM0", FAST, ports, new StandardDecoders())) {
            source.start(sink);
            sink.awaitState(SourceState.CONNECTED, 1);
            long t0 = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                source.send(new io.tactus.protocol.Packet(PacketType.STOP, 0, 0, new byte[0]));
            }
            assertTrue(System.nanoTime() - t0 < TimeUnit.SECONDS.toNanos(1), "send() only queues");
            assertTrue(source.commandsDropped() > 0, "a bounded queue: the surplus is dropped and counted");
            sink.awaitState(SourceState.RECONNECTING, 1);
            assertTrue(source.status().message().contains("write stuck"), source.status().message());
        }
    }

    @Test
    void aFirstOpenThatFailsIsFinalWithTheReason() throws Exception {
        ports.failure = PortException.fromErrno("/dev/ttyS9", 13);
        RecordingSink sink = new RecordingSink();
        try (SerialPacketSource source = new SerialPacketSource("/dev/ttyS9", FAST, ports, new StandardDecoders())) {
            source.start(sink);
            sink.awaitState(SourceState.FAILED, 1);
            assertTrue(source.status().message().contains("dialout"), source.status().message());
            Thread.sleep(100);
            assertEquals(SourceState.FAILED, sink.statuses.get(sink.statuses.size() - 1).state(), "no retry");
        }
    }

    @Test
    void aThrowingSinkLosesOnlyItsPacket() throws Exception {
        FakeConnector.Device dev = ports.plug(FakeConnector.usb("/dev/ttyACM0", 1, 2, "S"));
        RecordingSink record = new RecordingSink();
        PacketSink sink = new PacketSink() {
            @Override
            public void onPacket(TimedPacket packet) {
                if (packet.packet().seq() == 1) {
                    throw new IllegalStateException("consumer bug");
                }
                record.onPacket(packet);
            }

            @Override
            public void onStatus(io.tactus.device.SourceStatus status) {
                record.onStatus(status);
            }
        };
        try (SerialPacketSource source = new SerialPacketSource("/dev/ttyACM0", FAST, ports, new StandardDecoders())) {
            source.start(sink);
            record.awaitState(SourceState.CONNECTED, 1);
            dev.toHost.add(TestDevice.wire(TestDevice.frame(1)));
            dev.toHost.add(TestDevice.wire(TestDevice.frame(2)));
            assertEquals(2, record.take().packet().seq());
            assertEquals(1, source.sinkErrors());
        }
    }
}
