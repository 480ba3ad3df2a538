package io.tactus.device.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.RawFrame;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScenarioStreamTest {

    static List<String> names() {
        return Scenarios.names();
    }

    @Test
    void contractScenarioNamesExist() {
        assertTrue(Scenarios.names().containsAll(List.of("gentle-routine", "spine-contact", "shoulder-overpressure",
                "scapula-contact", "mistakes", "glove")));
        for (String n : Scenarios.names()) {
            assertFalse(Scenarios.describe(n).isBlank());
        }
    }

    @Test
    void unknownScenarioListsValidNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScenarioStream.open("backflip", SimOptions.defaults()));
        assertTrue(e.getMessage().contains("backflip"), e.getMessage());
        assertTrue(e.getMessage().contains("gentle-routine") && e.getMessage().contains("glove"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scenarios.describe("nope"));
    }

    @ParameterizedTest
    @MethodSource("names")
    void everyScenarioIsAValidDeviceStream(String name) throws Exception {
        ScenarioStream s = ScenarioStream.open(name, SimOptions.defaults());
        DeviceDescriptor d = s.descriptor();
        d.validate();
        long seconds = s.durationUs() / 1_000_000;
        assertTrue(seconds >= 30 && seconds <= 90, name + " lasts " + seconds + " s");

        StreamCapture c = StreamCapture.of(s);
        Packet first = c.packets.get(0);
        assertEquals(PacketType.HELLO, first.type());
        assertArrayEquals(d.toJson(), DeviceDescriptor.parse(first.payload()).toJson());
        assertEquals(s.frameCount(), c.frames.size());
        assertEquals(0, c.assembler.dropped());
        assertEquals(0, c.assembler.badPayload(), String.valueOf(c.bad));
        assertEquals(0, c.assembler.framesWithoutHello());
        for (int i = 0; i < c.packets.size(); i++) {
            assertEquals(i & 0xFFFF, c.packets.get(i).seq(), "seq increments per packet");
        }
        for (int i = 1; i < c.frames.size(); i++) {
            assertTrue(c.frames.get(i).deviceTimeUs() > c.frames.get(i - 1).deviceTimeUs(), "frame times increase");
        }
        long last = -1;
        for (Packet p : c.packets) {
            assertTrue(p.deviceTimeUs() >= last, "device time never steps back");
            last = p.deviceTimeUs();
        }
        for (RawFrame f : c.frames) {
            for (int v : f.counts()) {
                assertTrue(v >= 0 && v <= SensorModel.ADC_MAX);
            }
        }
        assertEquals(SimOptions.DEFAULT_CLOCK_START_US + 10_000, c.frames.get(1).deviceTimeUs(), "100 Hz frames");
    }

    @Test
    void sameSeedSameBytesOtherSeedOtherNoise() {
        byte[] a = wire(ScenarioStream.open("mistakes", SimOptions.defaults()));
        byte[] b = wire(ScenarioStream.open("mistakes", SimOptions.defaults()));
        assertArrayEquals(a, b);
        byte[] other = wire(ScenarioStream.open("mistakes", SimOptions.defaults().withSeed(7)));
        assertFalse(java.util.Arrays.equals(a, other));
        assertEquals(ScenarioStream.open("mistakes", SimOptions.defaults()).truth(),
                ScenarioStream.open("mistakes", SimOptions.defaults().withSeed(7)).truth(),
                "truth depends on the script, not the noise");
        byte[] g1 = wire(ScenarioStream.open("glove", SimOptions.defaults().withSparse(true)));
        byte[] g2 = wire(ScenarioStream.open("glove", SimOptions.defaults().withSparse(true)));
        assertArrayEquals(g1, g2);
    }

    private static byte[] wire(ScenarioStream s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Packet p;
        while ((p = s.next()) != null) {
            out.writeBytes(PacketEncoder.encode(p));
        }
        return out.toByteArray();
    }

    @Test
    void sparseFramesDecodeAndSuppressTheBaseline() {
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults().withSparse(true));
        StreamCapture c = StreamCapture.of(s);
        assertEquals(s.frameCount(), c.frames.size());
        assertEquals(0, c.assembler.badPayload());
        assertTrue(c.packets.stream().filter(p -> p.type().isFrame()).allMatch(p -> p.type() == PacketType.FRAME_SPARSE));
        RawFrame idle = c.frames.get(10); // no touch yet: only noisy cells can exceed the threshold
        long lit = java.util.Arrays.stream(idle.counts()).filter(v -> v > 0).count();
        assertTrue(lit <= MatSensor.NOISY_CELLS, "idle sparse frame lists " + lit + " cells");
        RawFrame busy = c.frameAt(s.truth().get(0).startUs() + 500_000);
        assertTrue(java.util.Arrays.stream(busy.counts()).filter(v -> v > 0).count() > 3);
    }

    @Test
    void grid64Works() throws Exception {
        ScenarioStream s = ScenarioStream.open("mistakes", SimOptions.defaults().withGrid(64, 64));
        s.descriptor().validate();
        assertEquals(64, s.descriptor().rows());
        assertEquals(6.25, s.descriptor().pitchXmm(), 1e-9);
        assertEquals(9.375, s.descriptor().pitchYmm(), 1e-9);
        StreamCapture c = StreamCapture.of(s);
        assertEquals(s.frameCount(), c.frames.size());
        assertEquals(4096, c.frames.get(0).counts().length);
        assertEquals(0, c.assembler.badPayload());
        // Same script, finer cells: the same kinds of events in the same regions.
        List<TruthEvent> coarse = ScenarioStream.open("mistakes", SimOptions.defaults()).truth();
        assertEquals(coarse.stream().map(e -> e.type() + "/" + e.region()).toList(),
                s.truth().stream().map(e -> e.type() + "/" + e.region()).toList());
    }

    @Test
    void deviceClockWrapsOnTheWireAndTruthUsesUnwrappedTime() {
        long start = (1L << 32) - 20_000_000; // wraps 20 s into the scenario
        ScenarioStream s = ScenarioStream.open("spine-contact", SimOptions.defaults().withClockStartUs(start));
        StreamCapture c = StreamCapture.of(s);
        assertTrue(c.packets.stream().anyMatch(p -> p.deviceTimeUs() < 1_000_000), "wire time wrapped");
        assertEquals(0, c.assembler.dropped());
        for (int i = 1; i < c.frames.size(); i++) {
            assertTrue(c.frames.get(i).deviceTimeUs() > c.frames.get(i - 1).deviceTimeUs());
        }
        assertEquals(start, c.frames.get(0).deviceTimeUs());
        TruthEvent e = s.truth().get(0);
        assertTrue(e.startUs() > 1L << 32, "truth in unwrapped device time");
        RawFrame f = c.frameAt(e.startUs());
        assertEquals(e.startUs(), f.deviceTimeUs(), "truth onset is a frame time");
    }

    @Test
    void loopContinuesSequenceAndTimeWithoutANewHello() {
        ScenarioStream s = ScenarioStream.open("glove", SimOptions.defaults().withRate(20).withLoop(true));
        long frames = 0;
        int hellos = 0;
        int lastSeq = -1;
        long lastTime = -1;
        long target = 2 * s.frameCount() + 5;
        while (frames < target) {
            Packet p = s.next();
            assertNotNull(p, "a looping stream never ends");
            if (p.type() == PacketType.HELLO) {
                hellos++;
            }
            if (p.type().isFrame()) {
                frames++;
            }
            if (lastSeq >= 0) {
                assertEquals((lastSeq + 1) & 0xFFFF, p.seq());
                assertTrue(p.deviceTimeUs() >= lastTime);
            }
            lastSeq = p.seq();
            lastTime = p.deviceTimeUs();
        }
        assertEquals(1, hellos);
        assertTrue(s.elapsedUs() > 2 * s.durationUs());
    }

    @Test
    void requestHelloResendsTheDescriptorInOrder() {
        ScenarioStream s = ScenarioStream.open("gentle-routine", SimOptions.defaults());
        Packet hello = s.next();
        Packet f1 = s.next();
        s.requestHello();
        Packet again = s.next();
        Packet f2 = s.next();
        assertEquals(PacketType.HELLO, again.type());
        assertArrayEquals(hello.payload(), again.payload());
        assertEquals(f1.deviceTimeUs(), again.deviceTimeUs());
        assertEquals(f1.seq() + 1, again.seq());
        assertEquals(PacketType.FRAME_DENSE, f2.type());
        assertNotEquals(f1.deviceTimeUs(), f2.deviceTimeUs());
    }

    @Test
    void baselineDriftsWithDeviceTimeAcrossLoopsAndLeavesTruthAlone() {
        SimOptions o = SimOptions.defaults().withRate(10).withLoop(true);
        ScenarioStream still = ScenarioStream.open("gentle-routine", o);
        ScenarioStream drifting = ScenarioStream.open("gentle-routine", o.withDrift(30));
        assertEquals(still.truth(), drifting.truth());
        long pass = still.frameCount();
        double expectedAtSecondPass = 30 * still.durationUs() / 60e6; // ~39 counts after one 77.5 s pass
        int[] a = null;
        int[] b = null;
        for (long frames = 0; frames <= pass; ) {
            Packet pa = still.next();
            Packet pb = drifting.next();
            if (pa.type().isFrame()) {
                frames++;
                a = decode(still, pa);
                b = decode(drifting, pb);
            }
        }
        // First frame of the second pass: no touch, same noise (same seed), so the difference is the drift.
        double sum = 0;
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > 0) {
                sum += b[i] - a[i];
                n++;
            }
        }
        double mean = sum / n;
        assertTrue(Math.abs(mean - expectedAtSecondPass) < 2, "mean drift " + mean + " vs " + expectedAtSecondPass);
        assertThrows(IllegalArgumentException.class, () -> SimOptions.defaults().withDrift(Double.NaN));
    }

    private static int[] decode(ScenarioStream s, Packet p) {
        int[] out = new int[s.descriptor().cellCount()];
        assertTrue(io.tactus.protocol.Payloads.decodeFrame(p.type(), p.payload(), out));
        return out;
    }

    @Test
    void optionsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> SimOptions.defaults().withRate(0));
        assertThrows(IllegalArgumentException.class, () -> SimOptions.defaults().withGrid(0, 5));
        assertThrows(IllegalArgumentException.class, () -> SimOptions.defaults().withGrid(300, 300));
        assertThrows(IllegalArgumentException.class, () -> SimOptions.defaults().withPitch(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> SimOptions.defaults().withClockStartUs(1L << 32));
    }
}
