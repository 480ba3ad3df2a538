package io.tactus.app.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tactus.app.fx.Threads;
import io.tactus.device.TimedPacket;
import io.tactus.protocol.Packet;
import io.tactus.session.ReHelloTest;
import io.tactus.session.RecordingReader;
import io.tactus.session.ReplayEngine;
import io.tactus.session.RecordingWriter;
import io.tactus.session.SessionAnalyzer;
import io.tactus.session.SessionMetadata;
import io.tactus.signal.SignalPipeline;
import io.tactus.signal.flags.FlagType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay view's timeline keeps the flags from before a mid-session HELLO, like analyze (issue 8, 2.2). */
class ReplayReHelloTest {

    @TempDir
    Path dir;

    private Path record(List<Packet> packets) throws Exception {
        Path f = dir.resolve("r" + System.nanoTime() + ".tactus");
        RecordingWriter w = new RecordingWriter(f, SessionMetadata.now(), 1L << 30, null);
        long n = 0;
        for (Packet p : packets) {
            w.offerPacket(n++, new TimedPacket(p, p.deviceTimeUs() * 1000));
        }
        assertEquals(null, w.stop(30_000).error());
        return f;
    }

    private static List<Long> spineStarts(List<TimelineEvent> events) {
        return events.stream().filter(e -> e.type() == FlagType.SPINE_CONTACT).map(TimelineEvent::startUs).toList();
    }

    private static List<TimelineEvent> timeline(Path file) {
        ReplayViewModel vm = new ReplayViewModel(Threads.inline(), f -> ReplayEngine.open(f, SignalPipeline::new));
        vm.open(file, null);
        List<TimelineEvent> events = List.copyOf(vm.events());
        vm.close();
        return events;
    }

    @Test
    void theTimelineHasEveryFlagAcrossAReHelloAndASensorChange() throws Exception {
        List<Packet> plainPackets = ReHelloTest.withHelloBetweenTheEvents(d -> d, Long.MAX_VALUE);
        List<Long> plain;
        plain = spineStarts(timeline(record(plainPackets)));
        assertEquals(2, plain.size(), plain.toString());
        long between = (plain.get(0) + plain.get(1)) / 2;

        Path rate = record(ReHelloTest.withHelloBetweenTheEvents(d -> ReHelloTest.withRate(d, 25), between));
        assertEquals(plain, spineStarts(timeline(rate)), "same sensor at a new rate: the pipeline continues");
        Path other = record(ReHelloTest.withHelloBetweenTheEvents(ReHelloTest::otherSensor, between));
        try (RecordingReader r = RecordingReader.open(other)) {
            List<Long> starts = spineStarts(timeline(other));
            assertEquals(plain.get(0), starts.get(0), "the first segment's flag is kept: " + starts);
            List<Long> analyzed = new SessionAnalyzer(SignalPipeline::new).analyze(r).events().stream()
                    .filter(e -> e.type() == FlagType.SPINE_CONTACT).map(e -> e.startUs()).toList();
            assertEquals(analyzed, starts, "replay and analyze decide the same way");
        }
    }
}
