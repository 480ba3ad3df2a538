package io.tactus.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tactus.protocol.Packet;
import io.tactus.session.ReHelloTest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `analyze` across a mid-session HELLO: flags before it survive, a sensor change shows as segments, and the
 * per-region statistics are one set (issue 8, 2.2 and "Also").
 */
class AnalyzeSegmentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path capture(List<Packet> packets) throws Exception {
        return ReHelloTest.capture(dir, packets);
    }

    private static String run(String... args) {
        RecordCommandTest.Run r = RecordCommandTest.tactus(args);
        assertEquals(0, r.code(), r.err());
        return r.out();
    }

    @Test
    void aReHelloKeepsTheFlagsAndASensorChangeShowsSegments() throws Exception {
        JsonNode plain = JSON.readTree(run("analyze", capture(ReHelloTest.withHelloBetweenTheEvents(d -> d,
                Long.MAX_VALUE)).toString(), "--json"));
        JsonNode ev = plain.get("events");
        assertEquals(2, ev.size(), ev.toString());
        double between = (ev.get(0).get("end_s").asDouble() + ev.get(1).get("start_s").asDouble()) / 2;
        long betweenUs = Math.round(between * 1e6) + firstFrameUs();

        Path rate = capture(ReHelloTest.withHelloBetweenTheEvents(d -> ReHelloTest.withRate(d, 25), betweenUs));
        JsonNode a = JSON.readTree(run("analyze", rate.toString(), "--json"));
        assertEquals(ev, a.get("events"), "the re-HELLO erased nothing");
        assertEquals(1, a.get("segments").size());
        assertTrue(run("analyze", rate.toString()).lines().filter(l -> l.contains("Spine contact")).count() == 2);

        Path other = capture(ReHelloTest.withHelloBetweenTheEvents(ReHelloTest::otherSensor, betweenUs));
        JsonNode b = JSON.readTree(run("analyze", other.toString(), "--json"));
        assertEquals(ev.get(0), b.get("events").get(0), "the first segment's flag is kept");
        assertEquals(2, b.get("segments").size(), b.get("segments").toString());
        for (JsonNode s : b.get("segments")) {
            assertTrue(s.get("session_metrics").get("frames").asLong() > 0, s.toString());
        }
        assertTrue(b.get("session_metrics").isNull(), "per segment when the sensor changed");
        assertTrue(run("analyze", other.toString()).contains("segments ("), "the text output says so");
    }

    @Test
    void perRegionStatisticsAreOneSet() throws Exception {
        JsonNode a = JSON.readTree(run("analyze", capture(ReHelloTest.withHelloBetweenTheEvents(d -> d,
                Long.MAX_VALUE)).toString(), "--json"));
        assertEquals(a.get("session_metrics").get("regions"), a.get("regions"),
                "the analysis' region figures are the core's (one definition, docs/SIGNAL.md)");
        assertEquals(12, a.get("regions").size());
        assertTrue(a.get("regions").toString().contains("time_touched_s"));
    }

    /** The scenario's first frame time (packets keep the simulator's device times). */
    private static long firstFrameUs() {
        return ReHelloTest.withHelloBetweenTheEvents(d -> d, Long.MAX_VALUE).stream().filter(p -> p.type().isFrame())
                .findFirst().orElseThrow().deviceTimeUs();
    }
}
