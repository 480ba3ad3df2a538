package io.tactus.session;

import static io.tactus.session.TestStreams.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tactus.device.TimedPacket;
import io.tactus.device.sim.ScenarioStream;
import io.tactus.device.sim.Scenarios;
import io.tactus.device.sim.SimOptions;
import io.tactus.protocol.DeviceDescriptor;
import io.tactus.protocol.Packet;
import io.tactus.protocol.PacketEncoder;
import io.tactus.protocol.PacketType;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagEvent;
import io.tactus.signal.flags.FlagType;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A HELLO in mid-session (a device re-sends it after SET_RATE) must not erase earlier flags (issue 8, 2.2): the
 * same sensor continues the running pipeline, a different one starts a new segment and keeps the earlier one.
 * Every engine decides the same way ({@link PipelineSegments} / {@link SignalPipeline#continueWith}).
 */
public class ReHelloTest {

    @TempDir
    Path dir;

    /** The spine-contact scenario (two spine contacts) with {@code extra} inserted between the two events. */
    public static List<Packet> withHelloBetweenTheEvents(java.util.function.UnaryOperator<DeviceDescriptor> extra,
                                                  long betweenUs) {
        ScenarioStream s = ScenarioStream.open(Scenarios.SPINE_CONTACT, SimOptions.defaults().withRate(50));
        List<Packet> out = new ArrayList<>();
        int seq = 0;
        boolean inserted = false;
        Packet p;
        while ((p = s.next()) != null) {
            if (!inserted && p.deviceTimeUs() >= betweenUs) {
                out.add(new Packet(PacketType.HELLO, seq++ & 0xFFFF, p.deviceTimeUs(),
                        extra.apply(s.descriptor()).toJson()));
                inserted = true;
            }
            out.add(new Packet(p.type(), seq++ & 0xFFFF, p.deviceTimeUs(), p.payload()));
        }
        return out;
    }

    public static DeviceDescriptor withRate(DeviceDescriptor d, double hz) {
        return new DeviceDescriptor(d.protocol(), d.device(), d.serial(), d.firmware(), d.layout(), d.rows(), d.cols(),
                d.pitchMm(), d.adcBits(), hz, d.taxels(), d.calibration());
    }

    public static DeviceDescriptor otherSensor(DeviceDescriptor d) {
        return new DeviceDescriptor(d.protocol(), d.device(), "OTHER-" + d.serial(), d.firmware(), d.layout(), d.rows(),
                d.cols(), d.pitchMm(), d.adcBits(), d.rateHz(), d.taxels(), d.calibration());
    }

    /** The packets as a raw wire capture file in {@code dir}. */
    public static Path capture(Path dir, List<Packet> packets) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (Packet p : packets) {
            b.write(PacketEncoder.encode(p));
        }
        Path f = Files.createTempFile(dir, "cap", ".bin");
        Files.write(f, b.toByteArray());
        return f;
    }

    private Path capture(List<Packet> packets) throws Exception {
        return capture(dir, packets);
    }

    /** The events of the plain scenario, and a device time between its two spine contacts. */
    private record Plain(List<FlagEvent> events, long betweenUs) {
    }

    private Plain plain() throws Exception {
        List<Packet> packets = withHelloBetweenTheEvents(d -> d, Long.MAX_VALUE);
        List<FlagEvent> ev = new SessionAnalyzer(SignalPipeline::new).analyzeCapture(capture(packets), null, null)
                .events();
        List<FlagEvent> spine = ev.stream().filter(e -> e.type() == FlagType.SPINE_CONTACT).toList();
        assertEquals(2, spine.size(), ev.toString());
        return new Plain(ev, (spine.get(0).endUs() + spine.get(1).startUs()) / 2);
    }

    @Test
    void aReHelloAtANewRateContinuesThePipelineInAnalysis() throws Exception {
        Plain plain = plain();
        List<Packet> packets = withHelloBetweenTheEvents(d -> withRate(d, 25), plain.betweenUs());
        SessionAnalysis a = new SessionAnalyzer(SignalPipeline::new).analyzeCapture(capture(packets), null, null);
        assertEquals(plain.events(), a.events(), "every flag before the re-HELLO survives, nothing else changes");
        assertEquals(1, a.segments().size());
        assertEquals(25.0, a.segments().get(0).descriptor().rateHz(), "the new rate is adopted");
        assertEquals(a.metrics().frames(), a.segments().get(0).metrics().frames(), "one pipeline saw every frame");
    }

    @Test
    void aDifferentSensorStartsASegmentAndKeepsTheEarlierOne() throws Exception {
        Plain plain = plain();
        List<Packet> packets = withHelloBetweenTheEvents(ReHelloTest::otherSensor, plain.betweenUs());
        SessionAnalysis a = new SessionAnalyzer(SignalPipeline::new).analyzeCapture(capture(packets), null, null);
        assertEquals(2, a.segments().size());
        FlagEvent first = plain.events().stream().filter(e -> e.type() == FlagType.SPINE_CONTACT).findFirst()
                .orElseThrow();
        assertTrue(a.events().contains(first), "the first segment's spine contact is kept: " + a.events());
        SessionAnalysis.Segment s1 = a.segments().get(0);
        SessionAnalysis.Segment s2 = a.segments().get(1);
        assertEquals(a.metrics().frames(), s1.frames() + s2.frames());
        assertTrue(s1.lastFrameUs() < plain.betweenUs() && s2.firstFrameUs() >= plain.betweenUs());
        assertTrue(s1.metrics().flag(FlagType.SPINE_CONTACT).count() >= 1, "the first segment's metrics are kept");
        // The session's per-region figures are the segments' added up (one definition, docs/SIGNAL.md).
        double touched = s1.metrics().regions().get(0).timeTouchedS() + s2.metrics().regions().get(0).timeTouchedS();
        assertEquals(touched, a.regions().get(0).timeTouchedS(), 1e-9);
    }

    @Test
    void liveAndRecordedAnalysisAgreeAcrossAReHello() throws Exception {
        Plain plain = plain();
        List<Packet> packets = withHelloBetweenTheEvents(d -> withRate(d, 25), plain.betweenUs());
        List<TimedPacket> timed = new ArrayList<>();
        for (Packet p : packets) {
            timed.add(new TimedPacket(p, p.deviceTimeUs() * 1000));
        }
        Path f = dir.resolve("rehello.tactus");
        long frames = packets.stream().filter(p -> p.type().isFrame()).count();
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<FlagEvent> live;
        try (LiveSession s = new LiveSession(new TestStreams.ListSource(timed, go), SignalPipeline::new,
                LiveOptions.DEFAULT.withLossless(true))) {
            s.start();
            s.startRecording(f, SessionMetadata.now());
            go.countDown();
            assertTrue(eventually(() -> s.stats().frames() == frames), () -> "" + s.stats());
            live = s.events().get(20, TimeUnit.SECONDS);
            s.stopRecording();
        }
        assertEquals(plain.events(), live, "live keeps the flags from before the re-HELLO");
        try (RecordingReader r = RecordingReader.open(f)) {
            assertEquals(plain.events(), new SessionAnalyzer(SignalPipeline::new).analyze(r).events());
        }
    }
}
